import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import { ROLES, roleAllows, type Permission, type Role } from "../../lib/permissions";
import type { ClientCommand, CommandPayload } from "../../lib/realtime/events";
import type { RouteDef } from "../../server/api/router";
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
const clients = {} as Record<Role, Client>;
const P = `${RUN_ID}-rt`;
let values: Record<string, string>;

beforeAll(async () => {
  // Collected every second, so the fixture container has a stored history before the walk.
  srv = await startServer({ metricsIntervalMs: 1000 });
  admin = await login(srv.base);
  await waitHostsUp(admin);
  await runFixture("local", `${P}-c`, "local/idle:1");
  await docker("local", "volume", "create", `${P}-v`);
  clients.admin = admin;
  clients.viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });
  clients.operator = await userClient(srv.base, admin, { username: `${P}-operator`, role: "operator" });
  const sessions = await admin.get<{ items: { id: string }[] }>("/api/v1/sessions");
  const token = await admin.send<{ item: { id: number } }>("POST", "/api/v1/tokens", {
    name: `${P}-t`,
    role: "viewer",
  });
  const registry = await admin.send<{ id: number }>("POST", "/api/v1/registries", {
    name: `${P}-reg`,
    url: `http://127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`,
  });
  const target = await admin.send<{ id: number }>("POST", "/api/v1/alerts/targets", {
    name: `${P}-target`,
    config: { kind: "webhook", url: "http://127.0.0.1:9/hook" },
  });
  // A stored stack (never deployed) and a job of its own: an operation on a stack with no containers.
  const stack = `${P}-stk`.toLowerCase();
  const stored = await admin.send("POST", "/api/v1/hosts/local/stacks", {
    name: stack,
    compose: "services:\n  web:\n    image: local/idle:1\n    network_mode: none\n",
  });
  if (stored.status !== 201)
    throw new Error(`stack fixture: ${stored.status} ${JSON.stringify(stored.body)}`);
  const job = await admin.send<{ jobId: string }>("POST", `/api/v1/hosts/local/stacks/${stack}/stop`, {});
  await waitFor(
    async () =>
      (await admin.get(`/api/v1/hosts/local/containers/${P}-c/history?metric=cpu`)).status === 200 ||
      undefined,
    30_000,
    "the fixture container's stored history",
  );
  // Real values for every path parameter, so a refusal can only come from authentication or permission.
  values = {
    stack,
    revision: "1",
    jobId: job.body.jobId,
    hostId: "local",
    id: `${P}-c`,
    action: "restart",
    userId: String((clients.viewer as Client & { id: number }).id),
    sessionId: sessions.body.items[0]?.id ?? "",
    tokenId: String(token.body.item.id),
    registryId: String(registry.body.id),
    targetId: String(target.body.id),
    volume: `${P}-v`,
    network: "none",
    // The bottom layer of the image the image routes are walked with.
    diffId: await docker(
      "local",
      "image",
      "inspect",
      "-f",
      "{{index .RootFS.Layers 0}}",
      "local/busybox:1.35",
    ),
  };
});

afterAll(async () => {
  if (values?.stack)
    await admin.send("DELETE", `/api/v1/hosts/local/stacks/${values.stack}`).catch(() => undefined);
  await removeByPrefix(P);
  await docker("local", "volume", "rm", `${P}-v`).catch(() => "");
  await srv?.stop();
});

function concretePath(r: RouteDef): string {
  const query = QUERIES[r.path] ?? "";
  return (
    r.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === "id" && r.path.startsWith("/api/v1/users/")) return values.userId as string;
      if (name === "id" && r.path.startsWith("/api/v1/sessions/")) return values.sessionId as string;
      if (name === "id" && r.path.startsWith("/api/v1/tokens/")) return values.tokenId as string;
      if (name === "id" && r.path.startsWith("/api/v1/alerts/targets/")) return values.targetId as string;
      // An image by reference, encoded as the UI sends it (a `/` inside one path segment).
      if (name === "id" && r.path.includes("/images/")) return encodeURIComponent("local/busybox:1.35");
      if (name === "name" && r.path.includes("/volumes/")) return values.volume as string;
      if (name === "name" && r.path.includes("/stacks/")) return values.stack as string;
      if (name === "service") return "web";
      if (name === "id" && r.path.includes("/networks/")) return values.network as string;
      if (r.path.startsWith("/api/v1/registries/")) {
        if (name === "id") return values.registryId as string;
        if (name === "name") return "busybox";
        if (name === "tag") return "1.35";
      }
      return values[name] as string;
    }) + query
  );
}

