import { AppError } from "../../../lib/errors";
import { localeChangeSchema, loginSchema, passwordChangeSchema } from "../../../lib/schemas";
import { assertCsrf, isSecureRequest, localeCookie, sessionCookie } from "../../auth/request-auth";
import { SESSION_COOKIE } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { clientIp, parseWith } from "../http";
import type { RequestContext, Router } from "../router";
import { principalOf } from "../targets";
import { fieldError } from "../../../lib/parse";

export function registerAuthRoutes(router: Router, ctx: AppContext): void {
  const localeOf = (userId: number) => {
    const locale = ctx.users.findById(userId)?.locale;
    return locale ? { locale } : {};
  };
  const secure = (rc: RequestContext) =>
    ctx.config.secureCookies === "always" || (ctx.config.secureCookies === "auto" && isSecureRequest(rc.req));
  const startSession = (rc: RequestContext, user: Parameters<AppContext["sessions"]["create"]>[0]) => {
    const { token, session } = ctx.sessions.create(user, {
      ip: clientIp(rc.req),
      userAgent: rc.req.headers["user-agent"],
    });
    rc.res.setHeader("set-cookie", [
      sessionCookie(token, (session.expiresAt - Date.now()) / 1000, secure(rc)),
      localeCookie(user.locale, secure(rc)),
    ]);
  };

  router.add({
    method: "POST",
    path: "/api/v1/auth/login",
    access: "public",
    scope: "public",
    audit: "auth.login",
    summary: "Sign in; sets the session cookie. 429 with Retry-After after too many failures",
    handler: async (rc) => {
      // Login sets a cookie, so a cross-site page must not be able to log a victim in to an attacker's account.
      assertCsrf(rc.req);
      const { username, password } = parseWith(loginSchema, await rc.body());
      rc.audit.user = username;
      rc.audit.params = { username };
      const ip = [clientIp(rc.req)];
      const user = [username.toLowerCase()];
      const { ip: ipLimit, user: userLimit } = ctx.loginLimiter;
      const wait = Math.max(ipLimit.retryAfter(ip), userLimit.retryAfter(user));
      if (wait > 0) {
        throw new AppError("RATE_LIMITED", `too many failed sign-ins; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        }).keyed("auth.rateLimited", { seconds: wait });
      }
      const found = await ctx.users.authenticate(username, password);
      if (!found) {
        ipLimit.fail(ip);
        userLimit.fail(user);
        throw new AppError("UNAUTHENTICATED", "wrong username or password").keyed("auth.badCredentials");
      }
      startSession(rc, found);
      const { disabled: _d, createdAt: _c, ...sessionUser } = found;
      return { user: sessionUser };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/auth/logout",
    access: "self",
    scope: "self",
    audit: "auth.logout",
    summary: "End the current session",
    handler: (rc) => {
      if (rc.session) ctx.sessions.revoke(rc.session.id);
      rc.res.setHeader("set-cookie", [
        `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
        // Signed out, the browser's own languages choose again.
        localeCookie(undefined, secure(rc)),
      ]);
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/auth/me",
    access: "self",
    scope: "self",
    summary: "The signed-in user or token, with role and scope",
    handler: (rc) => {
      const p = principalOf(rc);
      return {
        user: {
          id: p.id,
          username: p.name,
          role: p.role,
          kind: p.kind,
          hosts: p.scope.hosts,
          labelSelector: p.scope.labelSelector,
          ...(p.kind === "user" ? localeOf(p.id) : {}),
        },
      };
    },
  });

  router.add({
    method: "PUT",
    path: "/api/v1/auth/locale",
    access: "self",
    scope: "self",
    audit: "user.locale.change",
    summary: "Set your own language (en or zh-CN), or null to follow the browser",
    handler: async (rc) => {
      const p = principalOf(rc);
      if (p.kind !== "user") {
        throw new AppError("FORBIDDEN", "API tokens have no language of their own").keyed(
          "auth.tokenNoLocale",
        );
      }
      const { locale } = parseWith(localeChangeSchema, await rc.body());
      rc.audit.params = { locale };
      rc.audit.target = p.name;
      const user = ctx.users.setLocale(p.id, locale ?? undefined);
      rc.res.setHeader("set-cookie", localeCookie(user.locale, secure(rc)));
      return { locale: user.locale ?? null };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/auth/password",
    access: "self",
    scope: "self",
    audit: "user.password.change",
    summary: "Change your own password; every session of yours ends and this one is renewed",
    handler: async (rc) => {
      const p = principalOf(rc);
      if (p.kind !== "user")
        throw new AppError("FORBIDDEN", "API tokens have no password").keyed("auth.tokenNoPassword");
      const body = parseWith(passwordChangeSchema, await rc.body());
      rc.audit.params = {};
      rc.audit.target = p.name;
      if (!(await ctx.users.verifyOwnPassword(p.id, body.currentPassword))) {
        throw fieldError("currentPassword", "is not your current password").keyed(
          "auth.wrongCurrentPassword",
        );
      }
      const user = await ctx.users.update(p.id, { password: body.newPassword });
      ctx.sessions.revokeForUser(p.id);
      startSession(rc, user);
      return { ok: true };
    },
  });
}
