import { describe, expect, it } from "vitest";
import { formatAge, formatBytes, formatDateTime, formatEngineTime, shortId } from "./format";

describe("shortId", () => {
  it("keeps the first 12 characters of an id", () => {
    expect(shortId("4f66ad5b1e2d8c0c1c7e0b6c0f4a1b2c")).toBe("4f66ad5b1e2d");
  });

  it("drops a sha256: prefix first", () => {
    expect(shortId("sha256:9b1c2d3e4f5a6b7c8d9e0f")).toBe("9b1c2d3e4f5a");
  });
});

describe("formatAge", () => {
  const now = 1_700_000_000_000;

  it.each([
    [0, "0s"],
    [59_000, "59s"],
    [60_000, "1m"],
    [59 * 60_000, "59m"],
    [60 * 60_000, "1h"],
    [47 * 3_600_000, "47h"],
    [48 * 3_600_000, "2d"],
    [10 * 86_400_000, "10d"],
  ])("formats an age of %i ms as %s", (ageMs, expected) => {
    expect(formatAge(now - ageMs, now)).toBe(expected);
  });

  it("clamps a time in the future to 0s", () => {
    expect(formatAge(now + 5000, now)).toBe("0s");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.0 KiB"],
    [1536, "1.5 KiB"],
    [150 * 1024 * 1024, "150 MiB"],
    [3 * 1024 ** 3, "3.0 GiB"],
    [2048 * 1024 ** 4, "2048 TiB"],
    [-2048, "-2.0 KiB"],
  ])("formats %d as %s", (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });

  it("shows a dash for non-finite numbers", () => {
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatDateTime and formatEngineTime", () => {
  const ms = Date.UTC(2026, 11, 4, 21, 5, 9);
  it("write the moment in each locale's own order, on a 24-hour clock", () => {
    expect(formatDateTime(ms, "en", "UTC")).toBe("12/04/2026, 21:05:09 UTC");
    expect(formatDateTime(ms, "zh-CN", "UTC")).toMatch(/^2026\/12\/04 .*21:05:09/);
  });
  it("show an engine's time in UTC, and its zero time or none as a dash", () => {
    expect(formatEngineTime("2026-12-04T21:05:09.123456789Z", "en")).toBe("12/04/2026, 21:05:09 UTC");
    expect(formatEngineTime("0001-01-01T00:00:00Z")).toBe("—");
    expect(formatEngineTime(undefined)).toBe("—");
    expect(formatEngineTime("not a time")).toBe("not a time");
  });
});
