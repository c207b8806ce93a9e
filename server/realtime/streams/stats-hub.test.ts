import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Scope } from "../../../lib/permissions";
import type { StatsSample } from "../../../lib/realtime/events";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { WharfIo, WharfSocket } from "../types";
import { BATCH_MS } from "./stats-batch";
import { StatsHub } from "./stats-hub";

const ID = "c".repeat(64);
const GRACE = 30_000;

/** An engine that answers inspect for one container ("web") and hands out stats streams the test writes to. */
function fakeHost() {
  const streams: PassThrough[] = [];
  const state = { running: true, labels: { team: "a" } as Record<string, string> };
  const docker = {
    getContainer: (ref: string) => ({
      inspect: () => {
        if (ref !== ID && ref !== "web" && !ID.startsWith(ref))
          throw Object.assign(new Error("no such container"), {
            statusCode: 404,
            json: { message: `No such container: ${ref}` },
          });
        return {
          Id: ID,
          Name: "/web",
          State: { Running: state.running, Pid: 1 },
          Config: { Labels: state.labels },
        };
      },
      stats: (_opts: unknown, cb: (err: Error | null, s?: PassThrough) => void) => {
        const s = new PassThrough();
        streams.push(s);
        cb(null, s);
      },
    }),
  };
  const host = {
    spec: { id: "h", kind: "tcp" },
    isUp: true,
    summary: () => ({ id: "h", status: "up" }),
    checkNow() {},
    docker,
  };
  return { host, streams, state };
}

type Emitted = { socket: string; event: string; batch: StatsSample[] };

function setup() {
  const { host, streams, state } = fakeHost();
  const hosts = Object.assign(new EventEmitter(), {
    find: (id: string) => (id === "h" ? host : undefined),
    get: (id: string) => {
      if (id !== "h") throw new Error("unknown host");
      return host;
    },
  });
  const app = { config: {}, hosts } as unknown as AppContext;
  const emitted: Emitted[] = [];
  const sockets = new Map<string, WharfSocket>();
  // socket.io's in-memory adapter, reduced to what the hub reads: room → socket ids.
  const rooms = new Map<string, Set<string>>();
  const to = (target: string[] | string) => {
    const ids = typeof target === "string" ? [...(rooms.get(target) ?? [])] : target;
    return {
      emit: (event: string, batch: StatsSample[]) => {
        for (const id of ids) emitted.push({ socket: id, event, batch });
      },
      except: (room: string) => ({
        emit: (event: string, one: StatsSample) => {
          for (const id of ids)
            if (!rooms.get(room)?.has(id)) emitted.push({ socket: id, event, batch: [one] });
        },
      }),
    };
  };
  const adapter = Object.assign(new EventEmitter(), { rooms });
  const io = { of: () => ({ sockets, adapter, to }) } as unknown as WharfIo;
  const hub = new StatsHub(app, io, { graceMs: GRACE });
  const principal = (scope: Scope = { hosts: "*" }) => ({ role: "viewer", scope }) as unknown as Principal;
  const socket = (id: string, scope?: Scope) => {
    const own = new Set<string>();
    const s = {
      id,
      connected: true,
      rooms: own,
      data: { principal: principal(scope) },
      join: (r: string) => {
        own.add(r);
        if (!rooms.has(r)) rooms.set(r, new Set());
        rooms.get(r)?.add(id);
        adapter.emit("join-room", r, id);
      },
      leave: (r: string) => {
        own.delete(r);
        rooms.get(r)?.delete(id);
        adapter.emit("leave-room", r, id);
      },
    } as unknown as WharfSocket;
    sockets.set(id, s);
    // As Wharf's UI: batched samples (the contract's single events are tested with the batcher).
    if (!rooms.has("stats:batched")) rooms.set("stats:batched", new Set());
    rooms.get("stats:batched")?.add(id);
    return s;
  };
  return { hub, hosts, streams, state, emitted, socket, principal };
}

/** Two consecutive engine documents: the first has no precpu and yields no sample, the second does. */
function doc(i: number): string {
  const cpu = (n: number) => ({
    cpu_usage: { total_usage: n * 5e8 },
    system_cpu_usage: (n + 1) * 2e9,
    online_cpus: 2,
  });
  return `${JSON.stringify({
    read: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    cpu_stats: cpu(i),
    precpu_stats: i === 0 ? {} : cpu(i - 1),
    memory_stats: { usage: 1000, limit: 4000, stats: { total_inactive_file: 100 } },
    pids_stats: { current: 2 },
  })}\n`;
}

const flush = () => new Promise((r) => setImmediate(r));

let t: ReturnType<typeof setup>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  t = setup();
});
afterEach(() => {
  t.hub.close();
  vi.useRealTimers();
});