/** Required query parameters, so an allowed call is judged on its answer and not on a 400. */
const QUERIES: Record<string, string> = {
  "/api/v1/hosts/:hostId/images/search": "?term=busybox",
  "/api/v1/hosts/:hostId/containers/:id/history": "?metric=cpu",
  "/api/v1/hosts/:hostId/history": "?metric=memory",
  "/api/v1/hosts/:hostId/stacks/:name/services/:service/history": "?metric=cpu",
};

/** Routes that reach past Wharf's own engines (Docker Hub): allowed calls may fail there, offline. */
const OUTSIDE = new Set(["/api/v1/hosts/:hostId/images/search"]);

/** Swarm routes: these test engines are no swarm managers, so allowed calls get the engine's refusal. */
const needsSwarm = (r: RouteDef) => r.path.includes("/swarm/");

const isPermission = (a: RouteDef["access"]): a is Permission =>
  a === "read" || a === "operate" || a === "admin";

describe("every route in the server's own table", () => {
  it("covers a non-trivial table, and every state change names its audit action", () => {
    const routes = srv.wharf.routes;
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) if (r.method !== "GET") expect(r.audit, `${r.method} ${r.path}`).toBeTruthy();
    console.info(`route table: ${routes.length} routes`);
  });

  it("answers 401 to every non-public route without a session or token", async () => {
    let checked = 0;
    for (const r of srv.wharf.routes.filter((x) => x.access !== "public")) {
      const res = await fetch(srv.base + concretePath(r), {
        method: r.method,
        headers: { "x-wharf-csrf": "1", "content-type": "application/json" },
        body: r.method === "GET" ? undefined : "{}",
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      checked++;
    }
    expect(checked).toBe(srv.wharf.routes.filter((x) => x.access !== "public").length);
  });

  it("answers 401 to a bearer token that does not exist, without falling back to a cookie", async () => {
    const res = await fetch(`${srv.base}/api/v1/hosts`, {
      headers: { authorization: "Bearer wharf_nope", cookie: admin.cookie },
    });
    expect(res.status).toBe(401);
  });

  it.each(ROLES)("refuses with 403 what the %s role may not do, and serves its reads", async (role) => {
    const c = clients[role];
    for (const r of srv.wharf.routes) {
      if (!isPermission(r.access)) continue;
      const allowed = roleAllows(role, r.access);
      // Allowed state changes are exercised by the feature tests; here they would delete the fixtures.
      if (allowed && r.method !== "GET") continue;
      const res =
        r.method === "GET" ? await c.get(concretePath(r)) : await c.send(r.method, concretePath(r), {});
      if (allowed && (OUTSIDE.has(r.path) || needsSwarm(r)))
        expect(res.status, `${role} ${r.method} ${r.path}`).not.toBeOneOf([401, 403]);
      else if (allowed) expect(res.status, `${role} ${r.method} ${r.path}`).toBeLessThan(300);
      else expect(res.status, `${role} ${r.method} ${r.path}`).toBe(403);
    }
  });

  it("refuses a socket without a session, and accepts one with an API token", async () => {
    await expect(connectSocket(srv.base)).rejects.toThrow(/UNAUTHENTICATED/);
    const created = await admin.send<{ token: string }>("POST", "/api/v1/tokens", {
      name: `${P}-sock`,
      role: "viewer",
    });
    const { io } = await import("socket.io-client");
    const s = io(srv.base, {
      transports: ["websocket"],
      auth: { token: created.body.token },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", reject);
    });
    s.close();
  });
});

describe("API tokens", () => {
  it("work as Bearer without CSRF, are scoped by role, and stop working once revoked", async () => {
    const created = await admin.send<{ token: string; item: { id: number } }>("POST", "/api/v1/tokens", {
      name: `${P}-auto`,
      role: "operator",
      hosts: ["local"],
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^wharf_/);
    const auth = { authorization: `Bearer ${created.body.token}` };
    const hosts = await fetch(`${srv.base}/api/v1/hosts`, { headers: auth });
    expect(((await hosts.json()) as { items: { id: string }[] }).items.map((h) => h.id)).toEqual(["local"]);
    const restart = await fetch(`${srv.base}/api/v1/hosts/local/containers/${P}-c/restart`, {
      method: "POST",
      headers: auth,
    });
    expect(restart.status).toBe(200);
    const users = await fetch(`${srv.base}/api/v1/users`, { headers: auth });
    expect(users.status).toBe(403);
    const listed = await admin.get<{ items: Record<string, unknown>[] }>("/api/v1/tokens");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await admin.send("DELETE", `/api/v1/tokens/${created.body.item.id}`)).status).toBe(200);
    expect((await fetch(`${srv.base}/api/v1/hosts`, { headers: auth })).status).toBe(401);
  });
});

