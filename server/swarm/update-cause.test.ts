import { describe, expect, it } from "vitest";
import type { EngineService, EngineTask } from "./engine-types";
import { updateCause } from "./update-cause";

const service = (State: string, Message?: string): EngineService => ({
  ID: "svc",
  UpdateStatus: { State, StartedAt: "2026-12-06T03:00:00.000000000Z", ...(Message ? { Message } : {}) },
});
const task = (ID: string, State: string, Timestamp: string, Err?: string): EngineTask => ({
  ID,
  Status: { State, Timestamp, ...(Err ? { Err } : {}) },
});

describe("updateCause", () => {
  const engineWords = "update rolled back due to failure or early termination of task abc";

  it("keeps the engine's own words while the rollback or pause lasts", () => {
    expect(updateCause(service("rollback_started", engineWords))).toBe(engineWords);
    expect(updateCause(service("paused", "update paused due to failure"))).toBe(
      "update paused due to failure",
    );
  });

  it("keeps what was seen once the engine's message is only 'rollback completed'", () => {
    expect(updateCause(service("rollback_completed", "rollback completed"), [], engineWords)).toBe(
      engineWords,
    );
  });

  it("names the newest task that failed since the update began when the window was missed", () => {
    const tasks = [
      task("old000000000aaaa", "failed", "2026-12-06T02:59:00.000000000Z", "task: non-zero exit (9)"),
      task("new111111111bbbb", "failed", "2026-12-06T03:00:05.000000000Z", "task: non-zero exit (3)"),
      task("run222222222cccc", "running", "2026-12-06T03:00:09.000000000Z"),
      task("rej333333333dddd", "rejected", "2026-12-06T03:00:01.000000000Z", "no suitable node"),
    ];
    expect(updateCause(service("rollback_completed", "rollback completed"), tasks)).toBe(
      "rolled back after task new111111111 failed: task: non-zero exit (3)",
    );
  });

  it("says nothing for a finished update or a rollback it cannot explain", () => {
    expect(updateCause(service("completed", "update completed"), [], engineWords)).toBeUndefined();
    expect(updateCause(service("updating"))).toBeUndefined();
    const before = [task("old000000000aaaa", "failed", "2026-12-06T02:59:00.000000000Z", "x")];
    expect(updateCause(service("rollback_completed", "rollback completed"), before)).toBeUndefined();
  });
});
