import type { Permission, Role, Scope } from "../../lib/permissions";
import { roleAllows, scopeAllowsHost } from "../../lib/permissions";
import { AppError } from "../../lib/errors";

/** Who is acting: a signed-in user or an API token, with its role and scope. */
export interface Principal {
  kind: "user" | "token";
  id: number;
  /** Username, or `token:<name>`; what the audit log records. */
  name: string;
  role: Role;
  scope: Scope;
  sessionId?: string;
}

export function requirePermission(p: Principal, permission: Permission): void {
  if (!roleAllows(p.role, permission)) {
    throw new AppError("FORBIDDEN", `the ${p.role} role may not do this (needs ${permission})`).keyed(
      "access.roleMayNot",
      { role: p.role, permission },
    );
  }
}

/** Out-of-scope hosts answer exactly like unknown ones, so a scoped user cannot probe for them. */
export function requireHostInScope(p: Principal, hostId: string): void {
  if (!scopeAllowsHost(p.scope, hostId))
    throw new AppError("NOT_FOUND", `unknown host "${hostId}"`, { hostId });
}

export function parseScopeColumn(hosts: string, labelSelector: string | null): Scope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(hosts);
  } catch {
    parsed = [];
  }
  const list =
    parsed === "*"
      ? "*"
      : Array.isArray(parsed)
        ? parsed.filter((h): h is string => typeof h === "string")
        : [];
  return labelSelector ? { hosts: list, labelSelector } : { hosts: list };
}
