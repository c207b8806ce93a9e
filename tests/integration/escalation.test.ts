import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry, SessionRecord, TokenRecord, UserRecord } from "../../lib/types";
import { RUN_ID, login, startServer, userClient, waitHostsUp, type Client, type TestServer } from "./harness";

/** A scoped admin must never reach past its scope through the users, tokens, sessions and audit routes. */
let srv: TestServer;
let admin: Client;
let edgeAdmin: Client & { id: number };
let teamAdmin: Client & { id: number };
let outsider: Client & { id: number };
let outsiderToken: number;
const P = `${RUN_ID}-esc`;

type ErrorReply = { error: { code: string; message: string } };

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  await waitHostsUp(admin);
  edgeAdmin = await userClient(srv.base, admin, { username: `${P}-edge`, role: "admin", hosts: ["edge"] });
  teamAdmin = await userClient(srv.base, admin, {
    username: `${P}-team`,
    role: "admin",
    hosts: ["local", "edge"],
    labelSelector: `team=${P}`,
  });
  outsider = await userClient(srv.base, admin, { username: `${P}-out`, role: "viewer", hosts: ["local"] });
  const t = await admin.send<{ item: TokenRecord }>("POST", "/api/v1/tokens", {
    name: `${P}-fleet`,
    role: "admin",
  });
  outsiderToken = t.body.item.id;
  // An entry the scoped admins must not read: the built-in admin acting on the local host.
  await admin.send("POST", "/api/v1/hosts/local/volumes/prune", { filters: { label: [`wharf.test=${P}`] } });
});

afterAll(async () => {
  await srv?.stop();
});

describe("a host-scoped admin", () => {
  it("cannot create a user or token beyond its hosts or role, and the answer names the field", async () => {
    const wide = await edgeAdmin.send<ErrorReply>("POST", "/api/v1/users", {
      username: `${P}-x1`,
      password: "long-enough-pw",
      role: "admin",
      hosts: "*",
    });
    expect(wide.status).toBe(403);
    expect(wide.body.error.message).toMatch(
      /^hosts: all hosts is outside your scope; you may grant only edge/,
    );
    const other = await edgeAdmin.send<ErrorReply>("POST", "/api/v1/tokens", {
      name: `${P}-t1`,
      role: "viewer",
      hosts: ["edge", "local"],
    });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/^hosts: local is outside your scope/);
    const users = await admin.get<{ items: UserRecord[] }>("/api/v1/users");
    expect(users.body.items.map((u) => u.username)).not.toContain(`${P}-x1`);
  });

  it("gives a new user its own scope by default, and cannot widen anyone later, itself included", async () => {
    const made = await edgeAdmin.send<UserRecord>("POST", "/api/v1/users", {
      username: `${P}-x2`,
      password: "long-enough-pw",
      role: "operator",
    });
    expect(made.status).toBe(201);
    expect(made.body.hosts).toEqual(["edge"]);
    const widen = await edgeAdmin.send<ErrorReply>("PATCH", `/api/v1/users/${made.body.id}`, { hosts: "*" });
    expect(widen.status).toBe(403);
    const self = await edgeAdmin.send<ErrorReply>("PATCH", `/api/v1/users/${edgeAdmin.id}`, {
      hosts: ["edge", "local"],
    });
    expect(self.status).toBe(403);
    const after = await admin.get<{ items: UserRecord[] }>("/api/v1/users");
    expect(after.body.items.find((u) => u.id === edgeAdmin.id)?.hosts).toEqual(["edge"]);
    expect(after.body.items.find((u) => u.id === made.body.id)?.hosts).toEqual(["edge"]);
  });

  it("sees and manages only the users, tokens, sessions and audit entries inside its scope", async () => {
    const users = await edgeAdmin.get<{ items: UserRecord[] }>("/api/v1/users");
    const names = users.body.items.map((u) => u.username);
    expect(names).toContain(`${P}-edge`);
    expect(names).not.toContain("admin");
    expect(names).not.toContain(`${P}-out`);
    expect(names).not.toContain(`${P}-team`);
    const tokens = await edgeAdmin.get<{ items: TokenRecord[] }>("/api/v1/tokens");
    expect(tokens.body.items.map((t) => t.id)).not.toContain(outsiderToken);
    const sessions = await edgeAdmin.get<{ items: SessionRecord[] }>("/api/v1/sessions");
    expect(new Set(sessions.body.items.map((s) => s.username))).toEqual(new Set([`${P}-edge`]));
    const audit = await edgeAdmin.get<{ items: AuditEntry[] }>("/api/v1/audit?limit=500");
    expect(audit.body.items.length).toBeGreaterThan(0);
    expect(audit.body.items.every((e) => e.user === `${P}-edge`)).toBe(true);
    expect(audit.body.items.some((e) => e.hostId === "local")).toBe(false);

    for (const [method, path] of [
      ["PATCH", `/api/v1/users/${outsider.id}`],
      ["DELETE", `/api/v1/users/${outsider.id}`],
      ["DELETE", `/api/v1/tokens/${outsiderToken}`],
    ] as const) {
      const r = await edgeAdmin.send<ErrorReply>(
        method,
        path,
        method === "PATCH" ? { disabled: true } : undefined,
      );
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    const missing = await edgeAdmin.send<ErrorReply>("DELETE", "/api/v1/users/999999");
    const hidden = await edgeAdmin.send<ErrorReply>("DELETE", `/api/v1/users/${outsider.id}`);
    expect(hidden.body.error.message.replace(String(outsider.id), "N")).toBe(
      missing.body.error.message.replace("999999", "N"),
    );
    const outsiderSession = (await admin.get<{ items: SessionRecord[] }>("/api/v1/sessions")).body.items.find(
      (s) => s.username === `${P}-out`,
    );
    expect(outsiderSession).toBeDefined();
    expect((await edgeAdmin.send("DELETE", `/api/v1/sessions/${outsiderSession?.id}`)).status).toBe(404);
    // Nothing changed for the outsider.
    expect((await outsider.get("/api/v1/auth/me")).status).toBe(200);
    expect(
      (await admin.get<{ items: TokenRecord[] }>("/api/v1/tokens")).body.items.map((t) => t.id),
    ).toContain(outsiderToken);
  });

  it("cannot add or remove hosts or change registries (403), but reads registries", async () => {
    const add = await edgeAdmin.send<ErrorReply>("POST", "/api/v1/hosts", {
      id: `${P}-h`.slice(0, 30).toLowerCase(),
      name: "x",
      url: "tcp://127.0.0.1:9",
    });
    expect(add.status).toBe(403);
    expect((await edgeAdmin.send("DELETE", "/api/v1/hosts/edge")).status).toBe(403);
    expect(
      (await edgeAdmin.send("POST", "/api/v1/registries", { name: `${P}-r`, url: "http://127.0.0.1:9" }))
        .status,
    ).toBe(403);
    expect((await edgeAdmin.get("/api/v1/registries")).status).toBe(200);
    expect(
      (await admin.get<{ items: { id: string }[] }>("/api/v1/hosts")).body.items.map((h) => h.id),
    ).toContain("edge");
  });
});

