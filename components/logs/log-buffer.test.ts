import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/realtime/events";
import { LogBuffer } from "./log-buffer";
import { compileSearch, findMatch, matchRanges, splitByRanges } from "./log-search";

const ts = (s: number, ns = 0) =>
  `2024-05-01T10:00:${String(s).padStart(2, "0")}.${String(ns).padStart(9, "0")}Z`;
const line = (text: string, t?: string, stream: LogLine["stream"] = "stdout"): LogLine => ({
  text,
  stream,
  ...(t ? { ts: t } : {}),
});
const texts = (b: LogBuffer) => b.entries.map((e) => e.text);

describe("LogBuffer", () => {
  it("keeps the last lines within capacity and counts the dropped ones", () => {
    const b = new LogBuffer(5);
    b.append(0, { lines: Array.from({ length: 8 }, (_, i) => line(`l${i}`)) });
    expect(texts(b)).toEqual(["l3", "l4", "l5", "l6", "l7"]);
    expect(b.droppedOlder).toBe(3);
  });

  it("puts a skipped marker before the batch's lines and a notice after them", () => {
    const b = new LogBuffer();
    b.append(0, { lines: [line("a")], skipped: 1200, notice: { kind: "stopped", message: "not running" } });
    expect(b.entries.map((e) => e.marker ?? e.text)).toEqual([
      { kind: "skipped", count: 1200 },
      "a",
      { kind: "stream", state: "stopped", message: "not running" },
    ]);
    expect(b.skipped).toBe(1200);
    expect(b.entries.map((e) => e.kind)).toEqual(["marker", "line", "marker"]);
  });

  it("strips escape sequences for search but keeps them for display", () => {
    const b = new LogBuffer();
    b.append(0, { lines: [line("\x1b[31merror\x1b[0m here", undefined, "stderr")] });
    expect(b.entries[0]).toMatchObject({
      text: "\x1b[31merror\x1b[0m here",
      plain: "error here",
      stream: "stderr",
    });
  });

  it("merges interleaving containers by timestamp in merged views", () => {
    const b = new LogBuffer();
    b.append(0, { lines: [line("a1", ts(1)), line("a3", ts(3)), line("a5", ts(5))] }, true);
    b.append(1, { lines: [line("b2", ts(2)), line("b4", ts(4, 5)), line("b6", ts(6))] }, true);
    b.append(0, { lines: [line("a4", ts(4, 1))] }, true);
    expect(texts(b)).toEqual(["a1", "b2", "a3", "a4", "b4", "a5", "b6"]);
    expect(b.entries.map((e) => e.source)).toEqual([0, 1, 0, 0, 1, 0, 1]);
  });

  it("appends in arrival order when not merging", () => {
    const b = new LogBuffer();
    b.append(0, { lines: [line("late", ts(9))] });
    b.append(0, { lines: [line("early", ts(1))] });
    expect(texts(b)).toEqual(["late", "early"]);
  });
});

describe("log search", () => {
  it("is case-insensitive unless the query has a capital, and reports a bad expression", () => {
    expect(compileSearch("err").re?.flags).toContain("i");
    expect(compileSearch("Err").re?.flags).not.toContain("i");
    expect(compileSearch("(").error).toBeTruthy();
    expect(compileSearch("")).toEqual({});
  });

  it("finds every match in a line, skipping empty ones", () => {
    const { re } = compileSearch("\\d+|x*");
    expect(matchRanges("a 12 b 345", re)).toEqual([
      [2, 4],
      [7, 10],
    ]);
  });

  it("finds the next and previous matching line, wrapping around", () => {
    const b = new LogBuffer();
    b.append(0, { lines: ["tick 1", "tick 2", "tock 5", "tick 3", "tock 10"].map((t) => line(t)) });
    const { re } = compileSearch("tock");
    expect(findMatch(b.entries, re, -1, 1)).toBe(2);
    expect(findMatch(b.entries, re, 2, 1)).toBe(4);
    expect(findMatch(b.entries, re, 4, 1)).toBe(2);
    expect(findMatch(b.entries, re, 2, -1)).toBe(4);
    expect(findMatch(b.entries, compileSearch("none").re, 0, 1)).toBe(-1);
  });

  it("splits a segment of text by match ranges given in line offsets", () => {
    expect(
      splitByRanges("world!", 6, [
        [0, 5],
        [6, 11],
      ]),
    ).toEqual([
      { text: "world", hit: true },
      { text: "!", hit: false },
    ]);
    expect(splitByRanges("hello ", 0, [[0, 5]])).toEqual([
      { text: "hello", hit: true },
      { text: " ", hit: false },
    ]);
  });
});
