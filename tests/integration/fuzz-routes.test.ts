import { spawn } from "node:child_process";
import { Transform } from "node:stream";
import fc from "fast-check";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import type { z } from "zod";
import { createRequestSchema, recreateRequestSchema } from "../../lib/container-spec/create-schema";
import {
  buildJsonSchema,
  multiPullRequestSchema,
  pruneRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  tagRequestSchema,
} from "../../lib/images/schemas";
import {
  networkConnectSchema,
  networkCreateSchema,
  networkDisconnectSchema,
  networkPruneSchema,
} from "../../lib/networks";
import {
  bulkActionSchema,
  hostCreateSchema,
  registryCreateSchema,
  registryUpdateSchema,
  resourcesSchema,
} from "../../lib/schemas";
import { systemPruneSchema } from "../../lib/system";
import { BULK_ACTIONS, type AuditEntry } from "../../lib/types";
import { volumeCreateSchema, volumePruneSchema } from "../../lib/volumes";
import type { RouteDef } from "../../server/api/router";
import {
  ENGINE_IDS,
  RUN_ID,
  connectSocket,
  docker,
  engineSocket,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  type TestServer,
  type TestSocket,
} from "./harness";

const SEED = 20261124;
const TOTAL = 10_000;
/** Of every 25 inputs, this many are socket commands. */
const SOCKET_PER_25 = 4;
const CONCURRENCY = 12;
const P = `${RUN_ID}-fz`;
const LABEL = `team=fz-${RUN_ID}`;
/** No object has this prefix, and `z` is not hex, so it cannot be an id prefix either. */
const GHOST = `zz${RUN_ID}`;
const REAL_HOSTS = new Set<string>(ENGINE_IDS);

const nastyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary-ascii", maxLength: 12 }),
  fc.constantFrom(
    ...["", " ", ".", "..", "*", "-", "%00", "\u0000", "a/b", "../../etc/passwd", "LOCAL", "local "],
    ...["null", "__proto__", "constructor", "0", "-1", "1e99", "0x10", "ﬀ", "é", "😀", "\u202e"],
    ...["x".repeat(5000), "9".repeat(400), `sha256:${"a".repeat(64)}`, "sha256:zz", "a:b@c"],
  ),
  fc.integer().map(String),
  fc.stringMatching(/^(sha256:)?[0-9a-f]{4,64}$/),
);
/** Sent as they are, so the router and the URL parser see them undecoded. */
const RAW_SEGMENTS = ["..", ".", "%", "%zz", "%2e%2e", "%2F", "a%2Fb", "?x=1", "#f", ";", "%E0%A4%A", "a/b"];
const paramValue = fc.oneof(
  { weight: 6, arbitrary: fc.nat(1000).map((i) => ({ k: "real" as const, i })) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{1,10}$/).map((s) => ({ k: "ghost" as const, s })) },
  { weight: 3, arbitrary: nastyString.map((s) => ({ k: "enc" as const, s })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((s) => ({ k: "raw" as const, s })) },
);
type ParamValue = { k: "real"; i: number } | { k: "ghost" | "enc" | "raw"; s: string };

const QUERY_KEYS = [
  ...["host", "force", "all", "since", "until", "limit", "format", "tail", "timestamps", "stream", "term"],
  ...["n", "last", "refresh", "updates", "dangling", "unused", "q", "sort", "dir", "state", "label"],
  ...["name", "volumes", "noprune", "images", "buildCache", "type", "tags", "dockerfile", "buildArgs"],
  ...["labels", "jobId", "user", "hostId", "action", "from", "to", "beforeId", "", "__proto__"],
];
const queryValue = fc.oneof(
  fc.constantFrom(
    ...["", "1", "0", "true", "false", "all", "csv", "json", "-1", "1e99", "NaN", "99999999999999"],
    ...["local", "edge", "secure", "local,edge", LABEL, "a=b=c", "running", "exited", "name", "asc"],
    ...["stdout", "stderr", "container", "1700000000", "2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z"],
    ...['{"A":"b"}', "{", "busybox", "x".repeat(3000)],
  ),
  fc.integer().map(String),
  fc.string({ maxLength: 20 }),
);
const queryArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant([] as [string, string][]) },
  { weight: 6, arbitrary: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom("a=%zz&&=&b", "%", "host=%00", "limit=1&limit=2", "=", "&&&") },
);

