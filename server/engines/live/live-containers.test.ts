import { describe, expect, it } from "vitest";
import { healthOfStatus } from "../../../lib/status-health";
import type { ContainerInspect, ContainerListItem } from "../engine-types";
import { statusClockOf, statusText } from "./container-status";
import { LiveContainers, type ContainerSource } from "./live-containers";

const T0 = Date.UTC(2026, 11, 4, 10);
const iso = (ms: number) => new Date(ms).toISOString();

interface FakeContainer {
  id: string;
  name: string;
  state: "created" | "running" | "exited" | "paused";
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  labels?: Record<string, string>;
  health?: "starting" | "healthy" | "unhealthy";
}

/** An engine in memory: what it lists and inspects is whatever the test sets, counted call by call. */
class FakeEngine implements ContainerSource {
  readonly hostId = "edge";
  readonly containers = new Map<string, FakeContainer>();
  calls = { list: 0, listByIds: 0, inspect: 0 };
  /** A call waits on this when set (to let a test act while a fetch is in flight). */
  gate?: Promise<void>;
  fail?: Error;
  /** A list row that trails the container (the engine logs "die" before its list catches up). */
  trailing = new Map<string, FakeContainer["state"]>();
  /** A list text the container's clock does not explain (the engine's view moved on unseen). */
  statusOverride?: string;

  put(c: FakeContainer): void {
    this.containers.set(c.id, c);
  }

  private item(c: FakeContainer): ContainerListItem {
    return {
      Id: c.id,
      Names: [`/${c.name}`],
      Image: "local/busybox:1.35",
      State: this.trailing.get(c.id) ?? c.state,
      // Written from the container's clock as the engine writes it, unless a test says otherwise.
      Status: this.statusOverride ?? statusText(statusClockOf(this.doc(c)), Date.now()),
      Created: 1,
      Labels: c.labels ?? {},
      Ports: [],
    };
  }

  async list(ids?: readonly string[]): Promise<ContainerListItem[]> {
    if (ids) this.calls.listByIds++;
    else this.calls.list++;
    // The answer is what the engine held when asked, however late it arrives.
    const answer = [...this.containers.values()]
      .filter((c) => !ids || ids.some((id) => c.id.startsWith(id)))
      .map((c) => this.item(c));
    await this.gate;
    if (this.fail) throw this.fail;
    return answer;
  }

  async inspect(id: string): Promise<ContainerInspect | undefined> {
    this.calls.inspect++;
    await this.gate;
    if (this.fail) throw this.fail;
    const c = this.containers.get(id);
    return c && this.doc(c);
  }

  doc(c: FakeContainer): ContainerInspect {
    return {
      Id: c.id,
      State: {
        Status: c.state,
        Running: c.state === "running" || c.state === "paused",
        Paused: c.state === "paused",
        Restarting: false,
        Dead: false,
        ExitCode: c.exitCode ?? 0,
        StartedAt: c.startedAt ? iso(c.startedAt) : "0001-01-01T00:00:00Z",
        FinishedAt: c.finishedAt ? iso(c.finishedAt) : "0001-01-01T00:00:00Z",
        ...(c.health ? { Health: { Status: c.health } } : {}),
      },
    };
  }
}

const timing = { batchMs: 1, reconcileMs: 0, retryMs: 10 };

async function opened(engine: FakeEngine) {
  const live = new LiveContainers(engine, timing);
  live.open();
  await live.settled();
  return live;
}

const byName = (live: LiveContainers, now: number) =>
  Object.fromEntries(live.list(now).map((c) => [c.name, `${c.state}: ${c.status}`]));

