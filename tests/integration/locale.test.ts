import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../lib/types";
import { RUN_ID, login, startServer, userClient, type Client, type TestServer } from "./harness";

const P = `${RUN_ID}-lc`;

let srv: TestServer;
let admin: Client;

beforeAll(async () => {
  srv = await startServer();
  admin = await login(srv.base);
});

afterAll(async () => {
  await srv?.stop();
});

/** Every Set-Cookie of a reply, by cookie name. */
function cookiesOf(res: Response): Map<string, string> {
  return new Map(
    res.headers.getSetCookie().map((c) => {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      return [pair.slice(0, at), c] as const;
    }),
  );
}

const signIn = (username: string, password: string) =>
  fetch(`${srv.base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
    body: JSON.stringify({ username, password }),
  });

type Me = { user: { locale?: string } };
type ErrorReply = { error: { code: string; message: string; details?: unknown; messageKey?: string } };

describe("a user's language", () => {
  it("is stored with the user, answered by /auth/me, and carried by a cookie from each sign-in", async () => {
    const user = await userClient(srv.base, admin, { username: `${P}-zh`, role: "viewer" });
    expect((await user.get<Me>("/api/v1/auth/me")).body.user.locale).toBeUndefined();

    const set = await fetch(`${srv.base}/api/v1/auth/locale`, {
      method: "PUT",
      headers: { cookie: user.cookie, "x-wharf-csrf": "1", "content-type": "application/json" },
      body: JSON.stringify({ locale: "zh-CN" }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ locale: "zh-CN" });
    expect(cookiesOf(set).get("wharf-locale")).toMatch(/^wharf-locale=zh-CN;.*Max-Age=\d{6,}/);
    expect((await user.get<Me>("/api/v1/auth/me")).body.user.locale).toBe("zh-CN");

    // Another browser: signing in brings the stored language with it.
    const again = await signIn(`${P}-zh`, `pw-${P}-zh-123`);
    expect(again.status).toBe(200);
    expect(cookiesOf(again).get("wharf-locale")).toMatch(/^wharf-locale=zh-CN;/);

    // Signing out clears it, so the sign-in page follows the browser again.
    const out = await fetch(`${srv.base}/api/v1/auth/logout`, {
      method: "POST",
      headers: { cookie: user.cookie, "x-wharf-csrf": "1" },
    });
    expect(out.status).toBe(200);
    expect(cookiesOf(out).get("wharf-locale")).toMatch(/^wharf-locale=;.*Max-Age=0/);
  });

  it("can be cleared to follow the browser, and a sign-in then clears the cookie", async () => {
    const user = await userClient(srv.base, admin, { username: `${P}-back`, role: "viewer" });
    expect((await user.send("PUT", "/api/v1/auth/locale", { locale: "zh-CN" })).status).toBe(200);
    const cleared = await user.send<{ locale: string | null }>("PUT", "/api/v1/auth/locale", {
      locale: null,
    });
    expect(cleared).toEqual({ status: 200, body: { locale: null } });
    expect((await user.get<Me>("/api/v1/auth/me")).body.user.locale).toBeUndefined();
    const again = await signIn(`${P}-back`, `pw-${P}-back-123`);
    expect(cookiesOf(again).get("wharf-locale")).toMatch(/^wharf-locale=;.*Max-Age=0/);
  });

  it("refuses a language Wharf does not have, naming the field, and changes nothing", async () => {
    const user = await userClient(srv.base, admin, { username: `${P}-bad`, role: "viewer" });
    for (const locale of ["fr", "zh", "", 7, { en: true }]) {
      const r = await user.send<ErrorReply>("PUT", "/api/v1/auth/locale", { locale });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/^locale: /);
    }
    const extra = await user.send<ErrorReply>("PUT", "/api/v1/auth/locale", { locale: "en", role: "admin" });
    expect(extra.status).toBe(400);
    expect((await user.get<Me>("/api/v1/auth/me")).body.user.locale).toBeUndefined();
  });

  it("is a user's own: an API token has none, and the route needs a session or token", async () => {
    const made = await admin.send<{ token: string }>("POST", "/api/v1/tokens", {
      name: `${P}-tok`,
      role: "viewer",
    });
    expect(made.status).toBe(201);
    const byToken = await fetch(`${srv.base}/api/v1/auth/locale`, {
      method: "PUT",
      headers: { authorization: `Bearer ${made.body.token}`, "content-type": "application/json" },
      body: JSON.stringify({ locale: "zh-CN" }),
    });
    expect(byToken.status).toBe(403);
    expect(((await byToken.json()) as ErrorReply).error.messageKey).toBe("auth.tokenNoLocale");
    const anonymous = await fetch(`${srv.base}/api/v1/auth/locale`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
      body: JSON.stringify({ locale: "zh-CN" }),
    });
    expect(anonymous.status).toBe(401);
  });

  it("touches only the caller: a label-scoped user cannot set another user's language", async () => {
    const victim = await userClient(srv.base, admin, { username: `${P}-victim`, role: "viewer" });
    const scoped = await userClient(srv.base, admin, {
      username: `${P}-team`,
      role: "operator",
      labelSelector: `team=${P}`,
    });
    for (const target of [victim.id, String(victim.id), `${P}-victim`]) {
      for (const extra of [{ userId: target }, { id: target }, { username: target }]) {
        const r = await scoped.send("PUT", "/api/v1/auth/locale", { locale: "zh-CN", ...extra });
        expect(r.status).toBe(400);
      }
    }
    expect((await scoped.send("PUT", "/api/v1/auth/locale", { locale: "zh-CN" })).status).toBe(200);
    expect((await victim.get<Me>("/api/v1/auth/me")).body.user.locale).toBeUndefined();
    expect((await scoped.get<Me>("/api/v1/auth/me")).body.user.locale).toBe("zh-CN");
  });

  it("is audited", async () => {
    const user = await userClient(srv.base, admin, { username: `${P}-au`, role: "viewer" });
    await user.send("PUT", "/api/v1/auth/locale", { locale: "en" });
    const log = await admin.get<{ items: AuditEntry[] }>(`/api/v1/audit?user=${P}-au`);
    const entry = log.body.items.find((e) => e.action === "user.locale.change");
    expect(entry).toMatchObject({ user: `${P}-au`, result: "ok", params: { locale: "en" } });
  });

  it("keys a wrong sign-in so the browser can say it in the user's language", async () => {
    const r = await signIn(`${P}-nobody`, "not-the-password");
    expect(r.status).toBe(401);
    const body = (await r.json()) as ErrorReply;
    expect(body.error).toMatchObject({ code: "UNAUTHENTICATED", messageKey: "auth.badCredentials" });
    expect(body.error.message).toBe("wrong username or password");
  });
});
