import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { ClientCommand, CommandPayload } from "../../lib/realtime/events";
import type { RouteDef } from "../../server/api/router";
import type { CommandScope, RouteScope } from "../../server/scope/declared";
import {
  ENGINE_IDS,
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
  type TestSocket,
} from "./harness";

/**
 * Walks the server's own route and command tables for scope: for an unscoped, a host-scoped and a
 * label-scoped admin, every target outside the caller's scope answers 404 exactly like a missing
 * one (403 for a fleet-wide setting or a whole host), lists leave it out, and the engines, read
 * with the docker CLI, are unchanged afterwards.
 */

const P = `${RUN_ID}-sw`;
const TEAM_A = `${RUN_ID}-swa`;
const TEAM_B = `${RUN_ID}-swb`;
const GHOST = `${P}-missing`;
const ZEROS = "0".repeat(64);
const NO_EXEC = "00000000-0000-4000-8000-000000000000";
const REGISTRY_PORT = process.env.WHARF_REGISTRY_PORT ?? "5000";
const REGISTRY_URL = `http://127.0.0.1:${REGISTRY_PORT}`;
/** In the loopback registry, so a call that wrongly goes through pulls nothing from outside. */
const PULL_REF = `localhost:${REGISTRY_PORT}/busybox:1.35`;
const WHO = ["unscoped", "host-scoped", "label-scoped"] as const;
type Who = (typeof WHO)[number];

/** What one principal is walked against: real objects outside its scope, or missing ones. */
interface Targets {
  /** The host of routes that name only a host. */
  host: string;
  /** The host the objects below live on. */
  objHost: string;
  container: string[];
  volume: string;
  network: string[];
  image: string[];
  user: string[];
  token: string[];
  session: string[];
  registry: string;
  /** DELETE /hosts/:hostId is a fleet-wide setting, not a host in scope. */
  globalHost: string;
  job: string[];
  execSession: string;
  /** A compose project's name on objHost. */
  stack: string;
  /** Alerts and alert silences about other teams' containers. */
  alert: string[];
  silence: string[];
}

interface Walker {
  who: Who;
  client: Client;
  out: Targets;
  ghost: Targets;
  scoped: boolean;
  labelScoped: boolean;
  /** JSON fragments no list may show this principal. */
  forbidden: string[];
  foreignUsers: string[];
  foreignTokens: string[];
  foreignSessions: string[];
  foreignJobs: string[];
  hosts: string[] | "*";
  bulkTargets: { hostId: string; id: string }[];
  pullHosts: string[];
  /** Grants beyond the principal's own scope, for POST /users and /tokens. */
  grants: Record<string, unknown>[];
}

interface Res {
  status: number;
  text: string;
}

let srv: TestServer;
let admin: Client;
let execOwner: TestSocket | undefined;
const sockets: TestSocket[] = [];
const walkers = {} as Record<Who, Walker>;
const imageIds: string[] = [];
let sharedRegistry = 0;
let teamAContainer = "";
let snapshotBefore: string[] = [];
const tally = { r404: 0, r403: 0, lists: 0, na: 0, variants: 0, hostLists: 0, cmd: 0, selfCmd: 0, xref: 0 };

