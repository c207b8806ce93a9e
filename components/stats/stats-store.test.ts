import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Result } from "@/lib/errors";
import type { StatsSample, StatsSubscribed } from "@/lib/realtime/events";
import { MAX_SAMPLES, StatsStore, type StatsSocket } from "./stats-store";

const ID = "f".repeat(64);

function fakeSocket() {
  const handlers = new Map<string, (arg?: unknown) => void>();
  const subscribes: { containerId: string; ack: (err: Error | null, r: Result<StatsSubscribed>) => void }[] =
    [];
  const unsubscribes: string[] = [];
  const socket = {
    connected: true,
    on: (ev: string, fn: (arg?: unknown) => void) => void handlers.set(ev, fn),
    off: (ev: string) => void handlers.delete(ev),
    emit: (_ev: string, p: { containerId: string }) => void unsubscribes.push(p.containerId),
    timeout: () => ({
      emit: (_ev: string, p: { containerId: string }, ack: (typeof subscribes)[number]["ack"]) =>
        void subscribes.push({ containerId: p.containerId, ack }),
    }),
  };
  const sample = (ts: number): StatsSample => ({
    hostId: "h",
    containerId: ID,
    ts,
    cpuPercent: 1,
    memoryBytes: 2,
    memoryLimitBytes: 3,
    netRxBytes: 0,
    netTxBytes: 0,
    blkReadBytes: 0,
    blkWriteBytes: 0,
    pids: 1,
    mode: "engine",
  });
  return {
    socket: socket as unknown as StatsSocket,
    raw: socket,
    subscribes,
    unsubscribes,
    sample,
    push: (...batch: StatsSample[]) => handlers.get("stats:samples")?.(batch),
    reconnect: () => handlers.get("connect")?.(),
  };
}

let f: ReturnType<typeof fakeSocket>;
let store: StatsStore;
beforeEach(() => {
  vi.useFakeTimers();
  f = fakeSocket();
  store = new StatsStore(f.socket);
});
afterEach(() => {
  store.dispose();
  vi.useRealTimers();
});

const ack = (i: number, history: StatsSample[] = []) =>
  f.subscribes[i]?.ack(null, { ok: true, data: { history, containerId: ID, mode: "local" } });

describe("StatsStore", () => {
  it("holds one server subscription per container however many components acquire it", () => {
    store.acquire("h", ID);
    store.acquire("h", ID);
    expect(f.subscribes).toHaveLength(1);
    store.release("h", ID);
    vi.advanceTimersByTime(10_000);
    expect(f.unsubscribes).toEqual([]);
    store.release("h", ID);
    vi.advanceTimersByTime(10_000);
    expect(f.unsubscribes).toEqual([ID]);
  });

  it("keeps a subscription that comes back within the linger time", () => {
    store.acquire("h", ID);
    store.release("h", ID);
    vi.advanceTimersByTime(500);
    store.acquire("h", ID);
    vi.advanceTimersByTime(10_000);
    expect(f.subscribes).toHaveLength(1);
    expect(f.unsubscribes).toEqual([]);
  });

  it("starts from the server's history, routes samples by canonical id to a name subscription, and notifies in batches", () => {
    const heard = vi.fn();
    store.listen("h", "web", heard);
    store.acquire("h", "web");
    ack(0, [f.sample(1000)]);
    f.push(f.sample(2000));
    f.push(f.sample(3000));
    f.push(f.sample(3000));
    expect(heard).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(heard).toHaveBeenCalledTimes(1);
    const v = store.view("h", "web");
    expect(v.samples.map((s) => s.ts)).toEqual([1000, 2000, 3000]);
    expect(v).toMatchObject({ containerId: ID, mode: "engine" });
  });

  it("keeps at most MAX_SAMPLES samples", () => {
    store.acquire("h", ID);
    ack(0);
    for (let i = 1; i <= MAX_SAMPLES + 50; i++) f.push(f.sample(i));
    const v = store.view("h", ID);
    expect(v.samples).toHaveLength(MAX_SAMPLES);
    expect(v.samples[0]?.ts).toBe(51);
  });

  it("subscribes again after a reconnect, and shows the server's error", () => {
    store.acquire("h", ID);
    f.reconnect();
    expect(f.subscribes).toHaveLength(2);
    f.subscribes[1]?.ack(null, { ok: false, error: { code: "NOT_FOUND", message: "No such container: x" } });
    expect(store.view("h", ID).error).toBe("No such container: x");
  });

  it("waits for the connection before subscribing", () => {
    f.raw.connected = false;
    store.acquire("h", ID);
    expect(f.subscribes).toHaveLength(0);
    f.raw.connected = true;
    f.reconnect();
    expect(f.subscribes).toHaveLength(1);
  });
});