describe("a label-scoped admin", () => {
  it("keeps its label on everything it grants", async () => {
    const none = await teamAdmin.send<ErrorReply>("POST", "/api/v1/users", {
      username: `${P}-y1`,
      password: "long-enough-pw",
      role: "viewer",
      hosts: ["local"],
      labelSelector: "team",
    });
    expect(none.status).toBe(403);
    expect(none.body.error.message).toMatch(/^labelSelector: must stay within team=/);
    const made = await teamAdmin.send<UserRecord>("POST", "/api/v1/users", {
      username: `${P}-y2`,
      password: "long-enough-pw",
      role: "viewer",
      hosts: ["local"],
    });
    expect(made.status).toBe(201);
    expect(made.body.labelSelector).toBe(`team=${P}`);
    const cleared = await teamAdmin.send<ErrorReply>("PATCH", `/api/v1/users/${made.body.id}`, {
      labelSelector: null,
    });
    expect(cleared.status).toBe(403);
  });

  it("never grants more than it holds, over generated requests", async () => {
    const own = { hosts: ["local", "edge"], labelSelector: `team=${P}` };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("viewer", "operator", "admin"),
        fc.option(fc.oneof(fc.constant("*" as const), fc.subarray(["local", "edge", "secure"])), {
          nil: undefined,
        }),
        fc.option(fc.constantFrom(`team=${P}`, "team", `team=${P}x`, "env=a"), { nil: undefined }),
        async (role, hosts, labelSelector) => {
          n++;
          const r = await teamAdmin.send<TokenRecord | ErrorReply>("POST", "/api/v1/tokens", {
            name: `${P}-g${n}`,
            role,
            ...(hosts !== undefined ? { hosts } : {}),
            ...(labelSelector !== undefined ? { labelSelector } : {}),
          });
          const wider =
            hosts === "*" ||
            (hosts ?? own.hosts).some((h) => !own.hosts.includes(h)) ||
            (labelSelector !== undefined && labelSelector !== own.labelSelector);
          expect(r.status, JSON.stringify({ role, hosts, labelSelector, body: r.body })).toBe(
            wider ? 403 : 201,
          );
        },
      ),
      { numRuns: 40, seed: 42 },
    );
    const tokens = (await admin.get<{ items: TokenRecord[] }>("/api/v1/tokens")).body.items.filter((t) =>
      t.name.startsWith(`${P}-g`),
    );
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) {
      expect(t.labelSelector).toBe(own.labelSelector);
      expect(t.hosts === "*" ? [] : t.hosts.filter((h) => !own.hosts.includes(h))).toEqual([]);
    }
  });
});