async function call(c: Client, method: string, path: string, body?: unknown): Promise<Res> {
  const r = await fetch(srv.base + path, {
    method,
    headers: {
      cookie: c.cookie,
      "x-wharf-csrf": "1",
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, text: await r.text() };
}

const json = <T>(r: Res): T => JSON.parse(r.text || "null") as T;
const show = (who: string, method: string, path: string, body: unknown, r: Res | Result<unknown>) =>
  `${who}: ${method} ${path}${body === undefined ? "" : ` ${JSON.stringify(body)}`} -> ${
    "status" in r ? `${r.status} ${r.text.slice(0, 300)}` : JSON.stringify(r).slice(0, 300)
  }`;

/** The answer with every reference replaced, so an out-of-scope and a missing target compare byte for byte. */
function norm(text: string, values: string[]): string {
  let out = text;
  for (const v of [...new Set(values)].filter(Boolean).sort((a, b) => b.length - a.length))
    out = out.replaceAll(v, "<ref>");
  return out;
}

const sameAnswer = (a: Res, b: Res, values: string[]) =>
  a.status === b.status && norm(a.text, values) === norm(b.text, values);

const key = (r: RouteDef) => `${r.method} ${r.path}`;
const TARGET_SCOPES = new Set<RouteScope>([
  "container",
  "volume",
  "network",
  "image",
  "image:change",
  "image:remove",
  "stack",
]);

function idList(r: RouteDef, t: Targets): string[] {
  if (r.path.startsWith("/api/v1/users/")) return t.user;
  if (r.path.startsWith("/api/v1/tokens/")) return t.token;
  if (r.path.startsWith("/api/v1/sessions/")) return t.session;
  if (r.path.startsWith("/api/v1/registries/")) return [t.registry];
  if (r.path.includes("/containers/")) return t.container;
  if (r.path.includes("/networks/")) return t.network;
  if (r.path.includes("/images/")) return t.image;
  if (r.path.startsWith("/api/v1/alerts/silences/")) return t.silence;
  // Rules and targets are fleet-wide settings: no id of them is another team's.
  if (r.path.startsWith("/api/v1/alerts/rules/") || r.path.startsWith("/api/v1/alerts/targets/"))
    return ["999999"];
  if (r.path.startsWith("/api/v1/alerts/")) return t.alert;
  // Swarm objects: these hosts are no swarm, and every swarm route checks the host first.
  if (r.path.includes("/swarm/")) return [`${P}-none`];
  throw new Error(`the walk has no value for :id in ${r.path}`);
}

const variantsOf = (r: RouteDef, t: Targets) => (r.path.includes("/:id") ? idList(r, t).length : 1);

/** Queries that make a refused call the most harmful one, had it gone through. */
const QUERY: Record<string, string> = {
  "DELETE /api/v1/hosts/:hostId/containers/:id": "?force=true",
  "DELETE /api/v1/hosts/:hostId/images/:id": "?force=true",
  "DELETE /api/v1/hosts/:hostId/volumes/:name": "?force=true",
  "GET /api/v1/hosts/:hostId/stacks/:name/services/:service/history": "?metric=cpu",
};

/** A concrete path for one route and target set, with the references it used. */
function fill(r: RouteDef, t: Targets, i = 0, host?: string): { path: string; values: string[] } {
  const values: string[] = [];
  const use = (v: string) => {
    values.push(v);
    return encodeURIComponent(v);
  };
  const path = r.path.replace(/:(\w+)/g, (_m, k: string) => {
    if (k === "hostId")
      return use(
        host ?? (r.scope === "global" ? t.globalHost : TARGET_SCOPES.has(r.scope) ? t.objHost : t.host),
      );
    if (k === "action") return "restart";
    if (k === "tag") return "1";
    if (k === "revision") return "1";
    if (k === "jobId") return use(at(t.job, i));
    if (k === "name" && r.path.includes("/stacks/")) return use(t.stack);
    if (k === "service") return "web";
    if (k === "name") return r.path.includes("/volumes/") ? use(t.volume) : `${P}-none`;
    const list = idList(r, t);
    return use(list[Math.min(i, list.length - 1)] as string);
  });
  return { path: path + (QUERY[key(r)] ?? ""), values };
}

const CREATE_CONFIG = {
  Image: "local/idle:1",
  Labels: { team: TEAM_A },
  HostConfig: { NetworkMode: "none" },
};
const STACK_FILE = "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n";
const PRUNE_NOTHING = { filters: { label: [`run=${P}-none`] } };

/** Realistic bodies: a refusal must come from the target, never from a malformed request. */
const BODIES: Record<string, () => unknown> = {
  "POST /api/v1/hosts/:hostId/containers": () => ({ name: `${P}-w`, config: CREATE_CONFIG }),
  "POST /api/v1/hosts/:hostId/containers/:id/recreate": () => ({ config: CREATE_CONFIG }),
  "PATCH /api/v1/hosts/:hostId/containers/:id/resources": () => ({ memory: 64 * 1024 * 1024 }),
  "POST /api/v1/hosts/:hostId/prune": () => PRUNE_NOTHING,
  "POST /api/v1/hosts": () => ({ id: `${RUN_ID}sw`, url: "tcp://127.0.0.1:9" }),
  "POST /api/v1/hosts/:hostId/images/pull": () => ({ image: PULL_REF }),
  "POST /api/v1/hosts/:hostId/images/push": () => ({
    image: "local/busybox:1.35",
    registryId: sharedRegistry,
  }),
  "POST /api/v1/hosts/:hostId/images/build": () => ({
    dockerfile: "FROM local/busybox:1.35\n",
    tags: [`${P}-w:1`],
  }),
  "POST /api/v1/hosts/:hostId/images/:id/tag": () => ({ repo: `${P}-retag`, tag: "1" }),
  "POST /api/v1/hosts/:hostId/images/prune": () => ({ labels: [`run=${P}-none`] }),
  "POST /api/v1/registries": () => ({ name: `${P}-wreg`, url: REGISTRY_URL }),
  "PATCH /api/v1/registries/:id": () => ({ name: `${P}-renamed` }),
  "PATCH /api/v1/users/:id": () => ({ role: "viewer" }),
  "POST /api/v1/hosts/:hostId/volumes": () => ({ Name: `${P}-wvol` }),
  "POST /api/v1/hosts/:hostId/volumes/prune": () => PRUNE_NOTHING,
  "POST /api/v1/hosts/:hostId/networks": () => ({ Name: `${P}-wnet`, Internal: true }),
  "POST /api/v1/hosts/:hostId/networks/:id/connect": () => ({ container: teamAContainer }),
  "POST /api/v1/hosts/:hostId/networks/:id/disconnect": () => ({ container: teamAContainer }),
  "POST /api/v1/hosts/:hostId/networks/prune": () => PRUNE_NOTHING,
  "POST /api/v1/hosts/:hostId/stacks": () => ({ name: `${P}-wstk`, compose: STACK_FILE }),
  "PUT /api/v1/hosts/:hostId/stacks/:name": () => ({ compose: STACK_FILE }),
  "POST /api/v1/hosts/:hostId/stacks/:name/down": () => ({ volumes: true }),
  "POST /api/v1/alerts/rules": () => ({ name: `${P}-wrule`, kind: "oom" }),
  "PUT /api/v1/alerts/rules/:id": () => ({ name: `${P}-wrule`, kind: "oom" }),
  "POST /api/v1/alerts/targets": () => ({
    name: `${P}-wtgt`,
    config: { kind: "webhook", url: "http://127.0.0.1:9/" },
  }),
};

function bodyOf(r: RouteDef): unknown {
  const b = BODIES[key(r)];
  if (b) return b();
  return r.method === "GET" || r.method === "DELETE" || r.path.endsWith("/:action") ? undefined : {};
}

/** What each socket command touches; mirrors the server's table, so a change on either side is noticed. */
const COMMAND_SCOPES: Record<ClientCommand, CommandScope> = {
  "stats:subscribe": "container",
  "stats:unsubscribe": "self",
  "logs:subscribe": "container",
  "logs:unsubscribe": "self",
  "exec:start": "container",
  "exec:input": "exec-session",
  "exec:resize": "exec-session",
  "exec:close": "exec-session",
  "jobs:watch": "host",
  "jobs:unwatch": "self",
  "job:cancel": "job",
  "swarm:watch": "host",
  "swarm:unwatch": "self",
};

const at = (xs: string[], i: number) => xs[Math.min(i, xs.length - 1)] as string;
const PAYLOADS: { [K in ClientCommand]: (t: Targets, i: number) => CommandPayload<K> } = {
  "stats:subscribe": (t, i) => ({ hostId: t.objHost, containerId: at(t.container, i) }),
  "stats:unsubscribe": (t, i) => ({ hostId: t.objHost, containerId: at(t.container, i) }),
  "logs:subscribe": (t, i) => ({ hostId: t.objHost, containerId: at(t.container, i), tail: 1 }),
  "logs:unsubscribe": (t, i) => ({ hostId: t.objHost, containerId: at(t.container, i) }),
  "exec:start": (t, i) => ({ hostId: t.objHost, containerId: at(t.container, i), cols: 80, rows: 24 }),
  "exec:input": (t) => ({ sessionId: t.execSession, data: "echo hijacked\n" }),
  "exec:resize": (t) => ({ sessionId: t.execSession, cols: 100, rows: 30 }),
  "exec:close": (t) => ({ sessionId: t.execSession }),
  "jobs:watch": (t) => ({ hostId: t.host }),
  "jobs:unwatch": () => ({}),
  "job:cancel": (t, i) => ({ jobId: at(t.job, i) }),
  "swarm:watch": (t) => ({ hostId: t.host }),
  "swarm:unwatch": () => ({}),
};

async function ack(s: TestSocket, cmd: string, payload: unknown): Promise<Result<unknown>> {
  return (await (s as unknown as Socket).timeout(10_000).emitWithAck(cmd, payload)) as Result<unknown>;
}

async function build(
  c: Client,
  host: string,
  tag: string,
  jobId?: string,
): Promise<{ id: string; jobId: string }> {
  const r = await c.send<{ id: string; jobId: string }>("POST", `/api/v1/hosts/${host}/images/build`, {
    dockerfile: `FROM local/busybox:1.35\nLABEL run=${P} image=${tag}\n`,
    tags: [tag],
    ...(jobId ? { jobId } : {}),
  });
  if (r.status !== 200) throw new Error(`building ${tag} on ${host}: ${r.status} ${JSON.stringify(r.body)}`);
  imageIds.push(r.body.id);
  return r.body;
}

/** Only what this run owns or what no run owns: other test runs may share the engines at the same time. */
function ours(line: string): boolean {
  const runs = line.match(/\bit[0-9a-z]{6,}\b/g) ?? [];
  if (runs.some((r) => r !== RUN_ID)) return false;
  if (/ image \S+ <none>:<none>$/.test(line)) return false;
  return !/ volume [0-9a-f]{64}\b/.test(line);
}

/**
 * Label lists come in map order; sorted, a line compares stably. The list starts at the word holding
 * the first "=", after the fields before it (id, name, image, state), which are kept as they are.
 */
function stable(line: string): string {
  const eq = line.indexOf("=");
  if (eq === -1) return line;
  const start = line.lastIndexOf(" ", eq) + 1;
  return line.slice(0, start) + line.slice(start).split(",").sort().join(",");
}

/** The docker CLI's view of an engine; my own containers and networks in detail (restarts, joins, attachments). */
const CLI_VIEWS: [string, string[]][] = [
  [
    "container",
    ["ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Labels}}"],
  ],
  ["image", ["images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"]],
  ["volume", ["volume", "ls", "--format", "{{.Name}} {{.Labels}}"]],
  ["network", ["network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}} {{.Labels}}"]],
];
const DETAIL =
  "{{.Name}} {{.Image}} {{.State.StartedAt}} {{.RestartCount}} {{.HostConfig.Memory}} {{.HostConfig.PidMode}} " +
  "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}";
const ATTACHED = "{{.Name}} {{range $k, $v := .Containers}}{{$k}} {{end}}";

async function snapshot(): Promise<string[]> {
  const lines: string[] = [];
  for (const e of ENGINE_IDS) {
    const add = (kind: string, out: string) => {
      for (const l of out.split("\n").filter(Boolean)) lines.push(`${e} ${kind} ${stable(l)}`);
    };
    for (const [kind, args] of CLI_VIEWS) add(kind, await docker(e, ...args));
    const mine = await docker(e, "ps", "-aq", "--no-trunc", "--filter", `name=${P}`);
    if (mine) add("detail", await docker(e, "inspect", "-f", DETAIL, ...mine.split("\n")));
    const nets = await docker(e, "network", "ls", "-q", "--filter", `name=${P}`);
    if (nets) add("attached", await docker(e, "network", "inspect", "-f", ATTACHED, ...nets.split("\n")));
  }
  return lines.filter(ours).sort();
}

const inspectId = (engine: "local" | "edge", kind: "container" | "network" | "image", ref: string) =>
  docker(engine, kind, "inspect", "-f", "{{.Id}}", ref);

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  const user = (username: string, role: "viewer" | "operator" | "admin", scope: object) =>
    userClient(srv.base, admin, { username: `${P}-${username}`, role, ...scope });
  const hostScoped = await user("host", "admin", { hosts: ["local"] });
  const labelScoped = await user("label", "admin", { hosts: ["local"], labelSelector: `team=${TEAM_A}` });
  const teamBOps = await user("bops", "operator", { hosts: ["local"], labelSelector: `team=${TEAM_B}` });
  // Other principals, one set per walker: a walk that wrongly deletes one cannot hide the next leak.
  const everyH = await user("uh", "viewer", { hosts: "*" });
  const everyL = await user("ul", "viewer", { hosts: "*" });
  const teamB = await user("bl", "viewer", { hosts: ["local"], labelSelector: `team=${TEAM_B}` });
  const token = async (name: string, scope: object) =>
    (
      await admin.send<{ item: { id: number } }>("POST", "/api/v1/tokens", {
        name: `${P}-${name}`,
        role: "viewer",
        ...scope,
      })
    ).body.item.id;
  const tokenH = await token("th", { hosts: "*" });
  const tokenL = await token("tl", { hosts: "*" });
  const tokenB = await token("tb", { hosts: ["local"], labelSelector: `team=${TEAM_B}` });
  const registry = async (name: string) =>
    (
      await admin.send<{ id: number }>("POST", "/api/v1/registries", {
        name: `${P}-${name}`,
        url: REGISTRY_URL,
      })
    ).body.id;
  sharedRegistry = await registry("reg");
  const registryH = await registry("rh");
  const registryL = await registry("rl");
  const sessions = (await admin.get<{ items: { id: string; userId: number }[] }>("/api/v1/sessions")).body
    .items;
  const sessionOf = (u: { id: number }) => sessions.find((s) => s.userId === u.id)?.id ?? "";

  teamAContainer = `${P}-ac`;
  await runFixture("local", teamAContainer, "local/idle:1", ["--label", `team=${TEAM_A}`]);
  // Team B's image is used by team B's container only; team B brought it in, through a job of its own.
  const jobB = await build(teamBOps, "local", `${P}-bimg:1`, `${P}-jobb`);
  const teamBRun = ["run", "-d", "--network", "none", "--name", `${P}-bc`, "--label", `team=${TEAM_B}`];
  await docker("local", ...teamBRun, `${P}-bimg:1`, "sleep", "100000");
  const jobE = await build(admin, "edge", `${P}-eimg:1`, `${P}-jobe`);
  await build(labelScoped, "local", `${P}-aimg:1`);
  await runFixture("edge", `${P}-edge-c`, "local/idle:1", ["--label", `team=${TEAM_A}`]);
  await docker("local", "volume", "create", "--label", `team=${TEAM_B}`, `${P}-bvol`);
  await docker("edge", "volume", "create", "--label", `team=${TEAM_A}`, `${P}-evol`);
  await docker("local", "network", "create", "--internal", "--label", `team=${TEAM_B}`, `${P}-bnet`);
  await docker("edge", "network", "create", "--internal", "--label", `team=${TEAM_A}`, `${P}-enet`);
  // Compose projects made elsewhere: team B's on local, team A's on edge.
  const project = (name: string, team: string) => [
    "run",
    "-d",
    "--network",
    "none",
    "--name",
    `${name}-web-1`,
    "--label",
    `team=${team}`,
    "--label",
    `com.docker.compose.project=${name}`,
    "--label",
    "com.docker.compose.service=web",
    "--label",
    "com.docker.compose.container-number=1",
    "--label",
    "com.docker.compose.oneoff=False",
    "local/idle:1",
  ];
  await docker("local", ...project(`${P}-bstk`, TEAM_B));
  await docker("edge", ...project(`${P}-estk`, TEAM_A));
  const anet = await labelScoped.send("POST", "/api/v1/hosts/local/networks", {
    Name: `${P}-anet`,
    Internal: true,
  });
  if (anet.status !== 201) throw new Error(`team A network: ${anet.status} ${JSON.stringify(anet.body)}`);

  // A rule for any non-zero exit, and a container of each team dying: alerts about other teams.
  await admin.send("POST", "/api/v1/alerts/rules", { name: `${P}-exits`, kind: "exit" });
  const die = (engine: "local" | "edge", name: string, team: string) =>
    docker(
      engine,
      "run",
      "-d",
      "--network",
      "none",
      "--name",
      name,
      "--label",
      `team=${team}`,
      "--entrypoint",
      "/bin/sh",
      "local/idle:1",
      "-c",
      "exit 1",
    );
  await die("local", `${P}-bdie`, TEAM_B);
  await die("edge", `${P}-edie`, TEAM_A);
  const alertOf = (name: string) =>
    waitFor(
      async () =>
        (
          await admin.get<{ items: { id: number; containerName?: string }[] }>("/api/v1/alerts")
        ).body.items.find((a) => a.containerName === name),
      20_000,
      `the alert about ${name}`,
    ).then((a) => String(a.id));
  const alertB = await alertOf(`${P}-bdie`);
  const alertE = await alertOf(`${P}-edie`);
  const silence = async (hostId: string, subject: string) =>
    String(
      (
        await admin.send<{ id: number }>("POST", "/api/v1/alerts/silences", {
          hostId,
          subject,
          endsAt: Date.now() + 3600_000,
        })
      ).body.id,
    );
  const silenceB = await silence("local", `${P}-bdie`);
  const silenceE = await silence("edge", `${P}-edie`);

  const B = await inspectId("local", "container", `${P}-bc`);
  const E = await inspectId("edge", "container", `${P}-edge-c`);
  const bnet = await inspectId("local", "network", `${P}-bnet`);
  const enet = await inspectId("edge", "network", `${P}-enet`);
  const bimg = await inspectId("local", "image", `${P}-bimg:1`);
  const eimg = await inspectId("edge", "image", `${P}-eimg:1`);

  execOwner = await connectSocket(srv.base, admin.cookie);
  const exec = await ack(execOwner, "exec:start", {
    hostId: "local",
    containerId: `${P}-bc`,
    cmd: ["sh"],
    cols: 80,
    rows: 24,
  });
  if (!exec.ok) throw new Error(`admin exec: ${JSON.stringify(exec)}`);
  const execSession = (exec.data as { sessionId: string }).sessionId;

  const missing: Targets = {
    host: "nohost",
    objHost: "local",
    container: [GHOST, ZEROS, ZEROS.slice(0, 12)],
    volume: `${GHOST}-vol`,
    network: [`${GHOST}-net`, ZEROS, ZEROS.slice(0, 12)],
    image: [`${GHOST}:1`, `sha256:${ZEROS}`, ZEROS.slice(0, 12)],
    user: ["999999"],
    token: ["999999"],
    session: [ZEROS],
    registry: "999999",
    globalHost: "nohost",
    job: [`${P}-nojob`],
    execSession: NO_EXEC,
    stack: `${P}-nostk`,
    alert: ["999999"],
    silence: ["999999"],
  };
  const onEdge: Targets = {
    host: "edge",
    objHost: "edge",
    container: [`${P}-edge-c`, E, E.slice(0, 12)],
    volume: `${P}-evol`,
    network: [`${P}-enet`, enet, enet.slice(0, 12)],
    image: [`${P}-eimg:1`, eimg, eimg.slice(7, 19)],
    user: [String(everyH.id)],
    token: [String(tokenH)],
    session: [sessionOf(everyH)],
    registry: String(registryH),
    globalHost: "local",
    job: [jobE.jobId],
    execSession,
    stack: `${P}-estk`,
    alert: [alertE],
    silence: [silenceE],
  };
  const edgeFragments = [
    `${P}-edge-c`,
    `${P}-edie`,
    `${P}-estk`,
    E,
    `${P}-evol`,
    `${P}-enet`,
    enet,
    `${P}-eimg`,
    eimg,
    ...["edge", "secure"].flatMap((h) => [`"hostId":"${h}"`, `"id":"${h}"`]),
  ];
  const name = (s: string) => `${P}-${s}`;
  walkers.unscoped = {
    who: "unscoped",
    client: admin,
    out: { ...missing, execSession },
    ghost: missing,
    scoped: false,
    labelScoped: false,
    forbidden: [GHOST],
    foreignUsers: [],
    foreignTokens: [],
    foreignSessions: [],
    foreignJobs: [],
    hosts: "*",
    bulkTargets: [
      { hostId: "nohost", id: `${P}-bc` },
      { hostId: "local", id: GHOST },
    ],
    pullHosts: ["nohost"],
    grants: [],
  };
  walkers["host-scoped"] = {
    who: "host-scoped",
    client: hostScoped,
    out: onEdge,
    ghost: {
      ...onEdge,
      host: "nohost",
      objHost: "nohost",
      user: ["999999"],
      token: ["999999"],
      session: [ZEROS],
      job: [`${P}-nojob`],
      execSession: NO_EXEC,
      alert: ["999999"],
      silence: ["999999"],
    },
    scoped: true,
    labelScoped: false,
    forbidden: edgeFragments,
    foreignUsers: ["admin", name("uh"), name("ul")],
    foreignTokens: [name("th"), name("tl")],
    foreignSessions: [sessionOf(everyH), sessionOf(everyL)],
    foreignJobs: [jobE.jobId],
    hosts: ["local"],
    bulkTargets: [
      { hostId: "edge", id: `${P}-edge-c` },
      { hostId: "edge", id: E },
      { hostId: "secure", id: GHOST },
    ],
    pullHosts: ["edge", "secure"],
    grants: [{ hosts: ["edge"] }, { hosts: "*" }],
  };
  walkers["label-scoped"] = {
    who: "label-scoped",
    client: labelScoped,
    out: {
      host: "edge",
      objHost: "local",
      container: [`${P}-bc`, B, B.slice(0, 12)],
      volume: `${P}-bvol`,
      network: [`${P}-bnet`, bnet, bnet.slice(0, 12)],
      image: [`${P}-bimg:1`, bimg, bimg.slice(7, 19)],
      user: [String(teamB.id), String(everyL.id)],
      token: [String(tokenB), String(tokenL)],
      session: [sessionOf(teamB), sessionOf(everyL)],
      registry: String(registryL),
      globalHost: "local",
      job: [jobB.jobId, jobE.jobId],
      execSession,
      stack: `${P}-bstk`,
      alert: [alertB, alertE],
      silence: [silenceB, silenceE],
    },
    ghost: missing,
    scoped: true,
    labelScoped: true,
    forbidden: [
      ...edgeFragments,
      `${P}-bstk`,
      `${P}-bc`,
      `${P}-bdie`,
      B,
      `${P}-bvol`,
      `${P}-bnet`,
      bnet,
      `${P}-bimg`,
      bimg,
    ],
    foreignUsers: ["admin", name("uh"), name("ul"), name("host"), name("bops"), name("bl")],
    foreignTokens: [name("th"), name("tl"), name("tb")],
    foreignSessions: [
      sessionOf(everyH),
      sessionOf(everyL),
      sessionOf(teamB),
      sessionOf(teamBOps),
      sessionOf(hostScoped),
    ],
    foreignJobs: [jobB.jobId, jobE.jobId],
    hosts: ["local"],
    bulkTargets: [
      { hostId: "local", id: `${P}-bc` },
      { hostId: "local", id: B },
      { hostId: "local", id: B.slice(0, 12) },
      { hostId: "edge", id: `${P}-edge-c` },
    ],
    pullHosts: ["edge", "secure"],
    grants: [
      { hosts: ["local"], labelSelector: `team=${TEAM_B}` },
      { hosts: ["local"], labelSelector: "team" },
      { hosts: "*", labelSelector: `team=${TEAM_A}` },
    ],
  };
  snapshotBefore = await snapshot();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  execOwner?.close();
  await removeByPrefix(P);
  for (const e of ENGINE_IDS) {
    const refs = await docker(e, "images", "-q", "--filter", `reference=${P}*`).catch(() => "");
    const ids = [...new Set([...refs.split("\n"), ...imageIds].filter(Boolean))];
    if (ids.length) await docker(e, "rmi", "-f", ...ids).catch(() => "");
    for (const kind of ["volume", "network"]) {
      const names = await docker(e, kind, "ls", "-q", "--filter", `name=${P}`).catch(() => "");
      if (names) await docker(e, kind, "rm", ...names.split("\n")).catch(() => "");
    }
  }
  await srv?.stop();
});

