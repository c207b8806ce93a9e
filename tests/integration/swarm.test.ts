import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type {
  HostSwarm,
  SwarmCluster,
  SwarmEvent,
  SwarmNode,
  SwarmService,
  SwarmTask,
  SwarmTaskTransition,
} from "../../lib/swarm/types";
import type { HostSummary } from "../../lib/types";
import { startSwarmServer, swarmCli } from "./swarm-cluster";
import {
  ENGINES_DIR,
  RUN_ID,
  connectSocket,
  enginesScript,
  userClient,
  waitFor,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

const run = promisify(execFile);
const P = `${RUN_ID}-sw`;
const API = "/api/v1/hosts/swarm/swarm";
/** Services in these tests publish no port, join no network and send nothing. */
const SLEEP = ["sleep", "100000"];

let srv: TestServer;
let admin: Client;
let stopSwarm = async () => {};
const sockets: TestSocket[] = [];

beforeAll(async () => {
  ({ srv, admin, stop: stopSwarm } = await startSwarmServer());
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  const services = await swarmCli("service", "ls", "-q", "--filter", `name=${P}`).catch(() => "");
  if (services) await swarmCli("service", "rm", ...services.split("\n")).catch(() => "");
  for (const kind of ["secret", "config"]) {
    const ids = await swarmCli(kind, "ls", "-q", "--filter", `name=${P}`).catch(() => "");
    if (ids) await swarmCli(kind, "rm", ...ids.split("\n")).catch(() => "");
  }
  await stopSwarm();
}, 120_000);

async function createService(c: Client, body: Record<string, unknown>): Promise<SwarmService> {
  const r = await c.send<{ service: SwarmService }>("POST", `${API}/services`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.service;
}

const getService = async (id: string) => (await admin.get<SwarmService>(`${API}/services/${id}`)).body;
const tasksOf = async (id: string) =>
  (await admin.get<{ items: SwarmTask[] }>(`${API}/services/${id}/tasks`)).body.items;

async function waitRunning(id: string, n: number, what: string): Promise<void> {
  await waitFor(
    async () => {
      const tasks = await tasksOf(id);
      return (
        tasks.filter((t) => t.desiredState === "running" && t.state === "running").length === n || undefined
      );
    },
    60_000,
    what,
  );
}

/** The swarm's task states in the order a task goes through them. */
const ORDER = [
  "new",
  "allocated",
  "pending",
  "assigned",
  "accepted",
  "preparing",
  "ready",
  "starting",
  "running",
  "complete",
  "shutdown",
  "failed",
  "rejected",
  "remove",
  "orphaned",
];

describe("a swarm manager host", () => {
  it("is detected from /info and shown on the host's answer", async () => {
    const hosts = await admin.get<{ items: { id: string; swarm?: HostSwarm }[] }>("/api/v1/hosts");
    const swarm = hosts.body.items.find((h) => h.id === "swarm")?.swarm;
    const clusterId = await swarmCli("info", "--format", "{{.Swarm.Cluster.ID}}");
    expect(swarm).toMatchObject({ state: "active", manager: true, clusterId, nodes: 3, managers: 3 });
    const cluster = await admin.get<SwarmCluster>(API);
    expect(cluster.body).toMatchObject({ state: "active", manager: true, clusterId });
    const nodes = await admin.get<{ items: SwarmNode[] }>(`${API}/nodes`);
    expect(nodes.body.items.map((n) => n.role)).toEqual(["manager", "manager", "manager"]);
    expect(nodes.body.items.filter((n) => n.leader)).toHaveLength(1);
    expect(nodes.body.items.every((n) => n.status === "ready" && n.engineVersion)).toBe(true);
  });

  it("answers bad input with the field and the reason", async () => {
    const r = await admin.send<{ error: { code: string; message: string } }>("POST", `${API}/services`, {
      name: `${P}-bad`,
      image: "local/busybox:1.35",
      updateConfig: { delay: "soon" },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^updateConfig\.delay: .*duration/);
  });
});

describe("a rolling update", () => {
  it("of 6 replicas, 2 at a time, start-first, is told task by task, and ends as `docker service ps` shows", async () => {
    const svc = await createService(admin, {
      name: `${P}-roll`,
      image: "local/busybox:1.35",
      command: SLEEP,
      replicas: 6,
      labels: { run: P },
      // sleep as PID 1 ignores SIGTERM: without this each old task takes the default 10 s to stop.
      stopGracePeriod: "1s",
      updateConfig: { parallelism: 2, order: "start-first", delay: "0s", monitor: "1s" },
    });
    expect(svc).toMatchObject({ mode: "replicated", replicas: 6 });
    expect(svc.updateConfig).toMatchObject({
      parallelism: 2,
      order: "start-first",
      delay: "0s",
      monitor: "1s",
    });
    await waitRunning(svc.id, 6, "6 running replicas");
    const before = (await tasksOf(svc.id)).filter((t) => t.desiredState === "running").map((t) => t.id);

    const socket = await connectSocket(srv.base, admin.cookie);
    sockets.push(socket);
    const seen: SwarmTaskTransition[] = [];
    const events: SwarmEvent[] = [];
    socket.on("swarm:task", (e) => {
      if (e.serviceId === svc.id) seen.push(e);
    });
    socket.on("swarm:event", (e) => {
      if (e.id === svc.id) events.push(e);
    });
    const watched = (await socket.timeout(10_000).emitWithAck("swarm:watch", { hostId: "swarm" })) as Result<{
      swarm: HostSwarm | null;
    }>;
    expect(watched).toMatchObject({ ok: true, data: { swarm: { state: "active", manager: true } } });

    const updated = await admin.send<{ service: SwarmService }>("PATCH", `${API}/services/${svc.id}`, {
      env: ["ROUND=2"],
      version: svc.version,
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    await waitFor(
      async () => (await getService(svc.id)).updateStatus?.state === "completed" || undefined,
      90_000,
      "the update to complete",
    );
    await waitRunning(svc.id, 6, "6 running replicas after the update");
    // Every old task told as shut down: the last transitions are in.
    await waitFor(
      () => before.every((id) => seen.some((e) => e.taskId === id && e.to === "shutdown")) || undefined,
      15_000,
      "every old task to be told shut down",
    );

    expect(events.some((e) => e.type === "service" && e.action === "update")).toBe(true);
    const tasks = await tasksOf(svc.id);
    const fresh = tasks.filter((t) => t.desiredState === "running");
    expect(fresh).toHaveLength(6);
    expect(fresh.some((t) => before.includes(t.id))).toBe(false);
    for (const t of fresh) {
      const mine = seen.filter((e) => e.taskId === t.id);
      expect(mine.length, `transitions of new task ${t.name}`).toBeGreaterThan(0);
      // In order: each transition starts where the one before ended, and states only move forward.
      for (const [i, e] of mine.entries()) {
        if (i > 0) expect(e.from).toBe(mine[i - 1]?.to);
        if (e.from) expect(ORDER.indexOf(e.to)).toBeGreaterThan(ORDER.indexOf(e.from));
      }
      expect(mine.at(-1)?.to).toBe("running");
      // Start-first: the slot's new task ran before its old one was shut down.
      const ranAt = seen.findIndex((e) => e.taskId === t.id && e.to === "running");
      const old = seen.findIndex(
        (e) => before.includes(e.taskId) && e.slot === t.slot && e.to === "shutdown",
      );
      expect(ranAt, `slot ${t.slot}: new task running before the old one shut down`).toBeLessThan(old);
    }

    // The CLI agrees with Wharf's task list: same tasks, same desired and current states.
    const ps = await swarmCli(
      "service",
      "ps",
      "--no-trunc",
      "--format",
      "{{.ID}} {{.DesiredState}} {{.CurrentState}}",
      svc.id,
    );
    const cli = new Map(
      ps.split("\n").map((l) => {
        const [id, desired, current] = l.split(" ");
        return [id, `${desired?.toLowerCase()} ${current?.toLowerCase()}`];
      }),
    );
    expect(new Set(tasks.map((t) => t.id))).toEqual(new Set(cli.keys()));
    for (const t of tasks) expect(cli.get(t.id), t.name).toBe(`${t.desiredState} ${t.state}`);
    socket.emit("swarm:unwatch", {}, () => undefined);
  }, 150_000);

  it("that fails, with failure action rollback, returns to the previous spec and shows why", async () => {
    const svc = await createService(admin, {
      name: `${P}-fail`,
      image: "local/busybox:1.35",
      command: SLEEP,
      stopGracePeriod: "1s",
      replicas: 2,
      labels: { run: P },
      updateConfig: { parallelism: 1, failureAction: "rollback", monitor: "3s", maxFailureRatio: 0 },
      rollbackConfig: { parallelism: 0, monitor: "1s" },
    });
    await waitRunning(svc.id, 2, "2 running replicas");
    // The whole update and rollback policy reaches the engine in its own units.
    const policy = await admin.send("PATCH", `${API}/services/${svc.id}`, {
      updateConfig: { delay: "200ms", order: "stop-first" },
      rollbackConfig: { failureAction: "continue", maxFailureRatio: 0.5, order: "start-first" },
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    const spec = JSON.parse(
      await swarmCli(
        "service",
        "inspect",
        svc.id,
        "--format",
        "{{json .Spec.UpdateConfig}} {{json .Spec.RollbackConfig}}",
      ).then((t) => `[${t.replace("} {", "},{")}]`),
    ) as Record<string, unknown>[];
    expect(spec[0]).toMatchObject({
      Parallelism: 1,
      Delay: 200e6,
      FailureAction: "rollback",
      Monitor: 3e9,
      Order: "stop-first",
    });
    expect(spec[1]).toMatchObject({
      Parallelism: 0,
      FailureAction: "continue",
      Monitor: 1e9,
      MaxFailureRatio: 0.5,
      Order: "start-first",
    });
    await waitFor(
      async () => {
        const state = (await getService(svc.id)).updateStatus?.state;
        return state === undefined || state === "completed" || undefined;
      },
      30_000,
      "the policy change to settle",
    );
    const r = await admin.send("PATCH", `${API}/services/${svc.id}`, { command: ["sh", "-c", "exit 3"] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const back = await waitFor(
      async () => {
        const s = await getService(svc.id);
        // The engine sets the state and then its message: both, before the answer is judged.
        return s.updateStatus?.state === "rollback_completed" && s.updateStatus.message ? s : undefined;
      },
      90_000,
      "the update to be rolled back",
    );
    expect(back.command).toEqual(SLEEP);
    expect(back.updateStatus?.message).toMatch(/rollback completed/i);
    // The engine's own words while the rollback ran, or, when the follow missed that window, the failed task.
    expect(back.updateStatus?.cause).toMatch(
      /rolled back due to failure or early termination of task|rolled back after task \w{12} failed: task: non-zero exit \(3\)/,
    );
    const failed = (await tasksOf(svc.id)).filter((t) => t.state === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ exitCode: 3, error: expect.stringMatching(/non-zero exit \(3\)/) });
    await waitRunning(svc.id, 2, "2 running replicas after the rollback");
  }, 120_000);
});

describe("draining a node", () => {
  it("moves its tasks to the others, as `docker node ps` shows", async () => {
    const svc = await createService(admin, {
      name: `${P}-drain`,
      image: "local/busybox:1.35",
      command: SLEEP,
      stopGracePeriod: "1s",
      replicas: 3,
      labels: { run: P },
    });
    await waitRunning(svc.id, 3, "3 running replicas");
    const tasks = (await tasksOf(svc.id)).filter((t) => t.desiredState === "running");
    const nodeId = tasks[0]?.nodeId as string;
    const node = (await admin.get<SwarmNode>(`${API}/nodes/${nodeId}`)).body;
    try {
      const drained = await admin.send<SwarmNode>("PATCH", `${API}/nodes/${nodeId}`, {
        availability: "drain",
        version: node.version,
      });
      expect(drained.status, JSON.stringify(drained.body)).toBe(200);
      expect(drained.body.availability).toBe("drain");
      // A failed engine call: the engine's own words, and nothing changed.
      const manager = await admin.send<{ error: { code: string; message: string } }>(
        "DELETE",
        `${API}/nodes/${nodeId}`,
      );
      expect(manager.status).toBeGreaterThanOrEqual(400);
      expect(manager.body.error.message).toMatch(/demoted|manager|not down/i);
      expect(await swarmCli("node", "inspect", nodeId, "--format", "{{.Status.State}}")).toBe("ready");
      const stale = await admin.send("PATCH", `${API}/nodes/${nodeId}`, {
        availability: "active",
        version: node.version,
      });
      expect(stale.status).toBe(409);
      await waitFor(
        async () =>
          (await swarmCli("node", "ps", nodeId, "--filter", "desired-state=running", "-q")) === "" ||
          undefined,
        30_000,
        "the drained node to hold no running task",
      );
      await waitRunning(svc.id, 3, "3 running replicas on the other nodes");
      const after = (await tasksOf(svc.id)).filter((t) => t.desiredState === "running");
      expect(after.every((t) => t.nodeId !== nodeId)).toBe(true);
      const onNode = await admin.get<{ items: SwarmTask[] }>(`${API}/nodes/${nodeId}/tasks`);
      expect(onNode.body.items.filter((t) => t.desiredState === "running")).toEqual([]);
      const cliOnNode = (await swarmCli("node", "ps", nodeId, "-q", "--no-trunc"))
        .split("\n")
        .filter(Boolean);
      expect(new Set(onNode.body.items.map((t) => t.id))).toEqual(new Set(cliOnNode));
    } finally {
      const now = (await admin.get<SwarmNode>(`${API}/nodes/${nodeId}`)).body;
      await admin.send("PATCH", `${API}/nodes/${nodeId}`, { availability: "active", version: now.version });
    }
    expect((await admin.get<SwarmNode>(`${API}/nodes/${nodeId}`)).body.availability).toBe("active");
  }, 120_000);
});

describe("node changes", () => {
  it("edit a node's labels, and demote and promote a manager, as `docker node inspect` shows", async () => {
    const self = (await admin.get<SwarmCluster>(API)).body.nodeId;
    const nodes = (await admin.get<{ items: SwarmNode[] }>(`${API}/nodes`)).body.items;
    const other = nodes.find((n) => n.id !== self && !n.leader) as SwarmNode;
    const inspect = (format: string) => swarmCli("node", "inspect", other.id, "--format", format);
    // A running node is refused by the engine: a conflict with the node's state, in its own words.
    const refused = await admin.send<{ error: { code: string; message: string } }>(
      "DELETE",
      `${API}/nodes/${other.id}`,
    );
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.message).toMatch(/must be demoted|is not down/);
    expect(await inspect("{{.Status.State}}")).toBe("ready");
    try {
      const labelled = await admin.send<SwarmNode>("PATCH", `${API}/nodes/${other.id}`, {
        labels: { ...other.labels, [`${P}-zone`]: "a" },
      });
      expect(labelled.status, JSON.stringify(labelled.body)).toBe(200);
      expect(await inspect(`{{index .Spec.Labels "${P}-zone"}}`)).toBe("a");
      const demoted = await admin.send<SwarmNode>("PATCH", `${API}/nodes/${other.id}`, { role: "worker" });
      expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
      await waitFor(
        async () => (await inspect("{{.Spec.Role}}")) === "worker" || undefined,
        30_000,
        "the demotion",
      );
    } finally {
      await admin.send("PATCH", `${API}/nodes/${other.id}`, { role: "manager", labels: other.labels });
    }
    // The engine makes it a reachable manager again about 30 s later, once the node has renewed its
    // certificate for the role; the cluster keeps its quorum meanwhile, so that is not waited for here.
    await waitFor(
      async () => (await inspect("{{.Spec.Role}}")) === "manager" || undefined,
      30_000,
      "the promotion",
    );
    const back = await admin.get<SwarmNode>(`${API}/nodes/${other.id}`);
    expect(back.body.role).toBe("manager");
    expect(await inspect(`{{index .Spec.Labels "${P}-zone"}}`)).toBe("");
  }, 120_000);
});

describe("scope", () => {
  it("lets a team=a operator see and scale only team=a services, and refuses it nodes and secrets", async () => {
    const a = await createService(admin, {
      name: `${P}-a`,
      image: "local/busybox:1.35",
      command: ["sh", "-c", `echo hello-${P}; exec sleep 100000`],
      labels: { team: "a", run: P },
      stopGracePeriod: "1s",
    });
    const b = await createService(admin, {
      name: `${P}-b`,
      image: "local/busybox:1.35",
      command: SLEEP,
      labels: { team: "b", run: P },
      stopGracePeriod: "1s",
    });
    const op = await userClient(srv.base, admin, {
      username: `${P}-opa`,
      role: "operator",
      labelSelector: "team=a",
    });
    const list = await op.get<{ items: SwarmService[] }>(`${API}/services`);
    expect(list.status).toBe(200);
    const names = list.body.items.map((s) => s.name);
    expect(names).toContain(`${P}-a`);
    expect(names).not.toContain(`${P}-b`);

    const scaled = await op.send<{ service: SwarmService }>("POST", `${API}/services/${a.id}/scale`, {
      replicas: 2,
    });
    expect(scaled.status, JSON.stringify(scaled.body)).toBe(200);
    expect(scaled.body.service.replicas).toBe(2);

    // Another team's service answers exactly as one that does not exist.
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["POST", "/scale", { replicas: 3 }],
      ["PATCH", "", { env: ["X=1"] }],
      ["DELETE", "", undefined],
    ] as const) {
      const theirs = await op.send(method, `${API}/services/${b.id}${suffix}`, body);
      const ghost = await op.send(method, `${API}/services/nosuchservice${suffix}`, body);
      expect(theirs.status, `${method} ${suffix}`).toBe(404);
      expect(JSON.stringify(theirs.body).replaceAll(b.id, "<ref>")).toBe(
        JSON.stringify(ghost.body).replaceAll("nosuchservice", "<ref>"),
      );
    }
    expect((await getService(b.id)).replicas).toBe(1);

    // Creates must carry the team's label.
    const unlabelled = await op.send<{ error: { message: string } }>("POST", `${API}/services`, {
      name: `${P}-nolabel`,
      image: "local/busybox:1.35",
      command: SLEEP,
    });
    expect(unlabelled.status).toBe(403);
    expect(unlabelled.body.error.message).toMatch(/^labels: .*team=a/);
    const withSecret = await op.send("POST", `${API}/services`, {
      name: `${P}-sec`,
      image: "local/busybox:1.35",
      labels: { team: "a" },
      secrets: [{ name: "anything" }],
    });
    expect(withSecret.status).toBe(403);

    for (const what of ["nodes", "secrets", "configs"])
      expect((await op.get(`${API}/${what}`)).status, what).toBe(403);
    expect((await op.send("POST", `${API}/secrets`, { name: `${P}-x`, data: "x" })).status).toBe(403);

    // Live facts: the team hears its own service, not another team's, and no whole-host object.
    const [opSocket, adminSocket] = [
      await connectSocket(srv.base, op.cookie),
      await connectSocket(srv.base, admin.cookie),
    ];
    sockets.push(opSocket, adminSocket);
    const heard: SwarmEvent[] = [];
    const adminHeard: SwarmEvent[] = [];
    opSocket.on("swarm:event", (e) => heard.push(e));
    adminSocket.on("swarm:event", (e) => adminHeard.push(e));
    for (const s of [opSocket, adminSocket])
      expect(await s.timeout(10_000).emitWithAck("swarm:watch", { hostId: "swarm" })).toMatchObject({
        ok: true,
      });
    const nodeId = (await admin.get<SwarmCluster>(API)).body.nodeId as string;
    const node = (await admin.get<SwarmNode>(`${API}/nodes/${nodeId}`)).body;
    await admin.send("PATCH", `${API}/nodes/${nodeId}`, { labels: { ...node.labels, [`${P}-seen`]: "1" } });
    await admin.send("PATCH", `${API}/nodes/${nodeId}`, { labels: node.labels });
    await admin.send("PATCH", `${API}/services/${b.id}`, { env: ["HEARD=no"] });
    await admin.send("PATCH", `${API}/services/${a.id}`, { env: ["HEARD=yes"] });
    await waitFor(
      () =>
        (adminHeard.some((e) => e.id === a.id) &&
          adminHeard.some((e) => e.id === b.id) &&
          adminHeard.some((e) => e.type === "node") &&
          heard.some((e) => e.id === a.id)) ||
        undefined,
      20_000,
      "the service and node events",
    );
    expect(heard.filter((e) => e.id === b.id || e.type !== "service")).toEqual([]);

    // The team's own logs, merged across its tasks.
    await waitRunning(a.id, 2, "team a's 2 replicas");
    const logs = await waitFor(
      async () => {
        const r = await op.get<string>(`${API}/services/${a.id}/logs?tail=50`);
        return r.status === 200 && r.body.includes(`hello-${P}`) ? r.body : undefined;
      },
      20_000,
      "the service's logs",
    );
    expect(logs).toMatch(new RegExp(`^${P}-a\\.\\d\\.[0-9a-z]{12}@\\S+ \\| hello-${P}$`, "m"));
  }, 120_000);
});

describe("configs and secrets", () => {
  it("never show a secret's value in an answer or the audit log", async () => {
    const value = `s3cret-${RUN_ID}-${Math.random().toString(36).slice(2)}`;
    const created = await admin.send("POST", `${API}/secrets`, {
      name: `${P}-s`,
      data: value,
      labels: { run: P },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const again = await admin.send("POST", `${API}/secrets`, { name: `${P}-s`, data: value });
    expect(again.status).toBe(409);
    const bad = await admin.send("POST", `${API}/secrets`, { name: "", data: value });
    expect(bad.status).toBe(400);
    const listed = await admin.get<{ items: { name: string }[] }>(`${API}/secrets`);
    expect(listed.body.items.map((s) => s.name)).toContain(`${P}-s`);
    const audit0 = await admin.get("/api/v1/audit?limit=1000");
    for (const text of [created.body, again.body, bad.body, listed.body, audit0.body].map((x) =>
      JSON.stringify(x),
    ))
      expect(text).not.toContain(value);
    expect(JSON.stringify(audit0.body)).toContain("swarm.secret.create");
    const svc = await createService(admin, {
      name: `${P}-uses-secret`,
      image: "local/busybox:1.35",
      command: SLEEP,
      replicas: 0,
      labels: { run: P },
      secrets: [{ name: `${P}-s`, target: "db-password" }],
    });
    expect(svc.secrets).toEqual([expect.objectContaining({ name: `${P}-s`, target: "db-password" })]);
    expect(JSON.stringify(svc)).not.toContain(value);
    const inUse = await admin.send<{ error: { message: string } }>("DELETE", `${API}/secrets/${P}-s`);
    expect(inUse.status).toBeGreaterThanOrEqual(400);
    expect(inUse.body.error.message).toMatch(/in use/);
    expect((await admin.send("DELETE", `${API}/services/${svc.id}`)).status).toBe(200);
    const audit = await admin.get("/api/v1/audit?limit=1000");
    expect(JSON.stringify(audit.body)).not.toContain(value);
    const removed = await admin.send("DELETE", `${API}/secrets/${P}-s`);
    expect(removed.status).toBe(200);

    const config = await admin.send<{ data: string }>("POST", `${API}/configs`, {
      name: `${P}-c`,
      data: "a=1\n",
    });
    expect(config.status).toBe(201);
    expect(config.body.data).toBe("a=1\n");
    expect((await admin.send("DELETE", `${API}/configs/${P}-c`)).status).toBe(200);
  });
});

describe("manager failure", () => {
  it("fails over to another manager of the cluster when the one in use is killed, and keeps serving the swarm", async () => {
    const svc = await createService(admin, {
      name: `${P}-fo`,
      image: "local/busybox:1.35",
      command: SLEEP,
      stopGracePeriod: "1s",
      replicas: 1,
      labels: { run: P },
    });
    const hostOf = async () =>
      (await admin.get<{ items: HostSummary[] }>("/api/v1/hosts")).body.items.find((h) => h.id === "swarm");
    const before = await hostOf();
    expect(before?.via).toBeUndefined();
    // Every manager must be reachable first (a promote earlier in the file takes a while to rejoin
    // raft): with one manager gone, the two left keep the quorum.
    await waitFor(
      async () => {
        const status = await swarmCli("node", "ls", "--format", "{{.ManagerStatus}}").catch(() => "");
        const ok = status.split("\n").filter((x) => x === "Leader" || x === "Reachable");
        return ok.length === 3 || undefined;
      },
      90_000,
      "all three managers reachable",
    );
    const pid = fs.readFileSync(path.join(ENGINES_DIR, "swarm1", "docker.pid"), "utf8").trim();
    const killedAt = Date.now();
    process.kill(Number(pid), "SIGKILL");
    try {
      // Wharf moves to another manager as soon as the one in use stops answering: the same host.
      const after = await waitFor(
        async () => {
          const h = await hostOf();
          return h?.via && h.status === "up" ? h : undefined;
        },
        30_000,
        "the host served through another manager",
      );
      const switchedMs = Date.now() - killedAt;
      // The swarm itself answers again once the two managers left have elected a leader.
      await waitFor(
        async () => {
          const r = await admin.get<{ items: SwarmService[] }>(`${API}/services`);
          return (r.status === 200 && r.body.items.some((x) => x.id === svc.id)) || undefined;
        },
        90_000,
        "the swarm's services through the other manager",
      );
      console.log(
        `swarm fail-over: through ${after.via ?? "?"} ${switchedMs} ms after the kill; services listed again after ${Date.now() - killedAt} ms`,
      );
      expect(after.via).toMatch(/swarm[23]\/docker\.sock$/);
      // The cluster still manages: a scale through the new manager reaches the engine (raft may still
      // be settling its new leader for a moment, which the engine reports as an error to retry).
      await waitFor(
        async () => {
          const r = await admin.send("POST", `${API}/services/${svc.id}/scale`, { replicas: 2 });
          return r.status === 200 || undefined;
        },
        60_000,
        "a scale through the new leader",
      );
      const sock = path.join(ENGINES_DIR, after.via?.includes("swarm2") ? "swarm2" : "swarm3", "docker.sock");
      const { stdout } = await run("docker", [
        "-H",
        `unix://${sock}`,
        "service",
        "inspect",
        "-f",
        "{{.Spec.Mode.Replicated.Replicas}}",
        svc.id,
      ]);
      expect(stdout.trim()).toBe("2");
    } finally {
      // The killed manager comes back and rejoins, so the cluster is whole for what follows.
      await enginesScript("swarm");
    }
  }, 150_000);
});
