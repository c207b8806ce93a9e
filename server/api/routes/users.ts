import { AppError } from "../../../lib/errors";
import { numericIdSchema, userCreateSchema, userUpdateSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import { parseWith } from "../http";
import type { Router } from "../router";
import { defaultScope, requireGrantable } from "../../../lib/grants";
import { userInScope, usersInScope } from "../../scope/principals";
import { principalOf } from "../targets";

export function registerUserRoutes(router: Router, ctx: AppContext): void {
  const userId = (params: Record<string, string>) => parseWith(numericIdSchema, params.id, "id: ");

  router.add({
    method: "GET",
    path: "/api/v1/users",
    access: "admin",
    scope: "principals",
    summary: "Every user inside the caller's scope, with role, scope and state",
    handler: (rc) => ({ items: usersInScope(ctx, principalOf(rc)) }),
  });

  router.add({
    method: "POST",
    path: "/api/v1/users",
    access: "admin",
    scope: "principals",
    audit: "user.create",
    status: 201,
    summary:
      "Create a user with a role and a host and label scope, no wider than the caller's own (by default the caller's own)",
    handler: async (rc) => {
      const p = principalOf(rc);
      const b = parseWith(userCreateSchema, await rc.body());
      rc.audit.target = b.username;
      const scope = defaultScope(b, p.scope);
      requireGrantable({ role: b.role, scope }, p);
      return ctx.users.create(b.username, b.password, b.role, scope);
    },
  });

  router.add({
    method: "PATCH",
    path: "/api/v1/users/:id",
    access: "admin",
    scope: "principals",
    audit: "user.update",
    summary: "Change a user's role, scope, disabled flag or password (ends their sessions when it matters)",
    handler: async (rc) => {
      const id = userId(rc.params);
      const b = parseWith(userUpdateSchema, await rc.body());
      const p = principalOf(rc);
      const before = userInScope(ctx, p, id);
      rc.audit.target = before.username;
      if (
        id === principalOf(rc).id &&
        principalOf(rc).kind === "user" &&
        (b.disabled || (b.role && b.role !== "admin"))
      ) {
        throw new AppError("CONFLICT", "you cannot disable or demote yourself; ask another admin");
      }
      const scope =
        b.hosts !== undefined || b.labelSelector !== undefined
          ? {
              hosts: b.hosts ?? before.hosts,
              ...((b.labelSelector === undefined ? before.labelSelector : b.labelSelector)
                ? {
                    labelSelector: (b.labelSelector === undefined
                      ? before.labelSelector
                      : b.labelSelector) as string,
                  }
                : {}),
            }
          : undefined;
      requireGrantable(
        {
          role: b.role ?? before.role,
          scope: scope ?? {
            hosts: before.hosts,
            ...(before.labelSelector ? { labelSelector: before.labelSelector } : {}),
          },
        },
        p,
      );
      const after = await ctx.users.update(id, {
        ...(b.role ? { role: b.role } : {}),
        ...(scope ? { scope } : {}),
        ...(b.disabled !== undefined ? { disabled: b.disabled } : {}),
        ...(b.password ? { password: b.password } : {}),
      });
      // Role and scope are read per request, but a reset password or a disabled account must end sessions now.
      if (b.password || b.disabled) ctx.sessions.revokeForUser(id);
      rc.audit.params = {
        before: {
          role: before.role,
          hosts: before.hosts,
          labelSelector: before.labelSelector,
          disabled: before.disabled,
        },
        after: {
          role: after.role,
          hosts: after.hosts,
          labelSelector: after.labelSelector,
          disabled: after.disabled,
        },
        passwordReset: !!b.password,
      };
      return after;
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/users/:id",
    access: "admin",
    scope: "principals",
    audit: "user.delete",
    summary: "Delete a user and end their sessions",
    handler: (rc) => {
      const id = userId(rc.params);
      userInScope(ctx, principalOf(rc), id);
      if (id === principalOf(rc).id && principalOf(rc).kind === "user") {
        throw new AppError("CONFLICT", "you cannot delete yourself; ask another admin");
      }
      const sessionIds = ctx.sessions.idsForUser(id);
      const u = ctx.users.delete(id);
      // The rows went with the user; this tells open sockets of those sessions to close.
      for (const sid of sessionIds) ctx.sessions.revoke(sid);
      const sessionsEnded = sessionIds.length;
      rc.audit.target = u.username;
      return { ok: true, sessionsEnded };
    },
  });
}