/** A list answer: 200, and nothing outside the caller's scope in it. */
function checkList(w: Walker, what: string, r: Res, found: string[]): void {
  if (r.status !== 200) {
    found.push(`${w.who}: GET ${what} -> ${r.status} ${r.text.slice(0, 200)}`);
    return;
  }
  for (const f of w.forbidden)
    if (r.text.includes(f)) found.push(`${w.who}: GET ${what} shows ${f} (outside its scope)`);
}

async function principalsList(w: Walker, r: RouteDef, found: string[]): Promise<void> {
  const c = w.client;
  const bad = (what: string) => found.push(`${w.who}: GET ${r.path} shows ${what} (outside its scope)`);
  const res = await call(c, "GET", r.path === "/api/v1/audit" ? "/api/v1/audit?limit=10000" : r.path);
  if (res.status !== 200) {
    found.push(show(w.who, "GET", r.path, undefined, res));
    return;
  }
  const items = json<{ items: Record<string, unknown>[] }>(res).items;
  if (r.path === "/api/v1/users") {
    for (const u of items)
      if (w.foreignUsers.includes(u.username as string)) bad(`user ${String(u.username)}`);
    if (!items.some((u) => u.username === (w.scoped ? `${P}-${w.labelScoped ? "label" : "host"}` : "admin")))
      found.push(`${w.who}: GET /api/v1/users leaves out the caller itself`);
  } else if (r.path === "/api/v1/tokens") {
    for (const t of items) if (w.foreignTokens.includes(t.name as string)) bad(`token ${String(t.name)}`);
  } else if (r.path === "/api/v1/sessions") {
    for (const s of items)
      if (w.foreignSessions.includes(s.id as string) || w.foreignUsers.includes(s.username as string))
        bad(`a session of ${String(s.username)}`);
  } else if (r.path === "/api/v1/audit") {
    const foreign = new Set([...w.foreignUsers, ...w.foreignTokens.map((t) => `token:${t}`)]);
    const shown = new Set<string>();
    for (const e of items) {
      if (foreign.has(e.user as string)) shown.add(`entries by ${String(e.user)}`);
      const host = e.hostId as string | undefined;
      if (host && w.hosts !== "*" && !w.hosts.includes(host)) shown.add(`entries on host ${host}`);
    }
    for (const what of shown) bad(what);
    // Asked for by name, another team's entries are still not there.
    for (const u of w.foreignUsers) {
      const named = await call(c, "GET", `/api/v1/audit?user=${encodeURIComponent(u)}`);
      tally.variants++;
      if (named.status !== 200 || json<{ items: unknown[] }>(named).items.length)
        found.push(show(w.who, "GET", `/api/v1/audit?user=${u}`, undefined, named));
    }
  } else throw new Error(`the walk has no list check for ${r.path}`);
  tally.lists++;
}

