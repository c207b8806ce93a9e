import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../lib/types";
import {
  RUN_ID,
  login,
  removeByPrefix,
  runFixture,
  spawnServer,
  startServer,
  userClient,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

const P = `${RUN_ID}-au`;

describe("the audit log survives SIGKILL right after the reply", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-audit-"));
  afterAll(async () => {
    await removeByPrefix(P);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("has the restart entry with user and result after the server is killed", async () => {
    await runFixture("local", `${P}-k`, "local/idle:1");
    const { child, base } = await spawnServer(dataDir);
    const exited = new Promise((r) => child.once("exit", r));
    try {
      const admin = await login(base);
      await waitHostsUp(admin, ["local"]);
      const res = await admin.send("POST", `/api/v1/hosts/local/containers/${P}-k/restart`);
      child.kill("SIGKILL");
      expect(res.status).toBe(200);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    const db = new Database(path.join(dataDir, "wharf.db"), { readonly: true });
    const rows = db
      .prepare("SELECT user, host_id, target, action, result FROM audit_log WHERE action = ?")
      .all("container.restart");
    db.close();
    expect(rows).toEqual([
      { user: "admin", host_id: "local", target: `${P}-k`, action: "container.restart", result: "ok" },
    ]);
  });
});

describe("what the audit log records", () => {
  let srv: TestServer;
  let admin: Client;
  beforeAll(async () => {
    srv = await startServer();
    admin = await login(srv.base);
    await waitHostsUp(admin);
    await runFixture("local", `${P}-r`, "local/idle:1");
  });
  afterAll(async () => {
    await srv?.stop();
  });

  const audit = async (q = "") => (await admin.get<{ items: AuditEntry[] }>(`/api/v1/audit${q}`)).body.items;

  it("records failed logins without the password, and successful ones", async () => {
    await fetch(`${srv.base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
      body: JSON.stringify({ username: "admin", password: "definitely-wrong" }),
    });
    const logins = await audit("?action=auth.login");
    expect(logins[0]).toMatchObject({
      user: "admin",
      action: "auth.login",
      result: "error",
      ip: "127.0.0.1",
    });
    expect(logins.some((e) => e.result === "ok")).toBe(true);
    expect(JSON.stringify(logins)).not.toContain("definitely-wrong");
  });

  it("records a refused action with the engine's message, and user changes without secrets", async () => {
    await admin.send("POST", `/api/v1/hosts/local/containers/${P}-r/stop`);
    await admin.send("POST", `/api/v1/hosts/local/containers/${P}-r/pause`);
    const [pause] = await audit("?action=container.pause");
    expect(pause).toMatchObject({ user: "admin", hostId: "local", target: `${P}-r`, result: "error" });
    expect(pause?.error).toMatch(/CONFLICT: .*is not running/);
    const u = await userClient(srv.base, admin, { username: `${P}-v`, role: "viewer" });
    await admin.send("PATCH", `/api/v1/users/${u.id}`, { role: "operator", password: "a-new-password-1" });
    const [update] = await audit("?action=user.update");
    expect(update?.target).toBe(`${P}-v`);
    expect(update?.params).toMatchObject({
      before: { role: "viewer" },
      after: { role: "operator" },
      passwordReset: true,
    });
    const [create] = await audit("?action=user.create");
    expect(JSON.stringify(create?.params)).not.toContain(`pw-${P}-v-123`);
  });

  it("names what a refused call tried, and keeps the redacted body of a failed one", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-ro`, role: "viewer" });
    expect((await viewer.send("POST", `/api/v1/hosts/local/containers/${P}-r/restart`)).status).toBe(403);
    const [refused] = await audit(`?user=${P}-ro`);
    expect(refused).toMatchObject({ action: "container.restart", target: `${P}-r`, result: "error" });
    expect(refused?.error).toMatch(/^FORBIDDEN/);
    await admin.send("POST", "/api/v1/users", { username: `${P}-bad`, password: "short", role: "viewer" });
    const [failed] = await audit("?action=user.create");
    expect(failed).toMatchObject({
      result: "error",
      params: { username: `${P}-bad`, password: "[redacted]" },
    });
  });

  it("filters by user, host and time, and exports CSV", async () => {
    const from = Date.now() - 60_000;
    const items = await audit(`?user=admin&hostId=local&from=${from}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.user === "admin" && e.hostId === "local" && e.at >= from)).toBe(true);
    const csv = await fetch(`${srv.base}/api/v1/audit?format=csv&action=container`, {
      headers: { cookie: admin.cookie },
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("at,user,ip,hostId,target,action,result,error,params");
    expect(lines.some((l) => l.includes(",container.pause,error,"))).toBe(true);
  });

  it("is append-only in the database itself", () => {
    expect(() => srv.wharf.ctx.db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(() => srv.wharf.ctx.db.prepare("UPDATE audit_log SET user = 'x'").run()).toThrow(/append-only/);
  });
});