const BODY_KEYS = [
  ...["username", "password", "role", "hosts", "labelSelector", "disabled", "id", "name", "url", "tls"],
  ...["ssh", "ca", "cert", "key", "privateKey", "currentPassword", "newPassword", "action", "force"],
  ...["volumes", "targets", "hostId", "image", "registryId", "jobId", "repo", "tag", "all", "labels"],
  ...["dockerfile", "tags", "buildArgs", "filters", "label", "images", "buildCache", "Name", "Driver"],
  ...["DriverOpts", "Labels", "Internal", "Attachable", "EnableIPv6", "CheckDuplicate", "Options"],
  ...["IPAM", "Config", "Subnet", "Gateway", "container", "aliases", "ipv4Address", "ipv6Address"],
  ...["start", "config", "Image", "Cmd", "Env", "HostConfig", "Binds", "Privileged", "NetworkMode"],
  ...["cpuShares", "nanoCpus", "memory", "pidsLimit", "restartPolicy", "n", "last"],
  ...["__proto__", "constructor", "prototype"],
];
/** Addresses only on loopback: nothing here may name a private or public address. */
const URLS = [
  "unix:///nonexistent.sock",
  "tcp://127.0.0.1:1",
  "https://127.0.0.1:1",
  "ssh://@:0",
  "127.0.0.1:1",
];
const hostValue = fc.constantFrom("local", "edge", "secure", "zz-nohost", "LOCAL", "", "*");
const imageValue = fc.constantFrom("local/busybox:1.35", "busybox", "a:b:c", "UPPER", "x@sha256:1", GHOST);
const leaf = fc.oneof(
  nastyString,
  hostValue,
  imageValue,
  fc.constantFrom(...URLS, "-----BEGIN x", "@real-container"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
);
const anyValue = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...BODY_KEYS), leaf, { maxKeys: 4 }) },
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Near-valid bodies in the shapes the real schemas take, so valid paths are fuzzed too. */
const shaped = fc.oneof(
  fc.record({
    action: fc.oneof(fc.constantFrom(...BULK_ACTIONS), nastyString),
    targets: fc.array(fc.record({ hostId: hostValue, id: fc.constantFrom("@real-container", GHOST) })),
    force: opt(fc.boolean()),
  }),
  fc.record({ image: imageValue, hosts: fc.array(hostValue, { maxLength: 3 }) }),
  fc.record({ image: imageValue, registryId: opt(fc.integer()), jobId: opt(nastyString) }),
  fc.record({
    username: nastyString,
    password: fc.oneof(nastyString, fc.constant("long-enough-pw")),
    role: fc.constantFrom("viewer", "operator", "admin", "root"),
    hosts: opt(fc.oneof(fc.constant("*"), fc.array(hostValue, { maxLength: 3 }))),
    labelSelector: opt(fc.constantFrom(LABEL, "a b", "=")),
  }),
  fc.record({ name: nastyString, role: fc.constantFrom("viewer", "operator", "x") }),
  fc.record({
    Name: opt(nastyString),
    Driver: opt(nastyString),
    Labels: opt(fc.dictionary(nastyString, leaf)),
  }),
  fc.record({
    name: opt(nastyString),
    start: opt(fc.boolean()),
    config: fc.record({
      Image: imageValue,
      Cmd: opt(fc.array(nastyString, { maxLength: 3 })),
      HostConfig: opt(
        fc.record({ NetworkMode: fc.constantFrom("none", "host", "bridge"), Privileged: fc.boolean() }),
      ),
    }),
  }),
  fc.record({
    all: opt(fc.boolean()),
    filters: opt(fc.record({ label: fc.array(nastyString, { maxLength: 3 }) })),
  }),
  fc.record({ memory: opt(fc.integer()), cpuShares: opt(fc.integer()), pidsLimit: opt(fc.integer()) }),
  fc.record({ repo: imageValue, tag: opt(nastyString) }),
  fc.record({
    container: fc.constantFrom("@real-container", GHOST, ""),
    aliases: opt(fc.array(nastyString)),
  }),
  fc.record({ dockerfile: nastyString, tags: opt(fc.array(imageValue, { maxLength: 2 })) }),
  fc.record({ currentPassword: nastyString, newPassword: nastyString }),
  fc.record({ id: nastyString, url: fc.constantFrom(...URLS), name: opt(nastyString) }),
);
const objectBody = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...BODY_KEYS), anyValue, { maxKeys: 6 }) },
  { weight: 4, arbitrary: shaped },
);
const CONTENT_TYPES = [
  ...[null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
  ...["APPLICATION/JSON", "application/x-tar", "application/json-patch+json"],
];
const bodyArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ k: "none" as const }) },
  {
    weight: 9,
    arbitrary: fc
      .oneof(objectBody, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) })
      .map((v) => ({ k: "json" as const, v })),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(objectBody, fc.array(leaf)).map((v) => ({ k: "truncated" as const, v })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant("deep" as const), depth: fc.nat(20_000), obj: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant("type" as const),
      ct: fc.constantFrom(...CONTENT_TYPES),
      v: objectBody,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: "huge" as const }) },
);
type BodySpec =
  | { k: "none" | "huge" }
  | { k: "json" | "truncated"; v: unknown }
  | { k: "deep"; depth: number; obj: boolean }
  | { k: "type"; ct: string | null; v: unknown };