/** One refused call, and for a scoped caller its twin on a missing target, which must answer alike. */
async function refused(
  w: Walker,
  r: RouteDef,
  want: 403 | 404,
  i: number,
  found: string[],
  host?: string,
): Promise<void> {
  const { path, values } = fill(r, w.out, i, host);
  const body = bodyOf(r);
  const res = await call(w.client, r.method, path, body);
  if (res.status !== want) {
    found.push(show(w.who, r.method, path, body, res));
    return;
  }
  if (want !== 404 || !w.scoped) return;
  const twin = fill(r, w.ghost, i, host === undefined ? undefined : w.ghost.host);
  const ghost = await call(w.client, r.method, twin.path, body);
  if (!sameAnswer(res, ghost, [...values, ...twin.values]))
    found.push(
      `${w.who}: ${r.method} ${path} answers unlike a missing target: ${res.status} ${res.text} vs ${twin.path} ${ghost.status} ${ghost.text}`,
    );
}

async function fleetCase(w: Walker, r: RouteDef, found: string[]): Promise<void> {
  if (r.path.includes(":jobId")) {
    // One job by id: a job out of scope answers exactly like one that does not exist.
    for (const i of w.out.job.keys()) {
      const out = fill(r, w.out, i);
      const ghost = fill(r, w.ghost, i);
      const [a, b] = [await call(w.client, "GET", out.path), await call(w.client, "GET", ghost.path)];
      if (a.status !== 404 || !sameAnswer(a, b, [...out.values, ...ghost.values]))
        found.push(show(w.who, "GET", out.path, undefined, a));
      if (i > 0) tally.variants++;
    }
    tally.r404++;
    return;
  }
  if (r.method === "GET") {
    checkList(w, r.path, await call(w.client, "GET", r.path), found);
    tally.lists++;
    return;
  }
  if (r.path.includes("/:id")) {
    // One alert or silence by id: another team's answers exactly like one that does not exist.
    const ids = idList(r, w.out);
    for (const i of ids.keys()) {
      const out = fill(r, w.out, i);
      const ghost = fill(r, w.ghost, i);
      const [a, b] = [
        await call(w.client, r.method, out.path, {}),
        await call(w.client, r.method, ghost.path, {}),
      ];
      if (a.status !== 404 || !sameAnswer(a, b, [...out.values, ...ghost.values]))
        found.push(show(w.who, r.method, out.path, undefined, a));
      if (i > 0) tally.variants++;
    }
    tally.r404++;
    return;
  }
  if (key(r) === "POST /api/v1/alerts/silences") {
    // A silence of another team's container (or on another host): refused as if it did not exist.
    if (!w.scoped) {
      tally.na++;
      return;
    }
    const endsAt = Date.now() + 60_000;
    const [host, subject] = w.labelScoped ? ["local", `${P}-bdie`] : ["edge", `${P}-edie`];
    const a = await call(w.client, "POST", r.path, { hostId: host, subject, endsAt });
    const b = await call(w.client, "POST", r.path, {
      hostId: w.labelScoped ? host : w.ghost.host,
      subject: GHOST,
      endsAt,
    });
    if (a.status !== 404 || !sameAnswer(a, b, [host, subject, w.ghost.host, GHOST]))
      found.push(show(w.who, "POST", r.path, { hostId: host, subject }, a));
    tally.r404++;
    return;
  }
  const body =
    key(r) === "POST /api/v1/containers/bulk"
      ? { action: "restart", targets: w.bulkTargets }
      : key(r) === "POST /api/v1/images/pull"
        ? { image: PULL_REF, hosts: w.pullHosts }
        : undefined;
  if (!body) throw new Error(`the walk has no out-of-scope body for the fleet route ${key(r)}`);
  const res = await call(w.client, r.method, r.path, body);
  const items =
    res.status === 200 ? json<{ items: { ok: boolean; error?: { code: string } }[] }>(res).items : [];
  const expected = "targets" in body ? w.bulkTargets.length : w.pullHosts.length;
  if (items.length !== expected || items.some((x) => x.ok || x.error?.code !== "NOT_FOUND"))
    found.push(show(w.who, r.method, r.path, body, res));
  tally.r404++;
}

