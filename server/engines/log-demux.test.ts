import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DemuxTransform, createDemuxer, type StdStream } from "./log-demux";

function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = typeof text === "string" ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect() {
  const frames: [StdStream, string][] = [];
  const feed = createDemuxer((s, p) => frames.push([s, p.toString()]));
  return { frames, feed };
}

async function drain(t: DemuxTransform, chunks: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const c of Readable.from(chunks).pipe(t)) out.push(c as Buffer);
  return Buffer.concat(out).toString();
}

describe("createDemuxer", () => {
  it("hands on several frames from one chunk, tagged by stream", () => {
    const { frames, feed } = collect();
    feed(Buffer.concat([frame(1, "a\n"), frame(2, "b\n"), frame(1, "c\n")]));
    expect(frames).toEqual([
      ["stdout", "a\n"],
      ["stderr", "b\n"],
      ["stdout", "c\n"],
    ]);
  });

  it("holds a frame whose payload is split across chunks", () => {
    const { frames, feed } = collect();
    const f = frame(2, "hello world\n");
    feed(f.subarray(0, 12));
    expect(frames).toEqual([]);
    feed(f.subarray(12));
    expect(frames).toEqual([["stderr", "hello world\n"]]);
  });

  it("holds a header split across chunks, even one byte at a time", () => {
    const { frames, feed } = collect();
    const all = Buffer.concat([frame(1, "x"), frame(2, "yz")]);
    for (const b of all) feed(Buffer.from([b]));
    expect(frames).toEqual([
      ["stdout", "x"],
      ["stderr", "yz"],
    ]);
  });

  it("joins a large frame that arrives in many chunks, and passes empty frames", () => {
    const { frames, feed } = collect();
    const big = "z".repeat(200_000);
    const all = Buffer.concat([frame(1, ""), frame(1, big), frame(2, "end")]);
    for (let at = 0; at < all.length; at += 4096) feed(all.subarray(at, at + 4096));
    expect(frames.map(([s, t]) => [s, t.length])).toEqual([
      ["stdout", 0],
      ["stdout", big.length],
      ["stderr", 3],
    ]);
  });

  it("gives the same frames however the stream is cut", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<1 | 2>(1, 2), fc.string({ maxLength: 40 })), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (items, cuts) => {
          const all = Buffer.concat(items.map(([s, t]) => frame(s, t)));
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const { frames, feed } = collect();
          let prev = 0;
          for (const p of [...points, all.length]) {
            feed(all.subarray(prev, p));
            prev = p;
          }
          expect(frames).toEqual(items.map(([s, t]) => [s === 2 ? "stderr" : "stdout", t]));
        },
      ),
    );
  });
});

describe("DemuxTransform", () => {
  const mixed = [frame(1, "out 1\n"), frame(2, "err 1\n"), frame(1, "out 2\n")];

  it("concatenates the payloads of a non-TTY stream in the engine's order", async () => {
    const all = Buffer.concat(mixed);
    const chunks = [all.subarray(0, 5), all.subarray(5, 17), all.subarray(17)];
    expect(await drain(new DemuxTransform(false), chunks)).toBe("out 1\nerr 1\nout 2\n");
  });

  it("keeps one stream when asked", async () => {
    expect(await drain(new DemuxTransform(false, "stdout"), mixed)).toBe("out 1\nout 2\n");
    expect(await drain(new DemuxTransform(false, "stderr"), mixed)).toBe("err 1\n");
  });

  it("passes a TTY stream through untouched, header-like bytes and all", async () => {
    const raw = [Buffer.from("\x01\x00\x00\x00plain \x1b[31mred\x1b[0m\r\n"), Buffer.from("more")];
    expect(await drain(new DemuxTransform(true), raw)).toBe(Buffer.concat(raw).toString());
    expect(await drain(new DemuxTransform(true, "stderr"), raw)).toBe("");
  });
});
