import { describe, expect, it } from "vitest";
import { pullProgress } from "./pull-progress";

describe("pull progress", () => {
  it("counts bytes of the layers whose size is known, and finished layers", () => {
    const p = pullProgress([
      { id: "a", phase: "done", status: "Pull complete", total: 100 },
      { id: "b", phase: "downloading", status: "Downloading", current: 50, total: 300 },
      { id: "c", phase: "waiting", status: "Waiting" },
      { id: "d", phase: "exists", status: "Already exists" },
    ]);
    expect(p).toEqual({ fraction: 150 / 400, done: 2, total: 4 });
  });

  it("has no fraction before any size is known", () => {
    expect(pullProgress([{ id: "a", phase: "waiting", status: "Waiting" }]).fraction).toBeUndefined();
  });
});
