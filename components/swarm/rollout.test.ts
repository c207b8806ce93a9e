import { swarmRefreshMs } from "./queries";
import { describe, expect, it } from "vitest";
import type { SwarmService, SwarmTask } from "@/lib/swarm/types";
import { rolloutOf } from "./rollout";

const service = (state?: string): SwarmService =>
  ({
    mode: "replicated",
    replicas: 4,
    updateStatus: state ? { state, startedAt: "2026-01-01T00:00:10Z" } : undefined,
  }) as SwarmService;
const task = (createdAt: string, state = "running", desiredState = "running") =>
  ({ createdAt, state, desiredState }) as SwarmTask;

describe("rolloutOf", () => {
  it("counts running tasks made since the update started", () => {
    // Arrange
    const tasks = [
      task("2026-01-01T00:00:00Z"),
      task("2026-01-01T00:00:00Z"),
      task("2026-01-01T00:00:11Z"),
      task("2026-01-01T00:00:12Z", "starting"),
      task("2026-01-01T00:00:00Z", "shutdown", "shutdown"),
    ];
    // Act
    const r = rolloutOf(service("updating"), tasks);
    // Assert
    expect(r).toEqual({ updated: 1, total: 4, done: false, state: "updating" });
  });

  it("is done when the engine says completed", () => {
    expect(rolloutOf(service("completed"), [])?.updated).toBe(4);
  });

  it("is absent for a service never updated", () => {
    expect(rolloutOf(service(), [])).toBeUndefined();
  });
});

describe("swarmRefreshMs", () => {
  it("asks every 2 s while a service has fewer tasks running than it wants, else every 15 s", () => {
    expect(swarmRefreshMs([{ replicas: 1, running: 0 }])).toBe(2000);
    expect(
      swarmRefreshMs([
        { replicas: 4, running: 4 },
        { replicas: 2, running: 1 },
      ]),
    ).toBe(2000);
    expect(swarmRefreshMs([{ replicas: 4, running: 4 }])).toBe(15_000);
    expect(swarmRefreshMs(undefined)).toBe(15_000);
  });
});
