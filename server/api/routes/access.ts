import { z } from "zod";
import { AppError } from "../../../lib/errors";
import { auditQuerySchema, numericIdSchema, tokenCreateSchema } from "../../../lib/schemas";
import { auditCsv } from "../../audit/audit-log";
import type { AppContext } from "../../context";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { defaultScope, requireGrantable } from "../../../lib/grants";
import { auditFilter, sessionsInScope, tokenInScope, tokensInScope } from "../../scope/principals";
import { principalOf } from "../targets";

const sessionIdSchema = z.string().regex(/^[a-f0-9]{64}$/, "must be a session id");

/** Sessions, API tokens and the audit log: the admin's view of who can do what, and who did. */
export function registerAccessRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/sessions",
    access: "admin",
    scope: "principals",
    summary: "Active sessions of every user inside the caller's scope",
    handler: (rc) => ({
      items: sessionsInScope(ctx, principalOf(rc)).map((s) => ({ ...s, current: s.id === rc.session?.id })),
    }),
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/sessions/:id",
    access: "admin",
    scope: "principals",
    audit: "session.revoke",
    summary: "Revoke a session; its open sockets are closed at once",
    handler: (rc) => {
      const id = parseWith(sessionIdSchema, rc.params.id, "id: ");
      const mine = sessionsInScope(ctx, principalOf(rc)).some((s) => s.id === id);
      if (!mine || !ctx.sessions.revoke(id)) throw new AppError("NOT_FOUND", "no such session");
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/tokens",
    access: "admin",
    scope: "principals",
    summary: "API tokens inside the caller's scope (never their secret)",
    handler: (rc) => ({ items: tokensInScope(ctx, principalOf(rc)) }),
  });

  router.add({
    method: "POST",
    path: "/api/v1/tokens",
    access: "admin",
    scope: "principals",
    audit: "token.create",
    status: 201,
    summary: "Create an API token for automation; the token is in this answer only",
    handler: async (rc) => {
      const p = principalOf(rc);
      const b = parseWith(tokenCreateSchema, await rc.body());
      rc.audit.target = b.name;
      const scope = defaultScope(b, p.scope);
      requireGrantable({ role: b.role, scope }, p);
      const { token, record } = ctx.tokens.create(b.name, b.role, scope, p.name);
      return { token, item: record };
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/tokens/:id",
    access: "admin",
    scope: "principals",
    audit: "token.revoke",
    summary: "Revoke an API token",
    handler: (rc) => {
      const id = parseWith(numericIdSchema, rc.params.id, "id: ");
      tokenInScope(ctx, principalOf(rc), id);
      const t = ctx.tokens.revoke(id);
      rc.audit.target = t.name;
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/audit",
    access: "admin",
    scope: "principals",
    summary:
      "The audit log, newest first; filters user, hostId, action (prefix), from, to (epoch ms); format=csv",
    handler: (rc) => {
      const q = parseWith(auditQuerySchema, queryObject(rc.query), "query.");
      const items = ctx.audit.query({
        ...q,
        ...auditFilter(ctx, principalOf(rc)),
        limit: q.limit ?? (q.format === "csv" ? 10_000 : 200),
      });
      if (q.format !== "csv") return { items };
      rc.res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="wharf-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      });
      rc.res.end(auditCsv(items));
      return undefined;
    },
  });
}
