import { AppError } from "../../../lib/errors";
import { loginSchema } from "../../../lib/schemas";
import { assertCsrf, isSecureRequest, sessionCookie } from "../../auth/request-auth";
import { SESSION_COOKIE } from "../../auth/sessions";
import type { AppContext } from "../../context";
import { clientIp, parseWith } from "../http";
import type { Router } from "../router";

export function registerAuthRoutes(router: Router, ctx: AppContext): void {
  const secure = (req: Parameters<typeof isSecureRequest>[0]) =>
    ctx.config.secureCookies === "always" || (ctx.config.secureCookies === "auto" && isSecureRequest(req));

  router.add({
    method: "POST",
    path: "/api/v1/auth/login",
    access: "public",
    summary: "Sign in; sets the session cookie",
    handler: async ({ req, res, body }) => {
      // Login sets a cookie, so a cross-site page must not be able to log a victim in to an attacker's account.
      assertCsrf(req);
      const { username, password } = parseWith(loginSchema, await body());
      const user = await ctx.users.authenticate(username, password);
      if (!user) throw new AppError("UNAUTHENTICATED", "wrong username or password");
      const { token, session } = ctx.sessions.create(user, {
        ip: clientIp(req),
        userAgent: req.headers["user-agent"],
      });
      res.setHeader("set-cookie", sessionCookie(token, (session.expiresAt - Date.now()) / 1000, secure(req)));
      return { user };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/auth/logout",
    access: "session",
    summary: "End the current session",
    handler: async ({ req, res, session }) => {
      if (session) ctx.sessions.revoke(session.id);
      res.setHeader("set-cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
      void req;
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/auth/me",
    access: "session",
    summary: "The signed-in user",
    handler: async ({ user }) => ({ user }),
  });
}