/** A sample payload per command: adding a command to the contract without a sample fails the typecheck. */
const SAMPLES: { [K in ClientCommand]: (v: Record<string, string>) => CommandPayload<K> } = {
  "stats:subscribe": (v) => ({ hostId: "local", containerId: v.id as string }),
  "stats:unsubscribe": (v) => ({ hostId: "local", containerId: v.id as string }),
  "logs:subscribe": (v) => ({ hostId: "local", containerId: v.id, tail: 1 }),
  "logs:unsubscribe": (v) => ({ hostId: "local", containerId: v.id }),
  "exec:start": (v) => ({ hostId: "local", containerId: v.id as string, cmd: ["true"], cols: 80, rows: 24 }),
  "exec:input": () => ({ sessionId: "none", data: "x" }),
  "exec:resize": () => ({ sessionId: "none", cols: 80, rows: 24 }),
  "exec:close": () => ({ sessionId: "none" }),
  "jobs:watch": () => ({ hostId: "local" }),
  "jobs:unwatch": () => ({}),
  "job:cancel": () => ({ jobId: "none" }),
  "swarm:watch": () => ({ hostId: "local" }),
  "swarm:unwatch": () => ({}),
};

/** What each command needs; mirrors the server's table so a change on either side is noticed here. */
const NEEDS: Record<ClientCommand, Permission> = {
  "stats:subscribe": "read",
  "stats:unsubscribe": "read",
  "logs:subscribe": "operate",
  "logs:unsubscribe": "operate",
  "exec:start": "operate",
  "exec:input": "operate",
  "exec:resize": "operate",
  "exec:close": "operate",
  "jobs:watch": "read",
  "jobs:unwatch": "read",
  "job:cancel": "operate",
  "swarm:watch": "read",
  "swarm:unwatch": "read",
};

describe("every socket command in the server's own table", () => {
  it("is in the typed contract, and the server answers exactly the contract's commands", () => {
    expect([...srv.wharf.socketCommands].sort()).toEqual(Object.keys(SAMPLES).sort());
    console.info(`socket commands: ${srv.wharf.socketCommands.length}`);
  });

  it.each(ROLES)("answers FORBIDDEN to the %s role exactly where it lacks the permission", async (role) => {
    const s = await connectSocket(srv.base, clients[role].cookie);
    try {
      for (const cmd of srv.wharf.socketCommands as ClientCommand[]) {
        const payload = SAMPLES[cmd](values);
        const res = (await (s as unknown as Socket)
          .timeout(10_000)
          .emitWithAck(cmd, payload)) as Result<unknown>;
        const forbidden = !res.ok && res.error.code === "FORBIDDEN";
        expect(forbidden, `${role} ${cmd}: ${JSON.stringify(res)}`).toBe(!roleAllows(role, NEEDS[cmd]));
        if (cmd === "exec:start" && res.ok) {
          await s
            .timeout(10_000)
            .emitWithAck("exec:close", { sessionId: (res.data as { sessionId: string }).sessionId });
        }
      }
    } finally {
      s.close();
    }
  });

  it("validates payloads, naming the field", async () => {
    const s = await connectSocket(srv.base, admin.cookie);
    try {
      const res = (await s
        .timeout(5000)
        .emitWithAck("exec:resize", { sessionId: "x", cols: -1, rows: 2 })) as Result<unknown>;
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe("VALIDATION");
        expect(res.error.message).toMatch(/^cols/);
      }
    } finally {
      s.close();
    }
  });
});
