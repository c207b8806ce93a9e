import { describe, expect, it } from "vitest";
import { engineTimeMs, humanDuration, statusClockOf, statusText, type StatusClock } from "./container-status";

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe("humanDuration", () => {
  it.each([
    [-5 * S, "Less than a second"],
    [999, "Less than a second"],
    [1 * S, "1 second"],
    [1999, "1 second"],
    [59 * S + 999, "59 seconds"],
    [60 * S, "About a minute"],
    [119 * S, "About a minute"],
    [2 * M, "2 minutes"],
    [59 * M, "59 minutes"],
    [60 * M, "About an hour"],
    [89 * M, "About an hour"],
    [90 * M, "2 hours"],
    [47 * H, "47 hours"],
    [48 * H, "2 days"],
    [14 * 24 * H, "2 weeks"],
    [60 * 24 * H, "2 months"],
    [2 * 365 * 24 * H, "2 years"],
  ])("%d ms reads %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe("engineTimeMs", () => {
  it("keeps the nanoseconds below the millisecond", () => {
    expect(engineTimeMs("2026-12-04T10:00:00.123456789Z")).toBeCloseTo(
      Date.UTC(2026, 11, 4, 10) + 123.456789,
      5,
    );
  });

  it("reads offsets and whole seconds, and the zero time as never", () => {
    expect(engineTimeMs("2026-12-04T11:00:00+01:00")).toBe(Date.UTC(2026, 11, 4, 10));
    expect(engineTimeMs("0001-01-01T00:00:00Z")).toBeUndefined();
    expect(engineTimeMs("")).toBeUndefined();
    expect(engineTimeMs("not a time")).toBeUndefined();
  });
});

describe("statusText", () => {
  const t0 = Date.UTC(2026, 11, 4, 10);
  const base: StatusClock = {
    running: false,
    paused: false,
    restarting: false,
    removing: false,
    dead: false,
    exitCode: 0,
  };

  it("writes each state the way the engine does", () => {
    expect(statusText(base, t0)).toBe("Created");
    expect(statusText({ ...base, running: true, startedAt: t0 }, t0 + 5 * S)).toBe("Up 5 seconds");
    expect(statusText({ ...base, running: true, paused: true, startedAt: t0 }, t0 + 3 * M)).toBe(
      "Up 3 minutes (Paused)",
    );
    expect(statusText({ ...base, running: true, startedAt: t0, health: "starting" }, t0 + 2 * S)).toBe(
      "Up 2 seconds (health: starting)",
    );
    expect(statusText({ ...base, running: true, startedAt: t0, health: "healthy" }, t0)).toBe(
      "Up Less than a second (healthy)",
    );
    expect(
      statusText({ ...base, running: true, restarting: true, exitCode: 1, finishedAt: t0 }, t0 + 1500),
    ).toBe("Restarting (1) 1 second ago");
    expect(statusText({ ...base, startedAt: t0, finishedAt: t0 + S, exitCode: 137 }, t0 + 3 * H)).toBe(
      "Exited (137) 3 hours ago",
    );
    expect(statusText({ ...base, removing: true, startedAt: t0 }, t0)).toBe("Removal In Progress");
    expect(statusText({ ...base, dead: true, startedAt: t0 }, t0)).toBe("Dead");
    expect(statusText({ ...base, startedAt: t0 }, t0)).toBe("");
  });

  it("turns to the next second at the same instant as the engine's clock", () => {
    const started = t0 + 0.9;
    const clock = { ...base, running: true, startedAt: started };
    expect(statusText(clock, t0 + 2000.8)).toBe("Up 1 second");
    expect(statusText(clock, t0 + 2000.9)).toBe("Up 2 seconds");
  });
});

describe("statusClockOf", () => {
  it("reads the inspect document's state", () => {
    const clock = statusClockOf({
      State: {
        Status: "running",
        Running: true,
        Paused: false,
        Restarting: false,
        Dead: false,
        ExitCode: 0,
        StartedAt: "2026-12-04T10:00:00.5Z",
        FinishedAt: "0001-01-01T00:00:00Z",
        Health: { Status: "healthy" },
      },
    });
    expect(clock).toEqual({
      running: true,
      paused: false,
      restarting: false,
      removing: false,
      dead: false,
      startedAt: Date.UTC(2026, 11, 4, 10) + 500,
      exitCode: 0,
      health: "healthy",
    });
  });

  it("treats a missing state as a container never started", () => {
    expect(statusText(statusClockOf({}), 0)).toBe("Created");
  });
});
