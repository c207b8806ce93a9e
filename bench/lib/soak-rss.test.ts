import { describe, expect, it } from "vitest";
import { rssFigures } from "./soak-rss";

const MB = 2 ** 20;

describe("rssFigures", () => {
  it("takes medians over a minute, so one reading between collections does not decide", () => {
    // Every 5 s for 10 min: 200 MB, with a 300 MB burst every fourth reading.
    const readings = Array.from(
      { length: 121 },
      (_, i) => [i * 5000, (i % 4 === 0 ? 300 : 200) * MB] as const,
    );

    const f = rssFigures(readings, 5 * 60_000, 10 * 60_000);

    expect(f.warm).toBe(200 * MB);
    expect(f.end).toBe(200 * MB);
    expect(f.peak).toBe(300 * MB);
    expect(Math.abs(f.slopePer10Min)).toBeLessThan(5 * MB);
  });

  it("shows a steady climb as the trend", () => {
    // 1 MB a minute.
    const readings = Array.from(
      { length: 121 },
      (_, i) => [i * 5000, 200 * MB + (i * 5000 * MB) / 60_000] as const,
    );

    const f = rssFigures(readings, 5 * 60_000, 10 * 60_000);

    expect(f.slopePer10Min / MB).toBeCloseTo(10, 5);
    expect(f.end).toBeGreaterThan(f.warm);
  });
});