describe("StatsHub", () => {
  it("shares one upstream stream between subscribers, by id and by name, in one room", async () => {
    const a = t.socket("a");
    const b = t.socket("b");
    const ra = await t.hub.subscribe(a, a.data.principal, "h", ID);
    const rb = await t.hub.subscribe(b, b.data.principal, "h", "web");
    expect(ra).toEqual({ history: [], containerId: ID, mode: "engine" });
    expect(rb.containerId).toBe(ID);
    expect(t.streams).toHaveLength(1);
    expect(t.hub.upstreamCount()).toBe(1);
    expect([...a.rooms]).toEqual([`stats:h/${ID}`]);
    expect([...b.rooms]).toEqual([`stats:h/${ID}`]);
  });

  it("sends each subscriber one batch per quarter second, and the history to a later subscriber", async () => {
    const a = t.socket("a");
    const b = t.socket("b");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    await t.hub.subscribe(b, b.data.principal, "h", ID);
    for (let i = 0; i < 3; i++) t.streams[0]?.write(doc(i));
    await vi.waitFor(() => expect(t.hub.counters().produced).toBe(2));
    expect(t.emitted).toEqual([]);
    vi.advanceTimersByTime(BATCH_MS);
    expect(t.emitted.map((e) => [e.socket, e.event, e.batch.length])).toEqual([
      ["a", "stats:samples", 2],
      ["b", "stats:samples", 2],
    ]);
    const batch = t.emitted[0]?.batch ?? [];
    expect(batch[0]).toMatchObject({ cpuPercent: 50, memoryBytes: 900, mode: "engine", containerId: ID });
    expect(batch[1]?.netRxRate).toBe(0);
    const c = t.socket("c");
    const rc = await t.hub.subscribe(c, c.data.principal, "h", "web");
    expect(rc.history.map((s) => s.ts)).toEqual(batch.map((s) => s.ts));
    expect(t.hub.counters()).toMatchObject({ upstream: 1, entries: 1, subscriptions: 3, produced: 2 });
  });

  it("keeps the stream for the grace period after the last subscriber leaves, then closes it", async () => {
    const a = t.socket("a");
    const b = t.socket("b");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    await t.hub.subscribe(b, b.data.principal, "h", ID);
    t.hub.unsubscribe(a, "h", ID);
    t.hub.disconnect(b);
    expect(a.rooms.size).toBe(0);
    vi.advanceTimersByTime(GRACE - 1);
    expect(t.hub.upstreamCount()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(t.hub.upstreamCount()).toBe(0);
    expect(t.hub.counters().entries).toBe(0);
    expect(t.streams[0]?.destroyed).toBe(true);
  });

  it("a subscriber returning within the grace period gets the same stream back", async () => {
    const a = t.socket("a");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    t.hub.unsubscribe(a, "h", "web");
    vi.advanceTimersByTime(GRACE - 1000);
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    vi.advanceTimersByTime(GRACE * 2);
    expect(t.streams).toHaveLength(1);
    expect(t.hub.upstreamCount()).toBe(1);
  });

  it("closes the stream when the container dies and reopens it when it starts again", async () => {
    const a = t.socket("a");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    t.state.running = false;
    t.hosts.emit("container", { hostId: "h", containerId: ID, action: "die" });
    expect(t.hub.upstreamCount()).toBe(0);
    t.state.running = true;
    t.hosts.emit("container", { hostId: "h", containerId: ID, action: "start" });
    await vi.waitFor(() => expect(t.hub.upstreamCount()).toBe(1));
    expect(t.streams).toHaveLength(2);
  });

  it("reopens a stream the engine dropped, after a backoff", async () => {
    const a = t.socket("a");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    t.streams[0]?.destroy();
    await flush();
    expect(t.hub.upstreamCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(t.hub.upstreamCount()).toBe(1));
    expect(t.streams).toHaveLength(2);
  });

  it("recovers when the engine drops: closed while the host is down, reopened once it is up", async () => {
    const a = t.socket("a");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    t.hosts.emit("status", { hostId: "h", status: "down", error: "connection refused" });
    expect(t.hub.upstreamCount()).toBe(0);
    expect(t.streams[0]?.destroyed).toBe(true);
    t.hosts.emit("status", { hostId: "h", status: "up" });
    await vi.waitFor(() => expect(t.hub.upstreamCount()).toBe(1));
    expect(t.streams).toHaveLength(2);
  });

  it("answers NOT_FOUND outside the label scope, and drops a subscription whose scope shrank", async () => {
    const outside = t.socket("o", { hosts: "*", labelSelector: "team=b" });
    await expect(t.hub.subscribe(outside, outside.data.principal, "h", ID)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const hostless = t.socket("x", { hosts: ["other"] });
    await expect(t.hub.subscribe(hostless, hostless.data.principal, "h", ID)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const a = t.socket("a");
    await t.hub.subscribe(a, a.data.principal, "h", ID);
    a.data.principal = t.principal({ hosts: "*", labelSelector: "team=b" });
    vi.advanceTimersByTime(2000);
    expect(a.rooms.size).toBe(0);
    expect(t.hub.counters().subscriptions).toBe(0);
  });
});
