import { AppError } from "../../lib/errors";
import { manages, type Grant } from "../../lib/grants";
import type { SessionRecord, TokenRecord, UserRecord } from "../../lib/types";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { isScoped } from "./targets";

/** A user or token record as the grant it holds. */
export const grantOf = (r: Pick<UserRecord | TokenRecord, "role" | "hosts" | "labelSelector">): Grant => ({
  role: r.role,
  scope: r.labelSelector ? { hosts: r.hosts, labelSelector: r.labelSelector } : { hosts: r.hosts },
});

/** The users a principal manages; others answer 404, alike for one that does not exist. */
export function userInScope(ctx: AppContext, p: Principal, id: number): UserRecord {
  const u = ctx.users.findById(id);
  if (!u || !manages(p, grantOf(u))) throw new AppError("NOT_FOUND", `unknown user ${id}`);
  return u;
}

export function tokenInScope(ctx: AppContext, p: Principal, id: number): TokenRecord {
  const t = ctx.tokens.list().find((x) => x.id === id);
  if (!t || !manages(p, grantOf(t))) throw new AppError("NOT_FOUND", `unknown token ${id}`);
  return t;
}

export const usersInScope = (ctx: AppContext, p: Principal) =>
  ctx.users.list().filter((u) => manages(p, grantOf(u)));

export const tokensInScope = (ctx: AppContext, p: Principal) =>
  ctx.tokens.list().filter((t) => manages(p, grantOf(t)));

/** Sessions of the users the principal manages. */
export function sessionsInScope(ctx: AppContext, p: Principal): SessionRecord[] {
  const all = ctx.sessions.list();
  if (!isScoped(p)) return all;
  const ids = new Set(usersInScope(ctx, p).map((u) => u.id));
  return all.filter((s) => ids.has(s.userId));
}

/**
 * Whose audit entries a principal may read: an unscoped admin reads all; a scoped one reads those of
 * the users and tokens it manages, on hosts in its scope or on none.
 */
export function auditFilter(ctx: AppContext, p: Principal): { users?: string[]; hosts?: string[] } {
  if (!isScoped(p)) return {};
  const users = [
    ...usersInScope(ctx, p).map((u) => u.username),
    ...tokensInScope(ctx, p).map((t) => `token:${t.name}`),
  ];
  return { users, ...(p.scope.hosts === "*" ? {} : { hosts: p.scope.hosts }) };
}
