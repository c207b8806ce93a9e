import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseByteSize, parseDuration, parseFileMode } from "./units";

describe("parseByteSize: go-units RAMInBytes", () => {
  it.each([
    ["48m", 48 * 1024 ** 2],
    ["1g", 1024 ** 3],
    ["512M", 512 * 1024 ** 2],
    ["1.5gb", 1.5 * 1024 ** 3],
    ["64k", 65536],
    ["65536k", 64 * 1024 ** 2],
    ["2 MiB", 2 * 1024 ** 2],
    ["100", 100],
    ["100b", 100],
    ["1t", 1024 ** 4],
    ["1p", 1024 ** 5],
    [1024, 1024],
  ])("%s → %d bytes", (input, bytes) => {
    expect(parseByteSize(input)).toBe(bytes);
  });

  it("truncates a fractional byte count as go-units does", () => {
    expect(parseByteSize("1.5k")).toBe(1536);
    expect(parseByteSize("0.3k")).toBe(307);
  });

  it.each(["", "m", "-1m", "1x", "1mm", "1.2.3m", "1 m b", "ten"])("refuses %j", (input) => {
    expect(parseByteSize(input)).toBeUndefined();
  });

  it("refuses a negative or fractional number", () => {
    expect(parseByteSize(-1)).toBeUndefined();
    expect(parseByteSize(1.5)).toBeUndefined();
  });

  it("round-trips any whole count in any unit", () => {
    const units = fc.constantFrom<[string, number]>(
      ["", 1],
      ["k", 1024],
      ["m", 1024 ** 2],
      ["g", 1024 ** 3],
      ["K", 1024],
      ["MB", 1024 ** 2],
      ["gib", 1024 ** 3],
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4096 }), units, (n, [unit, size]) => {
        expect(parseByteSize(`${n}${unit}`)).toBe(n * size);
      }),
    );
  });
});

describe("parseDuration: Go's time.ParseDuration", () => {
  it.each([
    ["1m30s", 90e9],
    ["10s", 10e9],
    ["500ms", 500e6],
    ["1h", 3600e9],
    ["1.5s", 1.5e9],
    ["2us", 2000],
    ["3µs", 3000],
    ["100ns", 100],
    ["1h2m3s4ms", 3723.004e9],
    ["0", 0],
    [".5s", 0.5e9],
  ])("%s → %d ns", (input, ns) => {
    expect(parseDuration(input)).toBe(ns);
  });

  it.each(["", "10", "s", "1d", "-1s", "1s 2s", "1.s.5"])("refuses %j", (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it("adds up any sequence of parts", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(59), fc.nat(999), (m, s, ms) => {
        expect(parseDuration(`${m}m${s}s${ms}ms`)).toBe(m * 60e9 + s * 1e9 + ms * 1e6);
      }),
    );
  });
});

describe("parseFileMode", () => {
  it("reads strings as octal and keeps numbers", () => {
    expect(parseFileMode("0440")).toBe(0o440);
    expect(parseFileMode("1777")).toBe(0o1777);
    expect(parseFileMode("0o755")).toBe(0o755);
    expect(parseFileMode(0o644)).toBe(0o644);
  });

  it("refuses what is not a mode", () => {
    expect(parseFileMode("0989")).toBeUndefined();
    expect(parseFileMode("rwx")).toBeUndefined();
    expect(parseFileMode(0o17777)).toBeUndefined();
  });
});
