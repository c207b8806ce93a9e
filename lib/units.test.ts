import { describe, expect, it } from "vitest";
import { formatCpus, formatLimitBytes, parseBytes, parseCpus, parseCpuset } from "./units";

describe("parseBytes", () => {
  it.each([
    ["512m", 512 * 1024 ** 2],
    ["1.5g", 1.5 * 1024 ** 3],
    ["48MiB", 48 * 1024 ** 2],
    ["6 mb", 6 * 1024 ** 2],
    ["1024", 1024],
    ["2k", 2048],
  ])("reads %s", (input, bytes) => {
    expect(parseBytes(input)).toBe(bytes);
  });

  it.each(["", "m", "-1m", "12q", "1.2.3g", "9".repeat(30)])("refuses %j", (input) => {
    expect(parseBytes(input)).toBeUndefined();
  });
});

describe("formatLimitBytes", () => {
  it("writes whole binary units and says unlimited for 0", () => {
    expect(formatLimitBytes(48 * 1024 ** 2)).toBe("48m");
    expect(formatLimitBytes(1.5 * 1024 ** 3)).toBe("1.5g");
    expect(formatLimitBytes(0)).toBe("unlimited");
    expect(formatLimitBytes(1000)).toBe("1000b");
  });
});

describe("CPUs", () => {
  it("converts between CPUs and nano-CPUs", () => {
    expect(parseCpus("1.5")).toBe(1_500_000_000);
    expect(parseCpus("0.25")).toBe(250_000_000);
    expect(parseCpus("-1")).toBeUndefined();
    expect(parseCpus("two")).toBeUndefined();
    expect(formatCpus(500_000_000)).toBe("0.5");
    expect(formatCpus(0)).toBe("unlimited");
  });
});

describe("parseCpuset", () => {
  it("expands ranges and lists", () => {
    expect(parseCpuset("0-2,4")).toEqual([0, 1, 2, 4]);
    expect(parseCpuset("3,1,1")).toEqual([1, 3]);
    expect(parseCpuset("")).toEqual([]);
  });

  it.each(["0-", "a", "2-1", "0,,1", "0-99999"])("refuses %j", (input) => {
    expect(parseCpuset(input)).toBeUndefined();
  });
});