async function grantCase(w: Walker, r: RouteDef, found: string[]): Promise<void> {
  for (const [n, grant] of w.grants.entries()) {
    const body =
      r.path === "/api/v1/users"
        ? { username: `${P}-g${w.who[0]}${n}`, password: "pw-scope-walk-123", role: "viewer", ...grant }
        : { name: `${P}-g${w.who[0]}${n}`, role: "viewer", ...grant };
    const res = await call(w.client, "POST", r.path, body);
    if (res.status !== 403) found.push(show(w.who, "POST", r.path, body, res));
    if (n > 0) tally.variants++;
  }
  tally.r403++;
}

/** GETs first, deletions last, so a wrongly allowed deletion cannot hide what the reads would show. */
const order = (r: RouteDef) => (r.method === "GET" ? 0 : r.method === "DELETE" ? 2 : 1);

describe("every route in the server's table, for three admins", () => {
  it.each(WHO)("answers the %s admin 404 (or 403) for every target outside its scope", async (who) => {
    const w = walkers[who];
    const found: string[] = [];
    const routes = [...srv.wharf.routes].sort((a, b) => order(a) - order(b));
    for (const r of routes) {
      if (r.scope === "public" || r.scope === "self" || (r.scope === "global" && r.method === "GET")) {
        tally.na++;
        continue;
      }
      if (r.scope === "fleet") {
        await fleetCase(w, r, found);
        continue;
      }
      if (r.scope === "principals" && r.method === "GET") {
        await principalsList(w, r, found);
        continue;
      }
      const creates = r.method === "POST" && !r.path.includes(":");
      if (creates && (r.scope === "principals" || r.scope === "global")) {
        // Nothing is outside an unscoped admin's scope to create.
        if (!w.scoped) tally.na++;
        else if (r.scope === "principals") await grantCase(w, r, found);
        else {
          await refused(w, r, 403, 0, found);
          tally.r403++;
        }
        continue;
      }
      if (r.scope === "global") {
        await refused(w, r, w.scoped ? 403 : 404, 0, found);
        tally[w.scoped ? "r403" : "r404"]++;
        continue;
      }
      if (r.scope === "whole-host" && w.labelScoped) {
        await refused(w, r, 403, 0, found, "local");
        await refused(w, r, 404, 0, found, w.out.host);
        tally.r403++;
        tally.variants++;
        continue;
      }
      const n = variantsOf(r, w.out);
      for (let i = 0; i < n; i++) await refused(w, r, 404, i, found);
      tally.r404++;
      tally.variants += n - 1;
    }
    if (w.labelScoped) {
      // The caller's own host: its lists leave out what another team owns there.
      for (const what of ["containers", "images", "volumes", "networks", "quotas", "events"]) {
        const path = `/api/v1/hosts/local/${what}`;
        checkList(w, path, await call(w.client, "GET", path), found);
        tally.hostLists++;
      }
    }
    expect(found, found.join("\n")).toEqual([]);
  });
});

