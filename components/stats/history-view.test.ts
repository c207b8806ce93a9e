import { describe, expect, it } from "vitest";
import { historyFailure, stepText } from "./history-view";

describe("stepText", () => {
  it("says each tier's point in its own unit", () => {
    expect([10_000, 60_000, 300_000, 3600_000].map(stepText)).toEqual(["10 s", "1 min", "5 min", "1 h"]);
  });
});

describe("historyFailure", () => {
  it("reads a 403 as out of scope and a 404 as nothing sampled yet, not as faults", () => {
    expect(historyFailure({ status: 403, code: "FORBIDDEN" })).toBe("forbidden");
    expect(historyFailure({ status: 404, code: "NOT_FOUND" })).toBe("none-yet");
  });

  it("shows anything else as a failure, whatever shape the error has", () => {
    expect(historyFailure({ code: "INTERNAL" })).toBe("failed");
    expect(historyFailure(new TypeError("Failed to fetch"))).toBe("failed");
    expect(historyFailure(null)).toBe("failed");
    expect(historyFailure(undefined)).toBe("failed");
  });
});
