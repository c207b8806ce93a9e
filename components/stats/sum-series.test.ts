import { describe, expect, it } from "vitest";
import { sumSeries } from "./sum-series";

describe("sumSeries", () => {
  it("adds series of one length position by position", () => {
    expect(
      sumSeries([
        [1, 2, 3],
        [10, 20, 30],
      ]),
    ).toEqual([11, 22, 33]);
  });

  it("lines shorter series up at their last sample", () => {
    expect(
      sumSeries([
        [1, 2, 3, 4],
        [10, 20],
      ]),
    ).toEqual([1, 2, 13, 24]);
  });

  it("is empty with no series, or only empty ones", () => {
    expect(sumSeries([])).toEqual([]);
    expect(sumSeries([[], []])).toEqual([]);
  });
});
