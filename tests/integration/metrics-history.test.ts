import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryAnswer } from "../../lib/metrics";
import {
  RUN_ID,
  connectSocket,
  docker,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
let teamB: Client;
const P = `${RUN_ID}-mh`;
const PROJECT = `${P}-proj`;
/** A CPU burner held to a tenth of a CPU: a known, steady figure for both ways of reading. */
const BURN = ["--cpus", "0.1", "--entrypoint", "/bin/sh"];
const BURN_CMD = ["-c", "while :; do :; done"];
const compose = (service: string) => [
  "--label",
  `com.docker.compose.project=${PROJECT}`,
  "--label",
  `com.docker.compose.service=${service}`,
];
const ids: Record<string, string> = {};

async function burner(engine: "local" | "edge", name: string, extra: string[]) {
  return docker(
    engine,
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    name,
    ...BURN,
    ...extra,
    "local/idle:1",
    ...BURN_CMD,
  );
}

const history = (c: Client, host: string, ref: string, query = "metric=cpu") =>
  c.get<HistoryAnswer & { error?: { code: string; message: string } }>(
    `/api/v1/hosts/${host}/containers/${encodeURIComponent(ref)}/history?${query}`,
  );

/** Waits for stored points whose mean shows the burner's load. */
function loaded(host: string, ref: string) {
  return waitFor(
    async () => {
      const r = await history(admin, host, ref);
      return r.status === 200 && r.body.points.some((p) => p.avg > 3) ? r.body : undefined;
    },
    45_000,
    `stored CPU points of ${ref} on ${host}`,
  );
}

beforeAll(async () => {
  // Collected every second, so 10 s buckets fill in a test's time; nobody subscribes to any stats.
  srv = await startServer({ metricsIntervalMs: 1000 });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  teamB = await userClient(srv.base, admin, {
    username: `${P}-b`.replace(/[^a-z0-9_-]/gi, ""),
    role: "viewer",
    labelSelector: "team=b",
  });
  ids.local = await burner("local", `${P}-web-1`, ["--label", "team=a", ...compose("web")]);
  ids.edge = await burner("edge", `${P}-edge`, ["--label", "team=a"]);
  ids.b = await runFixture("edge", `${P}-b-own`, "local/idle:1", ["--label", "team=b"]);
}, 60_000);

afterAll(async () => {
  await removeByPrefix(P);
  await srv?.stop();
});

describe("background stats history", () => {
  it("keeps every running container's stats with no viewer: cgroup files on local, one-shot stats on edge", async () => {
    for (const host of ["local", "edge"] as const) {
      const body = await loaded(host, ids[host] ?? "");
      expect(body.stepMs).toBe(10_000);
      // The burner is held to 10 % of a CPU: no bucket's mean can be far above that.
      for (const p of body.points) expect(p.avg).toBeLessThanOrEqual(13);
      const mem = await history(admin, host, ids[host] ?? "", "metric=memory");
      expect(mem.body.points.at(-1)?.last).toBeGreaterThan(0);
      const pids = await history(admin, host, ids[host] ?? "", "metric=pids");
      expect(pids.body.points.at(-1)?.last).toBeGreaterThanOrEqual(1);
    }
    expect(srv.wharf.collector.counters.read).toBeGreaterThan(0);
    // No stats stream was opened for any of it.
    expect(srv.wharf.realtime.stats.counters().upstream).toBe(0);
    // The docker CLI, as a second opinion, sees the same load on the engine-mode host.
    const cli = Number.parseFloat(
      await docker("edge", "stats", "--no-stream", "--format", "{{.CPUPerc}}", ids.edge ?? ""),
    );
    const last = (await history(admin, "edge", ids.edge ?? "")).body.points.at(-1);
    expect(Math.abs((last?.avg ?? 0) - cli)).toBeLessThan(6);
  });

  it("folds a watched container's stream into the history instead of asking the engine again", async () => {
    await loaded("edge", ids.edge ?? "");
    const socket = await connectSocket(srv.base, admin.cookie);
    try {
      const before = { ...srv.wharf.collector.counters };
      const r = (await socket
        .timeout(20_000)
        .emitWithAck("stats:subscribe", { hostId: "edge", containerId: ids.edge ?? "" })) as { ok: boolean };
      expect(r.ok).toBe(true);
      await waitFor(
        () => {
          const c = srv.wharf.collector.counters;
          return (c.skipped > before.skipped + 2 && c.observed > before.observed + 2) || undefined;
        },
        15_000,
        "readings skipped while the stream covers the container",
      );
      expect(srv.wharf.realtime.stats.counters().upstream).toBe(1);
      // The host's totals still count the watched container: a bucket begun after the stream took over holds its load.
      const covered = Math.ceil(Date.now() / 10_000) * 10_000;
      const bucket = await waitFor(
        async () => {
          const r = await admin.get<HistoryAnswer>(`/api/v1/hosts/edge/history?metric=cpu&from=${covered}`);
          return r.body.points.find((x) => x.t >= covered);
        },
        30_000,
        "edge's totals while its burner is streamed",
      );
      expect(bucket.avg).toBeGreaterThan(3);
    } finally {
      socket.close();
    }
  });

  it("finds a container's history by name and id prefix, and a host's totals", async () => {
    await loaded("local", ids.local ?? "");
    const byName = await history(admin, "local", `${P}-web-1`);
    expect(byName.status).toBe(200);
    expect(byName.body.series).toEqual([
      { containerId: ids.local, name: `${P}-web-1`, project: PROJECT, service: "web" },
    ]);
    expect((await history(admin, "local", (ids.local ?? "").slice(0, 12))).status).toBe(200);
    // Both ways of reading feed the host's totals.
    for (const id of ["local", "edge"])
      await waitFor(
        async () => {
          const r = await admin.get<HistoryAnswer>(`/api/v1/hosts/${id}/history?metric=cpu`);
          return r.status === 200 && r.body.points.some((p) => p.avg > 3) ? r : undefined;
        },
        30_000,
        `${id}'s totals`,
      );
  });

  it("refuses bad input, naming the field", async () => {
    const bad = await history(admin, "local", ids.local ?? "", "metric=load");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^query\.metric: must be one of cpu, memory/);
    const backwards = await history(admin, "local", ids.local ?? "", "metric=cpu&from=2000&to=1000");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.message).toMatch(/^query\.from: must be before to/);
  });

  it("answers another team's history exactly as a missing container's, by id, prefix and name", async () => {
    await loaded("local", ids.local ?? "");
    const missing = await history(teamB, "local", `${P}-no-such`);
    expect(missing.status).toBe(404);
    for (const ref of [ids.local ?? "", (ids.local ?? "").slice(0, 12), `${P}-web-1`]) {
      const r = await history(teamB, "local", ref);
      expect(r.status, ref).toBe(404);
      expect(r.body.error?.message).toBe(missing.body.error?.message.replace(`${P}-no-such`, ref));
      // The service view of another team's container is the same miss.
      expect((await history(teamB, "local", ref, "metric=cpu&by=service")).status).toBe(404);
    }
    // A host's totals cover every team's containers: not for a label-scoped user.
    expect((await teamB.get("/api/v1/hosts/local/history?metric=cpu")).status).toBe(403);
    // Their own container's history is theirs.
    const own = await waitFor(
      async () => {
        const r = await history(teamB, "edge", ids.b ?? "", "metric=memory");
        return r.body.points?.length ? r : undefined;
      },
      30_000,
      "team b's own history",
    );
    expect(own.status).toBe(200);
  });

  it("continues a service's history across a recreate", async () => {
    const first = ids.local ?? "";
    await loaded("local", first);
    await docker("local", "rm", "-f", first);
    const second = await burner("local", `${P}-web-2`, ["--label", "team=a", ...compose("web")]);
    await loaded("local", second);
    const joined = await history(admin, "local", second, "metric=cpu&by=service");
    expect(joined.status).toBe(200);
    expect(joined.body.series.map((s) => s.containerId)).toEqual([first, second]);
    // The gone container's own history is still there.
    const gone = await history(admin, "local", first);
    expect(gone.status).toBe(200);
    expect(gone.body.points.length).toBeGreaterThan(0);
    expect(joined.body.points.length).toBeGreaterThan(gone.body.points.length);
  });

  it("keeps a service's history under its stack once the service has no container", async () => {
    const first = ids.local ?? "";
    const route = (c: Client, service = "web") =>
      c.get<HistoryAnswer & { error?: { message: string } }>(
        `/api/v1/hosts/local/stacks/${PROJECT}/services/${service}/history?metric=cpu`,
      );
    // The recreated container of the test above, if it ran; then none is left.
    const all = await docker("local", "ps", "-aq", "--filter", `label=com.docker.compose.project=${PROJECT}`);
    for (const id of all.split("\n").filter(Boolean)) await docker("local", "rm", "-f", id);
    // Gone and never stored: no stack to ask through.
    expect((await route(admin)).status).toBe(404);
    // Wharf keeps files for it now, the way a stack brought down with `down` stays listed.
    const stored = await admin.send("POST", "/api/v1/hosts/local/stacks", {
      name: PROJECT,
      compose: "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n",
    });
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    const r = await route(admin);
    expect(r.status).toBe(200);
    expect(r.body.series.map((s) => s.containerId)).toContain(first);
    expect(r.body.points.some((p) => p.avg > 3)).toBe(true);
    // A service that never ran has an empty history, not an error; a bad name is named.
    const none = await route(admin, "db");
    expect([none.status, none.body.points]).toEqual([200, []]);
    const bad = await route(admin, "-x");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe(
      "service: may use letters, digits, '.', '_' and '-', and must start with a letter or digit",
    );
    // Another team's stack is a miss, the same as a stack that does not exist.
    const theirs = await route(teamB);
    expect(theirs.status).toBe(404);
    await admin.send("DELETE", `/api/v1/hosts/local/stacks/${PROJECT}`);
  });
});
