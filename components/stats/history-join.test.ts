import { describe, expect, it } from "vitest";
import type { StatsSample } from "@/lib/realtime/events";
import { joinHistory } from "./history-join";

const sample = (ts: number, cpuPercent: number) => ({ ts, cpuPercent }) as StatsSample;

describe("joinHistory", () => {
  const answer = {
    metric: "cpu" as const,
    stepMs: 10_000,
    series: [],
    sampleMs: 10_000,
    points: [
      { t: 0, min: 1, max: 9, avg: 3, last: 2 },
      { t: 10_000, min: 1, max: 4, avg: 2, last: 2 },
      // A missing bucket at 20 000: the container was stopped.
      { t: 30_000, min: 0, max: 1, avg: 0.5, last: 1 },
    ],
  };

  it("draws the stored means and peaks, breaks the line at a missing bucket, and goes on with the live samples after the last bucket", () => {
    const j = joinHistory(
      answer,
      [sample(35_000, 7), sample(40_000, 5), sample(41_000, 6)],
      (s) => s.cpuPercent,
    );
    expect(j.xs).toEqual([0, 10, 20, 30, 40, 41]);
    expect(j.avg).toEqual([3, 2, null, 0.5, 5, 6]);
    expect(j.max).toEqual([9, 4, null, 1, 5, 6]);
  });

  it("is the live samples alone when nothing is stored yet", () => {
    const j = joinHistory({ ...answer, points: [] }, [sample(1000, 1)], (s) => s.cpuPercent);
    expect(j).toEqual({ xs: [1], avg: [1], max: [1] });
  });
});