describe("every socket command, for three admins", () => {
  it("mirrors the server's command table", () => {
    expect([...srv.wharf.socketCommands].sort()).toEqual(Object.keys(COMMAND_SCOPES).sort());
  });

  it.each(WHO)("answers the %s admin NOT_FOUND for every target outside its scope", async (who) => {
    const w = walkers[who];
    const found: string[] = [];
    const s = await connectSocket(srv.base, w.client.cookie);
    sockets.push(s);
    for (const cmd of srv.wharf.socketCommands as ClientCommand[]) {
      const scope = COMMAND_SCOPES[cmd];
      if (scope === "self") {
        const res = await ack(s, cmd, PAYLOADS[cmd](w.out, 0));
        if (!res.ok) found.push(show(w.who, cmd, "", PAYLOADS[cmd](w.out, 0), res));
        tally.selfCmd++;
        continue;
      }
      const n = scope === "container" ? w.out.container.length : scope === "job" ? w.out.job.length : 1;
      for (let i = 0; i < n; i++) {
        const payload = PAYLOADS[cmd](w.out, i);
        const res = await ack(s, cmd, payload);
        if (res.ok || res.error.code !== "NOT_FOUND") {
          found.push(show(w.who, cmd, "", payload, res));
          if (res.ok && cmd === "exec:start")
            await ack(s, "exec:close", { sessionId: (res.data as { sessionId: string }).sessionId });
          continue;
        }
        const ghostPayload = PAYLOADS[cmd](w.ghost, i);
        const ghost = await ack(s, cmd, ghostPayload);
        const values = [...Object.values(payload), ...Object.values(ghostPayload)].filter(
          (v): v is string => typeof v === "string" && v.length > 2,
        );
        if (norm(JSON.stringify(res), values) !== norm(JSON.stringify(ghost), values))
          found.push(
            `${w.who}: ${cmd} answers unlike a missing target: ${JSON.stringify(res)} vs ${JSON.stringify(ghost)}`,
          );
      }
      tally.cmd++;
      tally.variants += n - 1;
    }
    // The jobs it may watch leave out other teams' and other hosts' jobs.
    const watched = await ack(s, "jobs:watch", {});
    const jobs = watched.ok ? (watched.data as { jobs: { jobId: string }[] }).jobs : [];
    if (!watched.ok) found.push(show(w.who, "jobs:watch", "", {}, watched));
    for (const j of jobs)
      if (w.foreignJobs.includes(j.jobId)) found.push(`${w.who}: jobs:watch shows job ${j.jobId}`);
    await ack(s, "jobs:unwatch", {});
    tally.variants++;
    expect(found, found.join("\n")).toEqual([]);
  });

  it("leaves the admin's own terminal session working after the others tried it", async () => {
    const owner = execOwner as TestSocket;
    const sessionId = walkers.unscoped.out.execSession;
    let output = "";
    owner.on("exec:output", (e) => {
      if (e.sessionId === sessionId) output += e.data;
    });
    const res = await ack(owner, "exec:input", { sessionId, data: `echo walk-$((6*7))\n` });
    expect(res).toEqual({ ok: true, data: null });
    await waitFor(() => output.includes("walk-42") || undefined, 5000, "the admin's shell to answer");
    expect(output).not.toContain("hijacked");
    expect(await ack(owner, "exec:close", { sessionId })).toEqual({ ok: true, data: null });
  });
});