const restArb = fc.record({
  params: fc.array(paramValue, { minLength: 4, maxLength: 4 }),
  query: queryArb,
  body: bodyArb,
  noCsrf: fc.nat(99).map((n) => n < 3),
  wrongMethod: fc.nat(99).map((n) => n < 2),
});
type RestInput = { params: ParamValue[]; query: [string, string][] | string; body: BodySpec } & {
  noCsrf: boolean;
  wrongMethod: boolean;
};

const SOCKET_KEYS = [
  ...["hostId", "containerId", "tail", "since", "until", "timestamps", "cmd", "user", "workingDir"],
  ...["cols", "rows", "sessionId", "data", "jobId", "__proto__", "constructor"],
];
const socketArb = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...SOCKET_KEYS), anyValue, { maxKeys: 6 }) },
  {
    weight: 5,
    arbitrary: fc.record({
      near: fc.nat(1000),
      set: opt(fc.tuple(fc.constantFrom(...SOCKET_KEYS), anyValue)),
      drop: opt(fc.constantFrom(...SOCKET_KEYS)),
    }),
  },
  { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)) },
);

/** Valid payloads for each command; an unknown command gets `{}`, still fuzzed by the other inputs. */
function samplePayload(cmd: string, host: string, container: string): Record<string, unknown> {
  const ref = { hostId: host, containerId: container };
  const samples: Record<string, Record<string, unknown>> = {
    "stats:subscribe": ref,
    "stats:unsubscribe": ref,
    "logs:subscribe": { ...ref, tail: 5 },
    "logs:unsubscribe": ref,
    "exec:start": { ...ref, cmd: ["true"], cols: 80, rows: 24 },
    "exec:input": { sessionId: GHOST, data: "x" },
    "exec:resize": { sessionId: GHOST, cols: 80, rows: 24 },
    "exec:close": { sessionId: GHOST },
    "jobs:watch": { hostId: host },
    "jobs:unwatch": {},
    "job:cancel": { jobId: GHOST },
  };
  return { ...samples[cmd] };
}

/** A body that is valid for one of these would change an engine, so on a real host only invalid ones go. */
const ENGINE_BODY_SCHEMAS: Record<string, z.ZodType> = {
  "POST /api/v1/hosts/:hostId/containers": createRequestSchema,
  "POST /api/v1/hosts/:hostId/containers/:id/recreate": recreateRequestSchema,
  "PATCH /api/v1/hosts/:hostId/containers/:id/resources": resourcesSchema,
  "POST /api/v1/hosts/:hostId/prune": systemPruneSchema,
  "POST /api/v1/hosts/:hostId/images/pull": pullRequestSchema,
  "POST /api/v1/hosts/:hostId/images/push": pushRequestSchema,
  "POST /api/v1/hosts/:hostId/images/build": buildJsonSchema,
  "POST /api/v1/hosts/:hostId/images/:id/tag": tagRequestSchema,
  "POST /api/v1/hosts/:hostId/images/prune": pruneRequestSchema,
  "POST /api/v1/hosts/:hostId/networks": networkCreateSchema,
  "POST /api/v1/hosts/:hostId/networks/:id/connect": networkConnectSchema,
  "POST /api/v1/hosts/:hostId/networks/:id/disconnect": networkDisconnectSchema,
  "POST /api/v1/hosts/:hostId/networks/prune": networkPruneSchema,
  "POST /api/v1/hosts/:hostId/volumes": volumeCreateSchema,
  "POST /api/v1/hosts/:hostId/volumes/prune": volumePruneSchema,
};
/** State changes that touch only Wharf's own records; any other one is treated as reaching an engine. */
const INTERNAL = new Set([
  ...["POST /api/v1/auth/login", "POST /api/v1/auth/logout", "POST /api/v1/auth/password"],
  ...["POST /api/v1/users", "PATCH /api/v1/users/:id", "DELETE /api/v1/users/:id", "POST /api/v1/tokens"],
  ...["DELETE /api/v1/tokens/:id", "DELETE /api/v1/sessions/:id", "POST /api/v1/hosts"],
  ...["POST /api/v1/registries", "PATCH /api/v1/registries/:id", "DELETE /api/v1/registries/:id"],
  "DELETE /api/v1/registries/:id/repositories/:name/tags/:tag",
]);
/** A valid body here would dial an address, or leave a host or registry that answers 502 to later inputs. */
const MUST_BE_INVALID: Record<string, z.ZodType> = {
  "POST /api/v1/hosts": hostCreateSchema,
  "POST /api/v1/registries": registryCreateSchema,
};

interface Material {
  text: string;
  ct: string | null;
}