describe("LiveContainers", () => {
  it("lists what the engine lists, with status text written at the moment asked", async () => {
    const engine = new FakeEngine();
    engine.put({ id: "a".repeat(64), name: "web", state: "running", startedAt: T0 });
    engine.put({
      id: "b".repeat(64),
      name: "job",
      state: "exited",
      startedAt: T0,
      finishedAt: T0 + 1000,
      exitCode: 3,
    });
    engine.put({ id: "c".repeat(64), name: "new", state: "created" });
    const live = await opened(engine);

    expect(live.ready).toBe(true);
    expect(byName(live, T0 + 65_000)).toEqual({
      web: "running: Up About a minute",
      job: "exited: Exited (3) About a minute ago",
      new: "created: Created",
    });
    // A container never started needs no inspect: its status does not move.
    expect(engine.calls).toEqual({ list: 1, listByIds: 0, inspect: 2 });
  });

  it("walks the running containers with their health, as the status text tells it", async () => {
    const engine = new FakeEngine();
    engine.put({ id: "a".repeat(64), name: "web", state: "running", startedAt: T0, health: "unhealthy" });
    engine.put({ id: "b".repeat(64), name: "api", state: "running", startedAt: T0, health: "healthy" });
    engine.put({ id: "c".repeat(64), name: "job", state: "exited", startedAt: T0, finishedAt: T0 + 1 });
    engine.put({ id: "d".repeat(64), name: "new", state: "created" });
    const live = await opened(engine);

    const walked = [...live.running()].map((r) => [r.summary.name, r.health]);
    expect(walked).toEqual([
      ["web", "unhealthy"],
      ["api", "healthy"],
    ]);
    // The same verdict, container by container, as reading each listed row's status text.
    const fromText = live
      .list()
      .filter((c) => c.state === "running")
      .map((c) => [c.name, healthOfStatus(c.status)]);
    expect(walked).toEqual(fromText);
  });

  it("applies an event with one small refresh, and tells of it only once the list shows it", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "web", state: "created" });
    const live = await opened(engine);

    engine.put({ id, name: "web", state: "running", startedAt: T0 });
    const seen: string[] = [];
    live.apply(id, () => seen.push(byName(live, T0 + 2000).web ?? "missing"));
    await live.settled();

    expect(seen).toEqual(["running: Up 2 seconds"]);
    expect(engine.calls.listByIds).toBe(1);
    expect(engine.calls.list).toBe(1);
  });

  it("gathers a burst of events into one engine call", async () => {
    const engine = new FakeEngine();
    const live = await opened(engine);
    const ids = Array.from({ length: 30 }, (_, i) => `${i}`.padStart(64, "0"));
    for (const id of ids) engine.put({ id, name: `c${id.slice(-2)}`, state: "created" });

    for (const id of ids) live.apply(id);
    await live.settled();

    expect(live.size).toBe(30);
    expect(engine.calls.listByIds).toBe(1);
  });

  it("takes the state from inspect when the list row trails, and fetches the row again until it agrees", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "job", state: "running", startedAt: T0 });
    const live = await opened(engine);

    engine.put({ id, name: "job", state: "exited", startedAt: T0, finishedAt: T0 + 1000, exitCode: 0 });
    engine.trailing.set(id, "running");
    live.apply(id);
    await live.settled();
    expect(byName(live, T0 + 2000)).toEqual({ job: "exited: Exited (0) 1 second ago" });

    engine.trailing.clear();
    await new Promise((r) => setTimeout(r, 120));
    await live.settled();
    expect(engine.calls.listByIds).toBeGreaterThanOrEqual(2);
    const before = engine.calls.listByIds;
    await new Promise((r) => setTimeout(r, 120));
    // Once the row agrees, it is not fetched again.
    expect(engine.calls.listByIds).toBe(before);
  });

  it("drops a container the engine no longer has", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "web", state: "created" });
    const live = await opened(engine);

    engine.containers.delete(id);
    live.apply(id);
    await live.settled();

    expect(live.list()).toEqual([]);
  });

  it("refetches a container whose event arrives while a fetch is in flight", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "web", state: "created" });
    let release!: () => void;
    engine.gate = new Promise((r) => (release = r));
    const live = new LiveContainers(engine, timing);
    live.open();
    await new Promise((r) => setTimeout(r, 5));
    expect(engine.calls.list).toBe(1);

    // The full list in flight answers from before this change; the event must not be lost to it.
    engine.put({ id, name: "web", state: "running", startedAt: T0 });
    live.apply(id);
    engine.gate = undefined;
    release();
    await live.settled();

    expect(byName(live, T0)).toEqual({ web: "running: Up Less than a second" });
    expect(engine.calls.listByIds).toBe(1);
  });

  it("is not served after a gap until reconciled, and drops everything when the host is down", async () => {
    const engine = new FakeEngine();
    engine.put({ id: "a".repeat(64), name: "web", state: "created" });
    const live = await opened(engine);

    live.close(false);
    expect(live.ready).toBe(false);
    expect(live.size).toBe(1);

    live.open();
    expect(live.ready).toBe(false);
    await live.settled();
    expect(live.ready).toBe(true);

    live.close(true);
    expect(live.ready).toBe(false);
    expect(live.size).toBe(0);
  });

  it("keeps a held clock through a reconcile when the engine's text agrees, and inspects when it does not", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "job", state: "exited", startedAt: T0, finishedAt: T0, exitCode: 0 });
    const live = await opened(engine);
    expect(engine.calls.inspect).toBe(1);

    live.reconcileSoon();
    await live.settled();
    expect(engine.calls.inspect).toBe(1);

    engine.statusOverride = "Exited (1) 2 seconds ago";
    live.reconcileSoon();
    await live.settled();
    expect(engine.calls.inspect).toBe(2);
  });

  it("stops serving when a refresh fails, tells the news anyway, and recovers by reconciling", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "web", state: "created" });
    const errors: unknown[] = [];
    const live = new LiveContainers(engine, timing, (e) => errors.push(e));
    live.open();
    await live.settled();

    engine.fail = new Error("connection reset");
    const told: string[] = [];
    live.apply(id, () => told.push("told"));
    await live.settled();
    expect(live.ready).toBe(false);
    expect(told).toEqual(["told"]);
    expect(errors).toHaveLength(1);

    engine.fail = undefined;
    await new Promise((r) => setTimeout(r, 30));
    await live.settled();
    expect(live.ready).toBe(true);
  });

  it("refreshes a container touched by name, and reconciles for one it has not seen yet", async () => {
    const engine = new FakeEngine();
    const id = "a".repeat(64);
    engine.put({ id, name: "web", state: "created" });
    const live = await opened(engine);

    engine.put({ id, name: "web", state: "running", startedAt: T0 });
    await live.touch("web");
    expect(byName(live, T0)).toEqual({ web: "running: Up Less than a second" });
    expect(engine.calls.listByIds).toBe(1);

    engine.put({ id: "b".repeat(64), name: "other", state: "created" });
    await live.touch("other");
    expect(live.size).toBe(2);
    expect(engine.calls.list).toBe(2);
  });

  it("gives up waiting when the engine hangs, so the caller can ask the engine itself", async () => {
    const engine = new FakeEngine();
    const live = await opened(engine);
    engine.gate = new Promise(() => {});

    live.apply("a".repeat(64));
    expect(await live.settled(20)).toBe(false);
  });
});
