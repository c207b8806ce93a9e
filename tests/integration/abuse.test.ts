import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_MAX_FAILURES_PER_USER } from "../../server/app";
import {
  RUN_ID,
  connectSocket,
  login,
  startServer,
  userClient,
  waitFor,
  type Client,
  type TestServer,
} from "./harness";

let srv: TestServer;
let admin: Client;
const P = `${RUN_ID}-ab`;

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
});

afterAll(async () => {
  await srv?.stop();
});

const attempt = (username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${srv.base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-wharf-csrf": "1", ...headers },
    body: JSON.stringify({ username, password }),
  });

describe("login rate limiting", () => {
  it("answers 429 with Retry-After within 20 wrong passwords, then refuses even the right one", async () => {
    const victim = await userClient(srv.base, admin, { username: `${P}-victim`, role: "viewer" });
    void victim;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r = await attempt(`${P}-victim`, `wrong-${i}`);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get("retry-after");
    }
    expect(statuses.slice(0, LOGIN_MAX_FAILURES_PER_USER).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_MAX_FAILURES_PER_USER).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await attempt(`${P}-victim`, `pw-${P}-victim-123`)).status).toBe(429);
  });

  it("limits an unknown username exactly like a real one, with the same words", async () => {
    const real: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_USER + 1; i++) {
      real.push(`${(await attempt(`${P}-victim`, "x-wrong")).status}`);
      const g = await attempt(`${P}-nobody`, "x-wrong");
      ghost.push(`${g.status} ${JSON.stringify(await g.json())}`);
    }
    expect(
      ghost
        .slice(0, LOGIN_MAX_FAILURES_PER_USER)
        .every((s) =>
          s.startsWith(
            '401 {"error":{"code":"UNAUTHENTICATED","message":"wrong username or password","messageKey":"auth.badCredentials"}}',
          ),
        ),
    ).toBe(true);
    expect(ghost.at(-1)).toMatch(/^429 /);
  });
});

describe("cross-site requests", () => {
  it("rejects a cross-origin POST without the CSRF header, with a cookie, and a login from another origin", async () => {
    const res = await fetch(`${srv.base}/api/v1/containers/bulk`, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: "https://evil.example", "content-type": "text/plain" },
      body: JSON.stringify({ action: "kill", targets: [{ hostId: "local", id: "x" }] }),
    });
    expect(res.status).toBe(403);
    expect((await attempt("admin", "whatever", { origin: "https://evil.example" })).status).toBe(403);
  });

  it("sends the security headers on pages and API answers", async () => {
    const res = await fetch(`${srv.base}/api/v1/health`);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});

describe("sockets follow their session", () => {
  const disconnected = (s: Awaited<ReturnType<typeof connectSocket>>) =>
    new Promise<number>((resolve) => s.once("disconnect", () => resolve(Date.now())));

  it("drops the socket of a session an admin revokes, within 5 s", async () => {
    const u = await userClient(srv.base, admin, { username: `${P}-rev`, role: "viewer" });
    const s = await connectSocket(srv.base, u.cookie);
    const gone = disconnected(s);
    const sessions = await admin.get<{ items: { id: string; username: string }[] }>("/api/v1/sessions");
    const target = sessions.body.items.find((x) => x.username === `${P}-rev`);
    const t0 = Date.now();
    expect((await admin.send("DELETE", `/api/v1/sessions/${target?.id}`)).status).toBe(200);
    expect((await gone) - t0).toBeLessThan(5000);
    expect((await u.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("drops the socket of a session that expires while connected, within 5 s", async () => {
    const u = await userClient(srv.base, admin, { username: `${P}-exp`, role: "viewer" });
    const s = await connectSocket(srv.base, u.cookie);
    const gone = disconnected(s);
    const t0 = Date.now();
    // Idle for longer than the idle timeout, as far as the store can tell.
    srv.wharf.ctx.db.prepare("UPDATE sessions SET last_seen_at = 0 WHERE user_id = ?").run(u.id);
    expect((await gone) - t0).toBeLessThan(5000);
  });

  it("ends the user's other sessions when they change their password, and keeps the changer signed in", async () => {
    const a = await userClient(srv.base, admin, { username: `${P}-pw`, role: "viewer" });
    const b = await login(srv.base, `pw-${P}-pw-123`, `${P}-pw`);
    const s = await connectSocket(srv.base, b.cookie);
    const gone = disconnected(s);
    const res = await fetch(`${srv.base}/api/v1/auth/password`, {
      method: "POST",
      headers: { cookie: a.cookie, "x-wharf-csrf": "1", "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: `pw-${P}-pw-123`, newPassword: "brand-new-password" }),
    });
    expect(res.status).toBe(200);
    await gone;
    expect((await b.get("/api/v1/auth/me")).status).toBe(401);
    expect((await a.get("/api/v1/auth/me")).status).toBe(401);
    const renewed = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = await fetch(`${srv.base}/api/v1/auth/me`, { headers: { cookie: renewed } });
    expect(me.status).toBe(200);
    await waitFor(
      async () => (await login(srv.base, "brand-new-password", `${P}-pw`)) || undefined,
      2000,
      "login with the new password",
    );
  });

  it("refuses to let a user disable, demote or delete themselves, or the last admin", async () => {
    const me = await admin.get<{ user: { id: number } }>("/api/v1/auth/me");
    expect((await admin.send("PATCH", `/api/v1/users/${me.body.user.id}`, { disabled: true })).status).toBe(
      409,
    );
    expect((await admin.send("DELETE", `/api/v1/users/${me.body.user.id}`)).status).toBe(409);
  });
});
