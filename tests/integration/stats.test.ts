import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { StatsSample, StatsSubscribed } from "../../lib/realtime/events";
import { toHostSpec } from "../../server/engines/host-spec";
import type { StatsHub } from "../../server/realtime/streams/stats-hub";
import {
  ENGINE_IDS,
  PODMAN_ID,
  RUN_ID,
  connectSocket,
  docker,
  engineSocket,
  hostsWithPodman,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

let srv: TestServer;
let admin: Client;
let hub: StatsHub;
const P = `${RUN_ID}-st`;
const sockets: TestSocket[] = [];
/** The edge engine once more, over its unix socket: local cgroup mode on the very containers "edge" streams. */
const EDGE_LOCAL = "edgelocal";

beforeAll(async () => {
  srv = await startServer({
    statsGraceMs: 1000,
    hosts: [
      ...hostsWithPodman(),
      toHostSpec({ id: EDGE_LOCAL, name: "Edge (socket)", url: `unix://${engineSocket("edge")}` }, "test"),
    ],
  });
  admin = await login(srv.base);
  await waitHostsUp(admin, [...ENGINE_IDS, PODMAN_ID, EDGE_LOCAL]);
  hub = srv.wharf.realtime.stats;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await removeByPrefix(P);
  await srv?.stop();
});

interface Watcher {
  socket: TestSocket;
  samples: StatsSample[];
  /** How the samples came: `stats:sample` events, and `stats:samples` batches. */
  singles: number;
  batches: number;
}

/** A client of the public contract: one `stats:sample` per sample; or, batched, as Wharf's UI asks. */
async function watcher(cookie = admin.cookie, batched = false): Promise<Watcher> {
  const socket = await connectSocket(srv.base, cookie, batched ? { statsBatch: true } : undefined);
  sockets.push(socket);
  const w: Watcher = { socket, samples: [], singles: 0, batches: 0 };
  socket.on("stats:sample", (sample) => {
    w.singles++;
    w.samples.push(sample);
  });
  socket.on("stats:samples", (batch) => {
    w.batches++;
    w.samples.push(...batch);
  });
  return w;
}

async function subscribe(w: Watcher, hostId: string, containerId: string): Promise<Result<StatsSubscribed>> {
  return (await w.socket
    .timeout(20_000)
    .emitWithAck("stats:subscribe", { hostId, containerId })) as Result<StatsSubscribed>;
}

async function subscribed(w: Watcher, hostId: string, containerId: string): Promise<StatsSubscribed> {
  const r = await subscribe(w, hostId, containerId);
  if (!r.ok) throw new Error(`stats:subscribe ${hostId}/${containerId}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const samplesOf = (w: Watcher, hostId: string, id: string) =>
  w.samples.filter((s) => s.hostId === hostId && s.containerId === id);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("live stats on shared streams", () => {
  it.each(["edge", PODMAN_ID] as const)(
    "shares one upstream stream between two clients, and closes it once both left and the grace ended on %s",
    async (engine) => {
      const id = await runFixture(engine, `${P}-shared-${engine}`, "local/idle:1");
      const a = await watcher();
      const b = await watcher(admin.cookie, true);
      const [ra, rb] = await Promise.all([
        subscribed(a, engine, id),
        subscribed(b, engine, `${P}-shared-${engine}`),
      ]);
      expect(ra.mode).toBe("engine");
      expect(rb.containerId).toBe(id);
      expect(hub.upstreamCount()).toBe(1);
      await waitFor(() => samplesOf(a, engine, id).length >= 2 || undefined, 15_000, "samples on client a");
      await waitFor(() => samplesOf(b, engine, id).length >= 2 || undefined, 15_000, "samples on client b");
      // The contract's one event per sample by default; batches only for a client that asked.
      expect([a.singles > 0, a.batches]).toEqual([true, 0]);
      expect([b.singles, b.batches > 0]).toEqual([0, true]);
      const late = await watcher();
      const rl = await subscribed(late, engine, id.slice(0, 12));
      expect(rl.history.length).toBeGreaterThanOrEqual(2);
      expect(rl.history.every((s) => s.containerId === id && s.mode === "engine")).toBe(true);
      expect(hub.upstreamCount()).toBe(1);

      expect(
        await a.socket.timeout(5000).emitWithAck("stats:unsubscribe", { hostId: engine, containerId: id }),
      ).toEqual({
        ok: true,
        data: null,
      });
      b.socket.close();
      late.socket.close();
      expect(hub.upstreamCount()).toBe(1);
      await waitFor(
        () => hub.upstreamCount() === 0 || undefined,
        10_000,
        "zero upstream streams after the grace",
      );
      expect(hub.counters().entries).toBe(0);
    },
  );

  it.each([
    ["edge", "engine"],
    ["local", "local"],
    [PODMAN_ID, "engine"],
  ] as const)(
    "keeps samples coming on %s after `docker restart` from the CLI (%s mode)",
    async (engine, mode) => {
      const name = `${P}-restart-${engine}`;
      const id = await runFixture(engine, name, "local/idle:1");
      const w = await watcher();
      expect((await subscribed(w, engine, id)).mode).toBe(mode);
      await waitFor(() => samplesOf(w, engine, id).length >= 1 || undefined, 15_000, "a first sample");
      const oldPid = await docker(engine, "inspect", "-f", "{{.State.Pid}}", id);
      await docker(engine, "restart", "-t", "0", id);
      const restartedAt = Date.now();
      expect(await docker(engine, "inspect", "-f", "{{.State.Pid}}", id)).not.toBe(oldPid);
      const after = await waitFor(
        () => samplesOf(w, engine, id).filter((s) => s.ts > restartedAt).length >= 2 || undefined,
        20_000,
        "samples after the restart",
      );
      expect(after).toBe(true);
      expect(samplesOf(w, engine, id).at(-1)?.mode).toBe(mode);
      w.socket.close();
    },
  );

  it("local cgroup mode agrees with engine mode on a container under a known CPU and memory load", async () => {
    const name = `${P}-load`;
    await waitFor(() => hub.counters().entries === 0 || undefined, 10_000, "earlier tests' streams closed");
    // Half a CPU of busy loop, and 64 MiB held by tail (a 64 MiB "line" it keeps waiting to end).
    await docker(
      "edge",
      ...["run", "-d", "--network", "none", "--name", name, "--cpus", "0.5", "--memory", "256m"],
      ...[
        "local/busybox:1.35",
        "sh",
        "-c",
        "(head -c 67108864 /dev/zero; sleep 100000) | tail & while :; do :; done",
      ],
    );
    const id = await docker("edge", "inspect", "-f", "{{.Id}}", name);
    const w = await watcher();
    expect((await subscribed(w, "edge", id)).mode).toBe("engine");
    expect((await subscribed(w, EDGE_LOCAL, id)).mode).toBe("local");
    expect(hub.counters()).toMatchObject({ upstream: 1, local: 1 });
    // The first seconds include the start-up of the memory load; compare the 10 samples after them.
    const window = (hostId: string) => samplesOf(w, hostId, id).slice(3, 13);
    await waitFor(
      () => (window("edge").length >= 10 && window(EDGE_LOCAL).length >= 10) || undefined,
      40_000,
      "10 samples in each mode",
    );
    const engineCpu = mean(window("edge").map((s) => s.cpuPercent));
    const localCpu = mean(window(EDGE_LOCAL).map((s) => s.cpuPercent));
    const engineMem = mean(window("edge").map((s) => s.memoryBytes));
    const localMem = mean(window(EDGE_LOCAL).map((s) => s.memoryBytes));
    console.info(
      `cpu: engine ${engineCpu.toFixed(1)} %, local ${localCpu.toFixed(1)} %; ` +
        `memory: engine ${(engineMem / 2 ** 20).toFixed(1)} MiB, local ${(localMem / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(Math.abs(engineCpu - 50)).toBeLessThanOrEqual(15);
    expect(Math.abs(localCpu - 50)).toBeLessThanOrEqual(15);
    expect(engineMem).toBeGreaterThan(64 * 2 ** 20);
    expect(Math.abs(localMem - engineMem) / engineMem).toBeLessThan(0.03);
    for (const s of [...window("edge"), ...window(EDGE_LOCAL)])
      expect(s.memoryLimitBytes).toBe(256 * 2 ** 20);
    expect(window(EDGE_LOCAL).every((s) => s.pids === window("edge")[0]?.pids)).toBe(true);
    w.socket.close();
  });

  it("answers NOT_FOUND to a scoped user outside its scope, as for a container that does not exist", async () => {
    const inside = await runFixture("local", `${P}-team-a`, "local/idle:1", ["--label", "team=a"]);
    const outside = await runFixture("local", `${P}-team-b`, "local/idle:1", ["--label", "team=b"]);
    const onEdge = await runFixture("edge", `${P}-edge-a`, "local/idle:1", ["--label", "team=a"]);
    const user = await userClient(srv.base, admin, {
      username: `${P}-viewer`,
      role: "viewer",
      hosts: ["local"],
      labelSelector: "team=a",
    });
    const w = await watcher(user.cookie);
    expect((await subscribe(w, "local", inside)).ok).toBe(true);
    const b = await subscribe(w, "local", outside);
    const missing = await subscribe(w, "local", `${P}-no-such`);
    const edge = await subscribe(w, "edge", onEdge);
    for (const r of [b, missing, edge]) expect(r.ok ? "ok" : r.error.code).toBe("NOT_FOUND");
    if (!b.ok && !missing.ok) expect(b.error.message).toBe(`No such container: ${outside}`);
    w.socket.close();
  });
});