/** One place a create body names another object, with its path in the body. */
interface RefField {
  field: string;
  /** The body's HostConfig or config, naming `ref` there. */
  set: (ref: string) => { hostConfig?: Record<string, unknown>; top?: Record<string, unknown> };
}
const JOIN_MODES = ["PidMode", "IpcMode", "NetworkMode", "UTSMode", "UsernsMode", "Cgroup", "CgroupnsMode"];
const CONTAINER_FIELDS: RefField[] = [
  ...JOIN_MODES.map((k) => ({
    field: `config.HostConfig.${k}`,
    set: (ref: string) => ({ hostConfig: { [k]: `container:${ref}` } }),
  })),
  {
    field: "config.HostConfig.VolumesFrom[0]",
    set: (ref) => ({ hostConfig: { VolumesFrom: [`${ref}:ro`] } }),
  },
  { field: "config.HostConfig.Links[0]", set: (ref) => ({ hostConfig: { Links: [`${ref}:alias`] } }) },
];
/** The engine reads keys in any case (and folds ſ to s), and HostConfig fields at the config's top. */
const SPELLINGS: RefField[] = [
  { field: "config.HostConfig.pidmode", set: (ref) => ({ hostConfig: { pidmode: `container:${ref}` } }) },
  { field: "config.HostConfig.Linkſ[0]", set: (ref) => ({ hostConfig: { Linkſ: [`${ref}:alias`] } }) },
  { field: "config.PidMode", set: (ref) => ({ top: { PidMode: `container:${ref}` } }) },
];
const NETWORK_FIELDS: RefField[] = [
  {
    field: "config.HostConfig.NetworkMode",
    set: (ref) => ({ hostConfig: { NetworkMode: ref } }),
  },
  {
    field: "config.NetworkingConfig.EndpointsConfig",
    set: (ref) => ({ top: { NetworkingConfig: { EndpointsConfig: { [ref]: {} } } } }),
  },
];
/** A volume that does not exist yet is created at create, so these have no missing twin to compare with. */
const VOLUME_FIELDS: RefField[] = [
  {
    field: "config.HostConfig.Binds[0]",
    set: (ref) => ({ hostConfig: { Binds: [`${ref}:/data`] } }),
  },
  {
    field: "config.HostConfig.Mounts[0]",
    set: (ref) => ({ hostConfig: { Mounts: [{ Type: "volume", Source: ref, Target: "/data" }] } }),
  },
];

let xn = 0;
/** A create body naming `ref` in one field; the same container name for a ref and its missing twin. */
function createNaming(f: RefField): (ref: string) => unknown {
  const name = `${P}-x${xn++}`;
  return (ref) => {
    const { hostConfig = {}, top = {} } = f.set(ref);
    return { name, config: { ...CREATE_CONFIG, ...top, HostConfig: { NetworkMode: "none", ...hostConfig } } };
  };
}

