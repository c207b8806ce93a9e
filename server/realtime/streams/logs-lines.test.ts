import { describe, expect, it } from "vitest";
import type { LogLine } from "../../../lib/realtime/events";
import { LineSplitter, MAX_LINE_BYTES, sinceAfter, stampAt } from "./logs-lines";

const TS = "2024-05-01T10:00:00.123456789Z";
const TS2 = "2024-05-01T10:00:01.000000000Z";

function splitter(opts: { keepTs?: boolean; tty?: boolean } = {}) {
  const lines: LogLine[] = [];
  const s = new LineSplitter("stderr", { keepTs: opts.keepTs ?? false, tty: opts.tty ?? false }, (l) =>
    lines.push(l),
  );
  return { s, lines, texts: () => lines.map((l) => l.text) };
}

const b = (s: string) => Buffer.from(s);

describe("LineSplitter", () => {
  it("strips each message's timestamp, keeping it on the line when asked", () => {
    const { s, lines } = splitter({ keepTs: true });
    s.message(b(`${TS} first\n`));
    s.message(b(`${TS2} second\n`));
    expect(lines).toEqual([
      { ts: TS, stream: "stderr", text: "first" },
      { ts: TS2, stream: "stderr", text: "second" },
    ]);
    expect(s.lastTs).toBe(TS2);
  });

  it("drops the timestamp from the line when not asked, but still remembers the newest", () => {
    const { s, lines } = splitter();
    s.message(b(`${TS} first\n`));
    expect(lines).toEqual([{ stream: "stderr", text: "first" }]);
    expect(s.lastTs).toBe(TS);
  });

  it("holds a partial line until its newline, keeping the first part's timestamp", () => {
    const { s, lines } = splitter({ keepTs: true });
    s.message(b(`${TS} part one, `));
    expect(lines).toEqual([]);
    s.message(b(`${TS2} part two\n`));
    expect(lines).toEqual([{ ts: TS, stream: "stderr", text: "part one, part two" }]);
  });

  it("splits a message with several lines and drops CR before LF", () => {
    const { s, texts } = splitter();
    s.message(b(`${TS} a\r\nb\n\nc\r\n`));
    expect(texts()).toEqual(["a", "b", "", "c"]);
  });

  it("drops a CR that ended the held part when the LF comes in the next message", () => {
    const { s, texts } = splitter();
    s.message(b(`${TS} windows\r`));
    s.message(b(`${TS2} \n`));
    expect(texts()).toEqual(["windows"]);
  });

  it("keeps a multi-byte character cut between two messages intact", () => {
    const { s, texts } = splitter();
    const euro = Buffer.from("€");
    s.message(Buffer.concat([b(`${TS} price: `), euro.subarray(0, 1)]));
    s.message(Buffer.concat([b(`${TS2} `), euro.subarray(1), b("5\n")]));
    expect(texts()).toEqual(["price: €5"]);
  });

  it("emits a held partial line when the stream ends", () => {
    const { s, texts } = splitter();
    s.message(b(`${TS} no newline`));
    s.end();
    expect(texts()).toEqual(["no newline"]);
  });

  it("cuts a line that never ends, so held bytes stay bounded", () => {
    const { s, lines } = splitter();
    const chunk = "x".repeat(64 * 1024);
    for (let i = 0; i < 5; i++) s.message(b(`${TS} ${chunk}`));
    expect(lines.length).toBe(1);
    expect(lines[0]?.text.length).toBe(MAX_LINE_BYTES);
  });

  it("takes a timestamp from every line of a TTY stream, wherever chunks are cut", () => {
    const { s, lines } = splitter({ keepTs: true, tty: true });
    const raw = b(`${TS} \x1b[32mgreen\x1b[0m\r\n${TS2} next\r\n`);
    s.raw(raw.subarray(0, 10));
    s.raw(raw.subarray(10, 50));
    s.raw(raw.subarray(50));
    expect(lines).toEqual([
      { ts: TS, stream: "stderr", text: "\x1b[32mgreen\x1b[0m" },
      { ts: TS2, stream: "stderr", text: "next" },
    ]);
    expect(s.lastTs).toBe(TS2);
  });

  it("leaves text without a timestamp prefix alone", () => {
    const { s, lines } = splitter({ keepTs: true, tty: true });
    s.raw(b("plain line\n"));
    expect(lines).toEqual([{ stream: "stderr", text: "plain line" }]);
  });
});

describe("sinceAfter", () => {
  it("is one nanosecond after the timestamp, in the engine's seconds.nanoseconds form", () => {
    expect(sinceAfter("2024-05-01T10:00:00.123456789Z")).toBe("1714557600.123456790");
    expect(sinceAfter("2024-05-01T10:00:00.999999999Z")).toBe("1714557601.000000000");
  });
});

describe("stampAt", () => {
  const at = (s: string) => stampAt(Buffer.from(s), 0);

  it("takes Docker's fixed-width stamp as it is", () => {
    expect(at("2026-12-06T01:02:03.123456789Z hi")).toEqual({
      ts: "2026-12-06T01:02:03.123456789Z",
      len: 31,
    });
  });

  it("widens Podman's whole-second and short-fraction stamps to Docker's form", () => {
    expect(at("2026-12-06T01:02:03Z hi")).toEqual({ ts: "2026-12-06T01:02:03.000000000Z", len: 21 });
    expect(at("2026-12-06T01:02:03.5Z hi")).toEqual({ ts: "2026-12-06T01:02:03.500000000Z", len: 23 });
  });

  it("turns a stamp with an offset into UTC", () => {
    expect(at("2026-12-06T09:02:03+08:00 hi")).toEqual({ ts: "2026-12-06T01:02:03.000000000Z", len: 26 });
  });

  it("finds none in a line that does not start with one", () => {
    expect(at("hello world, a plain line")).toBeUndefined();
    expect(at("2026-12-06 01:02:03 not RFC 3339")).toBeUndefined();
  });
});