function materialize(b: BodySpec): Material {
  const json = (v: unknown) => JSON.stringify(v) ?? "null";
  switch (b.k) {
    case "none":
      return { text: "", ct: null };
    case "huge":
      return { text: json("x".repeat(1_100_000)), ct: "application/json" };
    case "json":
      return { text: json(b.v), ct: "application/json" };
    // Always an object or array missing its closing bracket: never valid JSON.
    case "truncated":
      return { text: json(b.v).slice(0, -1), ct: "application/json" };
    case "deep":
      return {
        text: b.obj
          ? '{"a":'.repeat(b.depth) + "1" + "}".repeat(b.depth)
          : "[".repeat(b.depth) + "]".repeat(b.depth),
        ct: "application/json",
      };
    case "type":
      return { text: json(b.v), ct: b.ct };
  }
}

const NOT_JSON = Symbol("not json");
/** What the server's body reader makes of it: an empty body is `{}`. */
function parsedBody(m: Material): unknown {
  if (m.text.length === 0) return {};
  if (!(m.ct ?? "").includes("application/json")) return NOT_JSON;
  try {
    return JSON.parse(m.text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** True when no handler can act on it: JSON typed, and not JSON, not an object, or failing the route's schema. */
function certainlyInvalid(m: Material, schema: z.ZodType | undefined): boolean {
  if (m.text.length === 0 || !(m.ct ?? "").includes("application/json")) return false;
  const v = parsedBody(m);
  if (v === NOT_JSON || !isPlainObject(v)) return true;
  return !!schema && !schema.safeParse(v).success;
}

/** A path target on a real host must be one that cannot exist: ours, or not a name at all. */
function targetSafe(value: string): boolean {
  const v = value.replace(/^\/+/, "");
  return v.startsWith(GHOST) || !/^[A-Za-z0-9][A-Za-z0-9_.:@/+-]*$/.test(v);
}

interface Resolved {
  route: RouteDef;
  params: Record<string, string>;
}

/** The route the server will pick, mirroring its router: a literal segment beats a parameter. */
function resolve(routes: readonly RouteDef[], method: string, pathname: string): Resolved | undefined {
  const parts = pathname.split("/").filter(Boolean);
  let best: (Resolved & { rank: string }) | undefined;
  for (const route of routes) {
    const segs = route.path.split("/").filter(Boolean);
    if (route.method !== method || segs.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = segs.every((s, i) => {
      const v = parts[i] as string;
      if (!s.startsWith(":")) return s === v;
      try {
        params[s.slice(1)] = decodeURIComponent(v);
        return true;
      } catch {
        return false;
      }
    });
    const rank = segs.map((s) => (s.startsWith(":") ? "0" : "1")).join("");
    if (ok && (!best || rank > best.rank)) best = { route, params, rank };
  }
  return best;
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

interface Guard {
  routes: readonly RouteDef[];
  /** Ids of the test's own users, token and registry, keyed by the route that could remove them. */
  protectedIds: Record<string, Set<number>>;
}

/** What would make this request touch a real engine, dial out, or lock the test out; empty when safe. */
function hazards(
  g: Guard,
  method: string,
  url: URL,
  m: Material,
): { params?: true; body?: true; query?: true } {
  const r = resolve(g.routes, method, url.pathname);
  if (method === "GET") {
    const searches = r?.route.path.endsWith("/images/search") && REAL_HOSTS.has(r.params.hostId ?? "");
    // The engine would ask Docker Hub, or whatever registry the term names.
    return searches && (url.searchParams.get("term") ?? "").trim() ? { query: true } : {};
  }
  if (!r) {
    const onReal = url.pathname.split("/").some((s) => REAL_HOSTS.has(safeDecode(s)));
    return onReal && !certainlyInvalid(m, undefined) ? { body: true } : {};
  }
  const key = `${method} ${r.route.path}`;
  const out: { params?: true; body?: true } = {};
  const body = parsedBody(m);
  const valid = (s: z.ZodType) => body !== NOT_JSON && s.safeParse(body).success;
  if (g.protectedIds[key]?.has(Number(r.params.id))) out.params = true;
  if (key.endsWith("/tags/:tag") && !(targetSafe(r.params.name ?? "") && targetSafe(r.params.tag ?? "")))
    out.params = true;
  const mustFail = MUST_BE_INVALID[key];
  if (mustFail && valid(mustFail)) out.body = true;
  if (
    key === "PATCH /api/v1/registries/:id" &&
    valid(registryUpdateSchema) &&
    isPlainObject(body) &&
    "url" in body
  )
    out.body = true;
  const hostId = r.params.hostId;
  if (!(hostId === undefined ? !INTERNAL.has(key) : REAL_HOSTS.has(hostId))) return out;
  if (key === "POST /api/v1/containers/bulk") {
    const b = bulkActionSchema.safeParse(body);
    if (b.success && b.data.targets.some((t) => REAL_HOSTS.has(t.hostId) && !targetSafe(t.id)))
      out.body = true;
  } else if (key === "POST /api/v1/images/pull") {
    const b = multiPullRequestSchema.safeParse(body);
    if (b.success && b.data.hosts.some((h) => REAL_HOSTS.has(h))) out.body = true;
  } else {
    if (!certainlyInvalid(m, ENGINE_BODY_SCHEMAS[key])) out.body = true;
    for (const [name, value] of Object.entries(r.params))
      if (name !== "hostId" && name !== "action" && !targetSafe(value)) out.params = true;
  }
  return out;
}

type Pools = Record<string, string[]>;

function pick(list: string[], i: number): string {
  return list[i % list.length] ?? GHOST;
}

/** Which pool a path parameter draws its real values from, by the segment before it. */
function poolFor(path: string, name: string, offset: number): string {
  if (name === "hostId" || name === "action" || name === "tag") return name;
  const prev = path.slice(0, offset).split("/").filter(Boolean).pop() ?? "";
  return prev === "repositories" ? "repos" : prev;
}

function segment(path: string, name: string, offset: number, v: ParamValue, pools: Pools): string {
  switch (v.k) {
    case "real":
      return encodeURIComponent(pick(pools[poolFor(path, name, offset)] ?? [], v.i));
    case "ghost":
      return `${GHOST}-${v.s}`;
    case "enc":
      return encodeURIComponent(v.s);
    case "raw":
      return v.s;
  }
}

function buildUrl(base: string, route: RouteDef, vals: ParamValue[], query: string, pools: Pools): URL {
  let n = 0;
  const path = route.path.replace(/:(\w+)/g, (_m, name: string, offset: number) =>
    segment(route.path, name, offset, vals[n++] ?? { k: "ghost", s: "x" }, pools),
  );
  return new URL(path + (query ? `?${query}` : ""), base);
}

function queryText(q: RestInput["query"]): string {
  return typeof q === "string" ? q : new URLSearchParams(q).toString();
}

/** Replaces real names with fixtures', and gives exec nothing real to run in. */
function withReals(v: unknown, containers: string[], n: number): unknown {
  if (v === "@real-container") return pick(containers, n);
  if (Array.isArray(v)) return v.map((x) => withReals(x, containers, n));
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    Object.defineProperty(out, k, { value: withReals(x, containers, n), enumerable: true, writable: true });
  return out;
}

interface Principal {
  name: string;
  headers: Record<string, string>;
  /** Extra sessions of this principal, spent one per logout so its own session lives on. */
  spare: string[];
  socket: TestSocket;
  connect: () => Promise<TestSocket>;
}

/** Every engine's containers, images, volumes and networks, each as "id name". */
async function snapshot(): Promise<Set<string>> {
  const out = new Set<string>();
  const kinds: [string, string[]][] = [
    ["container", ["ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}"]],
    ["image", ["images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"]],
    ["volume", ["volume", "ls", "--format", "{{.Name}} {{.Name}}"]],
    ["network", ["network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}}"]],
  ];
  for (const id of ENGINE_IDS)
    for (const [kind, args] of kinds)
      for (const line of (await docker(id, ...args)).split("\n").filter(Boolean))
        out.add(`${id} ${kind} ${line}`);
  return out;
}

const otherRun = (name: string) =>
  name.split(/[^a-z0-9]+/).some((t) => /^it[a-z0-9]{6,10}$/.test(t) && t !== RUN_ID);

/**
 * Another test run may share the engines while this one runs (a colleague's suite). Its objects carry
 * its run id in their names, or are tied to one that does by an engine event (an anonymous volume to
 * the container that mounted it), so the engines' own event streams are read for the whole fuzz.
 */
function watchEngines(): { stop: () => Set<string> } {
  const seen: EngineEvent[] = [];
  const children = ENGINE_IDS.map((id) => {
    const child = spawn("docker", ["-H", `unix://${engineSocket(id)}`, "events", "--format", "{{json .}}"]);
    child.stdout.pipe(readline()).on("data", (line: string) => seen.push(JSON.parse(line) as EngineEvent));
    return child;
  });
  return {
    stop: () => {
      for (const c of children) c.kill();
      const names = new Map<string, string>();
      for (const e of seen) if (e.Actor.Attributes?.name) names.set(e.Actor.ID, e.Actor.Attributes.name);
      const theirs = new Set<string>();
      for (const e of seen) {
        const a = e.Actor.Attributes ?? {};
        const related = [a.name, a.image, names.get(a.container ?? ""), names.get(e.Actor.ID)];
        if (related.some((n) => n && otherRun(n))) theirs.add(e.Actor.ID);
      }
      return theirs;
    },
  };
}
interface EngineEvent {
  Actor: { ID: string; Attributes?: Record<string, string> };
}

/** Newline-split text, for a child's output. */
function readline(): Transform {
  let rest = "";
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) this.push(l);
      done();
    },
  });
}

function engineChanges(before: Set<string>, after: Set<string>, theirs: Set<string>) {
  const changed = [
    ...[...after].filter((x) => !before.has(x)).map((x) => `added ${x}`),
    ...[...before].filter((x) => !after.has(x)).map((x) => `removed ${x}`),
  ];
  const isTheirs = (x: string) => {
    const [, , , id = "", name = ""] = x.split(" ");
    return otherRun(name) || theirs.has(id) || theirs.has(id.replace(/^sha256:/, ""));
  };
  return { ours: changed.filter((x) => !isTheirs(x)), others: changed.filter(isTheirs) };
}

async function pool(count: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

/** Wharf's own record of every state change it made on a real engine: there must be none. */
async function succeededOnEngines(headers: Record<string, string>): Promise<string[]> {
  const found: string[] = [];
  let beforeId = "";
  for (;;) {
    const r = await fetch(`${srv.base}/api/v1/audit?limit=10000${beforeId}`, { headers });
    const items = ((await r.json()) as { items: AuditEntry[] }).items;
    for (const e of items) {
      const results = (e.params as { results?: { hostId?: string; ok?: boolean }[] } | undefined)?.results;
      const onReal =
        REAL_HOSTS.has(e.hostId ?? "") || results?.some((x) => x.ok && REAL_HOSTS.has(x.hostId ?? ""));
      if (e.result === "ok" && onReal)
        found.push(`${e.user} ${e.action} ${e.hostId ?? ""} ${e.target ?? ""}`);
    }
    if (items.length < 10_000) return found;
    beforeId = `&beforeId=${items[items.length - 1]?.id}`;
  }
}

let srv: TestServer;
let before: Set<string>;
let watcher: ReturnType<typeof watchEngines>;
const principals: Principal[] = [];
const pools: Pools = {};
let guard: Guard;

beforeAll(async () => {
  srv = await startServer();
  const admin = await login(srv.base);
  await runFixture("local", `${P}-tick`, "local/ticker:1", ["--label", LABEL]);
  await runFixture("local", `${P}-idle`, "local/idle:1");
  await runFixture("edge", `${P}-edge`, "local/idle:1", ["--label", LABEL]);
  await docker("local", "volume", "create", "--label", LABEL, `${P}-vol`);
  const me = await admin.get<{ user: { id: number } }>("/api/v1/auth/me");
  const users = [
    { username: `${P}-viewer`, role: "viewer" as const },
    { username: `${P}-operator`, role: "operator" as const },
    { username: `${P}-scoped`, role: "operator" as const, hosts: ["local"], labelSelector: LABEL },
    { username: `${P}-edge`, role: "admin" as const, hosts: ["edge"] },
  ];
  const clients = [
    { ...admin, id: me.body.user.id, username: "admin", password: undefined as string | undefined },
  ];
  for (const u of users)
    clients.push({
      ...(await userClient(srv.base, admin, u)),
      username: u.username,
      password: `pw-${u.username}-123`,
    });
  const victim = await admin.send<{ id: number }>("POST", "/api/v1/users", {
    username: `${P}-victim`,
    password: "victim-password-1",
    role: "viewer",
  });
  const token = await admin.send<{ token: string; item: { id: number } }>("POST", "/api/v1/tokens", {
    name: `${P}-token`,
    role: "operator",
  });
  const registry = await admin.send<{ id: number }>("POST", "/api/v1/registries", {
    name: `${P}-reg`,
    url: `http://127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`,
  });
  for (const c of clients) {
    const spare: string[] = [];
    for (let i = 0; i < 6; i++) spare.push((await login(srv.base, c.password, c.username)).cookie);
    const connect = () => connectSocket(srv.base, c.cookie);
    principals.push({
      name: c.username === "admin" ? "admin" : c.username.slice(P.length + 1),
      headers: { cookie: c.cookie, "x-wharf-csrf": "1" },
      spare,
      socket: await connect(),
      connect,
    });
  }
  const connectToken = () => connectSocket(srv.base, undefined, { token: token.body.token });
  principals.push({
    name: "token",
    headers: { authorization: `Bearer ${token.body.token}` },
    spare: [],
    socket: await connectToken(),
    connect: connectToken,
  });
  const userIds = new Set([...clients.map((c) => c.id)]);
  guard = {
    routes: srv.wharf.routes,
    protectedIds: {
      "PATCH /api/v1/users/:id": userIds,
      "DELETE /api/v1/users/:id": userIds,
      "DELETE /api/v1/tokens/:id": new Set([token.body.item.id]),
      "DELETE /api/v1/registries/:id": new Set([registry.body.id]),
    },
  };
  const ids = async (id: (typeof ENGINE_IDS)[number], ...args: string[]) =>
    (await docker(id, ...args)).split("\n").filter(Boolean);
  const containerIds = await ids("local", "ps", "-a", "-q", "--no-trunc", "--filter", `name=${P}`);
  const imageIds = await ids("local", "images", "-q", "--no-trunc");
  Object.assign(pools, {
    hostId: [...ENGINE_IDS],
    containers: [
      `${P}-tick`,
      `${P}-idle`,
      `${P}-edge`,
      ...containerIds,
      ...containerIds.map((c) => c.slice(0, 12)),
    ],
    images: [
      "local/busybox:1.35",
      "local/ticker:1",
      "local/idle:1",
      ...imageIds,
      ...imageIds.map((i) => i.slice(7, 19)),
    ],
    volumes: [`${P}-vol`],
    networks: ["none", "host", ...(await ids("local", "network", "ls", "-q"))],
    users: [...[...userIds].map(String), String(victim.body.id), "999999"],
    tokens: [String(token.body.item.id), "999999"],
    sessions: ["0".repeat(64)],
    registries: [String(registry.body.id)],
    repos: ["busybox", "library/busybox", "ticker"],
    tag: ["1.35", "1", "latest"],
    action: ["start", "stop", "restart", "kill", "pause", "unpause", "remove", "recreate", "exec"],
  });
  watcher = watchEngines();
  before = await snapshot();
}, 120_000);

afterAll(async () => {
  watcher?.stop();
  for (const p of principals) p.socket.close();
  await srv?.stop();
  await removeByPrefix(P);
  await docker("local", "volume", "rm", `${P}-vol`).catch(() => "");
});

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe("fuzz: every REST route and socket command, as every principal", () => {
  it("answers 10,000 generated inputs without a 5xx, an INTERNAL error or an unhandled rejection", async () => {
    const started = Date.now();
    const routes = srv.wharf.routes;
    const commands = [...srv.wharf.socketCommands];
    const socketRuns = Math.ceil((TOTAL * SOCKET_PER_25) / 25);
    const restInputs = fc.sample(restArb, { seed: SEED, numRuns: TOTAL - socketRuns }) as RestInput[];
    const socketInputs = fc.sample(socketArb, { seed: SEED + 1, numRuns: socketRuns });
    const containers = pools.containers ?? [];

    const statuses = new Map<string, number>();
    const codes = new Map<string, number>();
    const failures: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const errorSpy: MockInstance<typeof console.error> = vi.spyOn(console, "error");
    const lines: string[] = [];
    let rest = 0;
    let sockets = 0;
    let madeSafe = 0;
    let reconnects = 0;

    const sendRest = async (n: number) => {
      const input = restInputs[n] as RestInput;
      const route = routes[n % routes.length] as RouteDef;
      const who = principals[Math.floor(n / routes.length) % principals.length] as Principal;
      const method = input.wrongMethod ? "PUT" : route.method;
      let vals = input.params;
      let query = queryText(input.query);
      const spec =
        "v" in input.body ? { ...input.body, v: withReals(input.body.v, containers, n) } : input.body;
      let mat: Material = method === "GET" ? { text: "", ct: null } : materialize(spec);
      let url = buildUrl(srv.base, route, vals, query, pools);
      for (let pass = 0; ; pass++) {
        const h = hazards(guard, method, url, mat);
        if (!h.params && !h.body && !h.query) break;
        if (pass === 3) throw new Error(`could not make ${method} ${url.href} safe: ${JSON.stringify(h)}`);
        if (pass === 0) madeSafe++;
        if (h.query || pass > 1) query = "";
        // "[" first: whatever follows, the text is not JSON or is an array, so no handler acts on it.
        if (h.body || pass > 1) mat = { text: `[${mat.text}`, ct: "application/json" };
        if (h.params || pass > 0) {
          const names = [...route.path.matchAll(/:(\w+)/g)].map((x) => x[1]);
          vals = vals.map((v, i) =>
            pass === 0 && (names[i] === "hostId" || names[i] === "action") ? v : { k: "ghost", s: `p${i}` },
          );
        }
        url = buildUrl(srv.base, route, vals, query, pools);
      }
      const headers: Record<string, string> = { ...who.headers };
      const resolved = resolve(routes, method, url.pathname);
      if (resolved?.route.path === "/api/v1/auth/logout" && headers.cookie) {
        const spare = who.spare.shift();
        if (spare) headers.cookie = spare;
        else delete headers["x-wharf-csrf"];
      }
      if (input.noCsrf) delete headers["x-wharf-csrf"];
      if (mat.ct) headers["content-type"] = mat.ct;
      const what = `${who.name} ${method} ${url.pathname}${url.search} ${mat.ct ?? ""} ${mat.text.slice(0, 300)}`;
      rest++;
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method,
          headers,
          body: mat.text.length ? mat.text : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        text = new TextDecoder().decode(await res.arrayBuffer());
      } catch (e) {
        count(statuses, "no answer");
        failures.push(`no answer: ${what}: ${String(e)}`);
        return;
      }
      count(statuses, String(res.status));
      if (res.status >= 500) failures.push(`${res.status}: ${what} -> ${text.slice(0, 500)}`);
      if (res.status >= 400) {
        let message: unknown;
        try {
          message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
        } catch {
          message = undefined;
        }
        if (typeof message !== "string" || !message)
          failures.push(`error without a message: ${res.status} ${what} -> ${text.slice(0, 300)}`);
      }
    };

    const sendSocket = async (n: number) => {
      const input = socketInputs[n];
      const cmd = commands[n % commands.length] as string;
      const who = principals[Math.floor(n / commands.length) % principals.length] as Principal;
      let payload: unknown = input;
      if (isPlainObject(input) && "near" in input && typeof input.near === "number") {
        const near = input as { near: number; set?: [string, unknown]; drop?: string };
        const host = pick([...ENGINE_IDS, "zz-nohost"], near.near);
        const p = samplePayload(cmd, host, pick([...containers, GHOST], near.near >> 2));
        if (near.set) p[near.set[0]] = near.set[1];
        if (near.drop) delete p[near.drop];
        payload = p;
      }
      payload = withReals(payload, containers, n);
      if (cmd === "exec:start" && isPlainObject(payload) && typeof payload.containerId === "string")
        payload = { ...payload, containerId: `${GHOST}-exec` };
      if (!who.socket.connected) {
        reconnects++;
        who.socket = await who.connect();
      }
      sockets++;
      const what = `${who.name} ${cmd} ${JSON.stringify(payload)?.slice(0, 300)}`;
      let res: unknown;
      try {
        res = await (who.socket as unknown as Socket).timeout(15_000).emitWithAck(cmd, payload);
      } catch (e) {
        count(codes, "no answer");
        failures.push(`socket no answer: ${what}: ${String(e)}`);
        return;
      }
      const r = res as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
      const code = r.ok === true ? "ok" : String(r.error?.code);
      count(codes, code);
      if (code === "INTERNAL") failures.push(`socket INTERNAL: ${what} -> ${JSON.stringify(res)}`);
      if (r.ok !== true && (typeof r.error?.message !== "string" || !r.error.message))
        failures.push(`socket error without a message: ${what} -> ${JSON.stringify(res)}`);
      if (cmd === "exec:start" && r.ok === true) failures.push(`exec started: ${what}`);
    };

    try {
      let restNext = 0;
      let socketNext = 0;
      await pool(TOTAL, CONCURRENCY, (t) =>
        t % 25 < SOCKET_PER_25 && socketNext < socketRuns ? sendSocket(socketNext++) : sendRest(restNext++),
      );
      // Let rejections of work the inputs started (streams, jobs) surface before counting them.
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      process.off("unhandledRejection", onUnhandled);
      // Read before the restore, which clears the recorded calls.
      lines.push(...errorSpy.mock.calls.map((c) => (typeof c[0] === "string" ? c[0] : "")));
      errorSpy.mockRestore();
    }
    const logged = lines.filter((l) => /^\[(api|realtime)\]/.test(l)).length;
    // Other modules' unexpected errors, by prefix (an oversized body once lost its audit entry here).
    const otherLogged = new Map<string, number>();
    for (const l of lines)
      if (/^\[\w+\]/.test(l) && !/^\[(api|realtime)\]/.test(l)) count(otherLogged, l.slice(0, 60));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz-routes: ${rest + sockets} inputs (REST ${rest}, socket ${sockets}) as ${principals.length} principals ` +
        `over ${routes.length} routes and ${commands.length} commands in ${seconds} s; made safe ${madeSafe}; ` +
        `statuses ${JSON.stringify(sorted(statuses))}; socket codes ${JSON.stringify(sorted(codes))}; ` +
        `unhandled ${unhandled.length}; logged ${logged}; socket reconnects ${reconnects}; ` +
        `other error lines ${JSON.stringify(sorted(otherLogged))}`,
    );

    expect(rest + sockets).toBe(TOTAL);
    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    expect(unhandled.map(String)).toEqual([]);
    expect(logged).toBe(0);
    expect([...otherLogged.keys()]).toEqual([]);
    expect((await fetch(`${srv.base}/api/v1/health`)).status).toBe(200);
    const users = await fetch(`${srv.base}/api/v1/users`, { headers: principals[0]?.headers });
    expect(users.status).toBe(200);
    expect(await succeededOnEngines(principals[0]?.headers ?? {})).toEqual([]);
    const changes = engineChanges(before, await snapshot(), watcher.stop());
    if (changes.others.length)
      console.info(`fuzz-routes: another test run changed ${changes.others.length} engine objects meanwhile`);
    expect(changes.ours).toEqual([]);
  }, 240_000);
});