describe("cross-references in request bodies", () => {
  /** Refused with 404 naming the field, and answered byte for byte like a missing `ghostRef`. */
  async function refCase(
    w: Walker,
    path: string,
    body: (ref: string) => unknown,
    ref: string,
    ghostRef: string | undefined,
    field: string | undefined,
    found: string[],
  ): Promise<void> {
    const res = await call(w.client, "POST", path, body(ref));
    const message = res.status === 404 ? json<{ error: { message: string } }>(res).error.message : "";
    if (
      res.status !== 404 ||
      (field && !(message.includes(field) && message.includes("is not in your scope")))
    ) {
      found.push(show(w.who, "POST", path, body(ref), res));
      return;
    }
    tally.xref++;
    if (ghostRef === undefined || ghostRef === ref) return;
    const ghost = await call(w.client, "POST", path, body(ghostRef));
    if (!sameAnswer(res, ghost, [ref, ghostRef]))
      found.push(
        `${w.who}: POST ${path} naming ${ref} answers unlike a missing one: ${res.text} vs ${ghost.text}`,
      );
  }

  it("refuses every field that names another team's container, by name, id and id prefix", async () => {
    const w = walkers["label-scoped"];
    const found: string[] = [];
    const create = "/api/v1/hosts/local/containers";
    const [byName] = w.out.container as [string];
    for (const f of CONTAINER_FIELDS)
      for (const [i, ref] of w.out.container.entries())
        await refCase(w, create, createNaming(f), ref, at(w.ghost.container, i), f.field, found);
    for (const f of SPELLINGS) await refCase(w, create, createNaming(f), byName, GHOST, f.field, found);
    // A HostConfig key spelt in another case is refused outright, for every reference alike.
    const lower = (ref: string) => ({
      name: `${P}-x${xn}`,
      config: {
        ...CREATE_CONFIG,
        HostConfig: undefined,
        hostconfig: { NetworkMode: "none", PidMode: `container:${ref}` },
      },
    });
    xn++;
    const [spelt, speltGhost] = [
      await call(w.client, "POST", create, lower(byName)),
      await call(w.client, "POST", create, lower(GHOST)),
    ];
    if (![400, 404].includes(spelt.status) || !sameAnswer(spelt, speltGhost, [byName, GHOST]))
      found.push(
        `${show(w.who, "POST", create, lower(byName), spelt)} vs missing: ${speltGhost.status} ${speltGhost.text}`,
      );
    tally.xref++;

    const recreate = `/api/v1/hosts/local/containers/${teamAContainer}/recreate`;
    const pid = (ref: string) => ({
      config: { ...CREATE_CONFIG, HostConfig: { NetworkMode: "none", PidMode: `container:${ref}` } },
    });
    for (const [i, ref] of w.out.container.entries())
      await refCase(w, recreate, pid, ref, at(w.ghost.container, i), "config.HostConfig.PidMode", found);
    for (const action of ["connect", "disconnect"]) {
      const path = `/api/v1/hosts/local/networks/${P}-anet/${action}`;
      for (const [i, ref] of w.out.container.entries())
        await refCase(w, path, (r) => ({ container: r }), ref, at(w.ghost.container, i), undefined, found);
    }
    // "Export as compose" names its containers in a list.
    const exported = "/api/v1/hosts/local/containers/compose";
    for (const [i, ref] of w.out.container.entries())
      await refCase(
        w,
        exported,
        (r) => ({ containers: [r] }),
        ref,
        at(w.ghost.container, i),
        undefined,
        found,
      );
    expect(found, found.join("\n")).toEqual([]);
  });

  it("refuses another team's network and volume named in a create body", async () => {
    const w = walkers["label-scoped"];
    const found: string[] = [];
    const create = "/api/v1/hosts/local/containers";
    for (const f of NETWORK_FIELDS)
      for (const [i, ref] of w.out.network.entries())
        await refCase(w, create, createNaming(f), ref, at(w.ghost.network, i), f.field, found);
    for (const f of VOLUME_FIELDS)
      await refCase(w, create, createNaming(f), w.out.volume, undefined, f.field, found);
    expect(found, found.join("\n")).toEqual([]);
  });

  it("answers a missing container in any field alike for the unscoped and host-scoped admins", async () => {
    const found: string[] = [];
    for (const w of [walkers.unscoped, walkers["host-scoped"]])
      for (const f of CONTAINER_FIELDS)
        await refCase(w, "/api/v1/hosts/local/containers", createNaming(f), GHOST, undefined, f.field, found);
    expect(found, found.join("\n")).toEqual([]);
  });

  it("refuses another team's image named in a body, and never moves its tag", async () => {
    const w = walkers["label-scoped"];
    const found: string[] = [];
    const [bimg, bimgId] = w.out.image as [string, string];
    const ghostImg = `${GHOST}:1`;
    const fromImage = (img: string) => ({ name: `${P}-ximg`, config: { ...CREATE_CONFIG, Image: img } });
    for (const [i, ref] of w.out.image.entries())
      await refCase(
        w,
        "/api/v1/hosts/local/containers",
        fromImage,
        ref,
        at(w.ghost.image, i),
        undefined,
        found,
      );
    const push = (img: string) => ({ image: img, registryId: sharedRegistry });
    await refCase(w, "/api/v1/hosts/local/images/push", push, bimg, ghostImg, undefined, found);
    // Its own image, or a build, tagged with another team's name would move that team's tag.
    const tagPath = `/api/v1/hosts/local/images/${encodeURIComponent(`${P}-aimg:1`)}/tag`;
    const tagBody = { repo: `${P}-bimg`, tag: "1" };
    const build = { dockerfile: `FROM local/busybox:1.35\nLABEL run=${P} image=probe\n`, tags: [bimg] };
    for (const [path, body] of [
      [tagPath, tagBody],
      ["/api/v1/hosts/local/images/build", build],
    ] as const) {
      const res = await call(w.client, "POST", path, body);
      if (res.status < 400 || res.status >= 500) found.push(show(w.who, "POST", path, body, res));
      tally.xref++;
    }
    const now = await docker("local", "image", "inspect", "-f", "{{.Id}}", bimg);
    if (now !== bimgId) found.push(`${bimg} moved from team B's image ${bimgId} to ${now}`);
    expect(found, found.join("\n")).toEqual([]);
  });
});

describe("afterwards", () => {
  it("shows every engine unchanged through the docker CLI, and sums up the walk", async () => {
    const after = await snapshot();
    const gone = snapshotBefore.filter((l) => !after.includes(l));
    const added = after.filter((l) => !snapshotBefore.includes(l));
    const routes = srv.wharf.routes;
    const n = tally.r404 + tally.r403 + tally.lists;
    console.info(
      `scope walk: ${n} route×principal cases (404: ${tally.r404}, 403: ${tally.r403}, lists: ${tally.lists}; ` +
        `${tally.na} not applicable: public, self, global reads, unscoped creates), ` +
        `${tally.cmd} command×principal cases (+${tally.selfCmd} self commands answered ok), ` +
        `${tally.xref} cross-reference cases, ${tally.variants} id/prefix/list variants, ` +
        `${tally.hostLists} in-host list checks, engines ${gone.length + added.length ? "CHANGED" : "unchanged"}`,
    );
    expect({ gone, added }).toEqual({ gone: [], added: [] });

    const walked = routes.filter((r) => r.scope !== "public" && r.scope !== "self").length;
    const globalGets = routes.filter((r) => r.scope === "global" && r.method === "GET").length;
    // POST /hosts, /registries, /users, /tokens and the alert rules and targets create; nothing is outside an unscoped admin's scope there.
    // So is a silence, which the walk makes only for scoped admins.
    const creates = routes.filter(
      (r) =>
        (["global", "principals"].includes(r.scope) && r.method === "POST" && !r.path.includes(":")) ||
        key(r) === "POST /api/v1/alerts/silences",
    ).length;
    expect(n + tally.na).toBe(routes.length * WHO.length);
    expect(n).toBeGreaterThanOrEqual((walked - globalGets) * WHO.length - creates);
    expect(tally.cmd + tally.selfCmd).toBe(srv.wharf.socketCommands.length * WHO.length);
  });
});
