import { Readable } from "node:stream";
import tar from "tar-stream";
import { describe, expect, it } from "vitest";
import { foldersOf, packPathProblem, tarParts } from "./tar-pack";

/** What tar-stream, an independent reader, finds in the packed bytes. */
async function read(bytes: Buffer) {
  const extract = tar.extract();
  const out: { name: string; type: string; size: number; body: string; mode: number }[] = [];
  extract.on("entry", (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: unknown) => chunks.push(c as Buffer));
    stream.on("end", () => {
      out.push({
        name: h.name,
        type: h.type ?? "",
        size: h.size ?? 0,
        body: Buffer.concat(chunks).toString("utf8"),
        mode: h.mode ?? 0,
      });
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => {
    extract.on("finish", () => resolve());
    extract.on("error", (err: unknown) => reject(err as Error));
  });
  Readable.from([bytes]).pipe(extract);
  await done;
  return out;
}

const pack = (files: { path: string; body: string }[]) =>
  Buffer.concat(
    tarParts(
      files.map((f) => ({
        path: f.path,
        size: Buffer.byteLength(f.body),
        mtime: 1_700_000_000_000,
        body: Buffer.from(f.body),
      })),
      1_700_000_000_000,
    ).map((p) => Buffer.from(p)),
  );

describe("tarParts", () => {
  it("packs files and their folders, parents first, as a tar reader sees them", async () => {
    const entries = await read(
      pack([
        { path: "app/conf/site.yaml", body: "a: 1\n" },
        { path: "app/run.sh", body: "#!/bin/sh\necho hi\n" },
        { path: "top.txt", body: "" },
      ]),
    );
    expect(entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ["app/", "directory", 0],
      ["app/conf/", "directory", 0],
      ["app/conf/site.yaml", "file", 5],
      ["app/run.sh", "file", 18],
      ["top.txt", "file", 0],
    ]);
    expect(entries[3]?.body).toBe("#!/bin/sh\necho hi\n");
    expect(entries[0]?.mode).toBe(0o755);
    expect(entries[2]?.mode).toBe(0o644);
  });

  it("keeps a path longer than 100 bytes whole, split into ustar's prefix", async () => {
    const long = `${"d".repeat(120)}/${"f".repeat(90)}.txt`;
    const entries = await read(pack([{ path: long, body: "x" }]));
    expect(entries.at(-1)?.name).toBe(long);
    expect(() => pack([{ path: "x".repeat(101), body: "" }])).toThrow(/too long/);
  });

  it("refuses a path that is absolute or climbs out, naming it", () => {
    expect(() => pack([{ path: "/etc/passwd", body: "" }])).toThrow("/etc/passwd: the path must be relative");
    expect(() => pack([{ path: "a/../../x", body: "" }])).toThrow(/a\/\.\.\/\.\.\/x: the path must not hold/);
    expect(packPathProblem("ok/file")).toBeUndefined();
  });
});

describe("foldersOf", () => {
  it("lists each folder once, shallow ones first", () => {
    expect(
      foldersOf([
        { path: "b/c/d", size: 0, mtime: 0 },
        { path: "a/x", size: 0, mtime: 0 },
        { path: "b/y", size: 0, mtime: 0 },
      ]),
    ).toEqual(["a", "b", "b/c"]);
  });
});
