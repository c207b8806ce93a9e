import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration";

describe("swarm durations", () => {
  it("reads Go durations as nanoseconds", () => {
    expect(parseDuration("0")).toBe(0);
    expect(parseDuration("5s")).toBe(5e9);
    expect(parseDuration("1m30s")).toBe(90e9);
    expect(parseDuration("250ms")).toBe(250e6);
    expect(parseDuration("1.5s")).toBe(1.5e9);
    expect(parseDuration("1h")).toBe(3600e9);
  });

  it("refuses what is not a duration", () => {
    expect(parseDuration("5")).toBeUndefined();
    expect(parseDuration("five seconds")).toBeUndefined();
    expect(parseDuration("-1s")).toBeUndefined();
    expect(parseDuration("")).toBeUndefined();
  });

  it("writes nanoseconds back as the shortest text that reads the same", () => {
    for (const t of ["0s", "5s", "1m30s", "250ms", "1h", "1h0m5s", "1.5s"]) {
      const ns = parseDuration(t) ?? -1;
      expect(parseDuration(formatDuration(ns))).toBe(ns);
    }
    expect(formatDuration(undefined)).toBe("0s");
    expect(formatDuration(90e9)).toBe("1m30s");
    expect(formatDuration(250e6)).toBe("250ms");
  });
});
