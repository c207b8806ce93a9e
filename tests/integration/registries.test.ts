import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry, RegistryPage, RegistryRecord, RegistryTagDetail } from "../../lib/types";
import { RUN_ID, docker, login, startServer, userClient, type Client, type TestServer } from "./harness";

// The registries scripts/test-engines.sh runs on loopback: one open, one with htpasswd basic auth.
const OPEN = `http://127.0.0.1:${process.env.WHARF_REGISTRY_PORT ?? "5000"}`;
const AUTH = `127.0.0.1:${process.env.WHARF_REGISTRY_AUTH_PORT ?? "5001"}`;
const AUTH_USER = "wharf";
const AUTH_PW = "wharf-registry-pw";
const P = `${RUN_ID}-rg`;

let srv: TestServer;
let admin: Client;
let viewer: Client;
let openId: number;

interface ErrorReply {
  error: { code: string; message: string };
}

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
  viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });
});

afterAll(async () => {
  await srv?.stop();
});

async function addRegistry(body: Record<string, unknown>): Promise<RegistryRecord> {
  const r = await admin.send<RegistryRecord>("POST", "/api/v1/registries", body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe("the open registry", () => {
  it("is added with a normalized url and no password", async () => {
    const r = await addRegistry({ name: `${P}-open`, url: `${OPEN}/` });
    expect(r).toMatchObject({ name: `${P}-open`, url: OPEN, hasPassword: false });
    openId = r.id;
    const dup = await admin.send<ErrorReply>("POST", "/api/v1/registries", { name: `${P}-open`, url: OPEN });
    expect(dup.status).toBe(409);
    const bad = await admin.send<ErrorReply>("POST", "/api/v1/registries", { name: "x", url: "ftp://x" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^url: /);
  });

  it("lists its repositories, page by page through the registry's own links", async () => {
    const all = await admin.get<RegistryPage>(`/api/v1/registries/${openId}/repositories`);
    expect(all.status).toBe(200);
    expect(all.body.items).toEqual(expect.arrayContaining(["busybox", "idle", "ticker"]));
    const first = await admin.get<RegistryPage>(`/api/v1/registries/${openId}/repositories?n=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next).toBe(first.body.items[0]);
    const second = await admin.get<RegistryPage>(
      `/api/v1/registries/${openId}/repositories?n=1&last=${encodeURIComponent(first.body.next ?? "")}`,
    );
    expect(second.body.items).toEqual([all.body.items[1]]);
  });

  it("lists tags and shows a tag's manifest: digest, layers, size, creation time", async () => {
    const tags = await admin.get<RegistryPage>(`/api/v1/registries/${openId}/repositories/busybox/tags`);
    expect(tags.status).toBe(200);
    expect(tags.body.items).toContain("1.35");
    const tag = await admin.get<RegistryTagDetail>(
      `/api/v1/registries/${openId}/repositories/busybox/tags/1.35`,
    );
    expect(tag.status).toBe(200);
    expect(tag.body.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(tag.body.layers.length).toBeGreaterThan(0);
    expect(tag.body.size).toBeGreaterThan(0);
    expect(tag.body.size).toBe(
      tag.body.layers.reduce((n, l) => n + l.size, 0) + (tag.body.config?.size ?? 0),
    );
    expect(Date.parse(tag.body.created ?? "")).not.toBeNaN();
    const byDigest = await admin.get<RegistryTagDetail>(
      `/api/v1/registries/${openId}/repositories/busybox/tags/${tag.body.digest}`,
    );
    expect(byDigest.body.digest).toBe(tag.body.digest);
  });

  it("answers 404 for an unknown repository (a name with / sent encoded) or tag", async () => {
    const repo = await admin.get<ErrorReply>(
      `/api/v1/registries/${openId}/repositories/${encodeURIComponent("wharf-it/nope")}/tags`,
    );
    expect(repo.status).toBe(404);
    expect(repo.body.error.message).toContain(`registry "${P}-open"`);
    const tag = await admin.get<ErrorReply>(`/api/v1/registries/${openId}/repositories/busybox/tags/nope`);
    expect(tag.status).toBe(404);
    const bad = await admin.get<ErrorReply>(`/api/v1/registries/${openId}/repositories/Bad..Name/tags`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^name: /);
  });
});

describe("the htpasswd registry", () => {
  it("lists repositories with the right credentials, sealing the password at rest", async () => {
    const r = await addRegistry({ name: `${P}-auth`, url: AUTH, username: AUTH_USER, password: AUTH_PW });
    expect(r).toMatchObject({ url: `http://${AUTH}`, username: AUTH_USER, hasPassword: true });
    const repos = await admin.get<RegistryPage>(`/api/v1/registries/${r.id}/repositories`);
    expect(repos.status, JSON.stringify(repos.body)).toBe(200);
    expect(repos.body.items).toEqual(expect.arrayContaining(["busybox", "idle", "ticker"]));

    const row = srv.wharf.ctx.db.prepare("SELECT password FROM registries WHERE id = ?").get(r.id) as {
      password: string;
    };
    expect(row.password).toMatch(/^enc:v1:/);
    expect(row.password).not.toContain(AUTH_PW);
    for (const c of [admin, viewer]) {
      const list = await c.get("/api/v1/registries");
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(AUTH_PW);
    }
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=registry.");
    expect(audit.body.items.some((e) => e.action === "registry.create" && e.target === `${P}-auth`)).toBe(
      true,
    );
    expect(JSON.stringify(audit.body)).not.toContain(AUTH_PW);
  });

  it("answers a clear 403 naming the registry for wrong credentials, never 401", async () => {
    const r = await addRegistry({ name: `${P}-wrong`, url: AUTH, username: AUTH_USER, password: "not-it" });
    const repos = await admin.get<ErrorReply>(`/api/v1/registries/${r.id}/repositories`);
    expect(repos.status).toBe(403);
    expect(repos.body.error.message).toContain(`registry "${P}-wrong" rejected the credentials`);
    // Fixing the password through PATCH makes it work; omitting it later keeps it.
    const fixed = await admin.send<RegistryRecord>("PATCH", `/api/v1/registries/${r.id}`, {
      password: AUTH_PW,
    });
    expect(fixed.body.hasPassword).toBe(true);
    const renamed = await admin.send<RegistryRecord>("PATCH", `/api/v1/registries/${r.id}`, {
      name: `${P}-fixed`,
    });
    expect(renamed.body).toMatchObject({ name: `${P}-fixed`, hasPassword: true });
    expect((await admin.get(`/api/v1/registries/${r.id}/repositories`)).status).toBe(200);
  });
});

describe("an unreachable registry", () => {
  it("answers 502 with the registry's name and the reason, quickly", async () => {
    const r = await addRegistry({ name: `${P}-gone`, url: "http://127.0.0.1:5999" });
    const started = Date.now();
    const res = await admin.get<ErrorReply>(`/api/v1/registries/${r.id}/repositories`);
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe("ENGINE_UNREACHABLE");
    expect(res.body.error.message).toMatch(
      /registry ".*-gone" at http:\/\/127\.0\.0\.1:5999 is unreachable: .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(11_000);
    expect((await admin.send("DELETE", `/api/v1/registries/${r.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/registries/${r.id}`)).status).toBe(404);
  });
});

describe("permissions", () => {
  it("lets a viewer browse, without usernames, and refuses changes with 403", async () => {
    const list = await viewer.get<{ items: RegistryRecord[] }>("/api/v1/registries");
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((r) => r.username === undefined)).toBe(true);
    expect((await viewer.get(`/api/v1/registries/${openId}/repositories`)).status).toBe(200);
    expect((await viewer.get(`/api/v1/registries/${openId}/repositories/busybox/tags/1.35`)).status).toBe(
      200,
    );
    const tries: [string, string, unknown][] = [
      ["POST", "/api/v1/registries", { name: `${P}-v`, url: OPEN }],
      ["PATCH", `/api/v1/registries/${openId}`, { name: `${P}-v` }],
      ["DELETE", `/api/v1/registries/${openId}`, undefined],
      ["DELETE", `/api/v1/registries/${openId}/repositories/busybox/tags/1.35`, undefined],
    ];
    for (const [method, path, body] of tries) {
      expect((await viewer.send(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });
});

describe("deleting a tag", () => {
  const repo = "wharf-it-del";
  const ref = `localhost:${new URL(OPEN).port}/${repo}:${RUN_ID}`;

  afterAll(async () => {
    await docker("local", "rmi", ref).catch(() => "");
  });

  it("deletes the pushed tag's manifest by digest, and the registry no longer lists it", async () => {
    await docker("local", "tag", "local/idle:1", ref);
    await docker("local", "push", "-q", ref);
    const tags = `/api/v1/registries/${openId}/repositories/${repo}/tags`;
    expect((await admin.get<RegistryPage>(tags)).body.items).toContain(RUN_ID);
    const res = await admin.send<{ ok: boolean; digest: string }>("DELETE", `${tags}/${RUN_ID}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.digest).toMatch(/^sha256:/);
    expect((await admin.get<RegistryPage>(tags)).body.items).not.toContain(RUN_ID);
    expect((await admin.get(`${tags}/${RUN_ID}`)).status).toBe(404);
    const audit = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=registry.tag.delete");
    expect(audit.body.items[0]).toMatchObject({ result: "ok", target: `${repo}:${RUN_ID}` });
  });
});
