import { parseLabelSelector } from "./container-filter";
import { AppError } from "./errors";
import { ROLES, type Role, type Scope } from "./permissions";

/**
 * No escalation: a principal never grants more than it holds. Who may see and manage a user or
 * token is decided here too, so a scoped admin manages only the principals inside its own scope.
 */

export interface Grant {
  role: Role;
  scope: Scope;
}

const rank = (r: Role) => ROLES.indexOf(r);

/** A label selector `inner` selects only what `outer` does: the same, or `key=value` under `key`. */
function selectorWithin(inner: string | undefined, outer: string | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (inner === outer) return true;
  const o = parseLabelSelector(outer);
  const i = parseLabelSelector(inner);
  return o.value === undefined && i.key === o.key;
}

/** Every host and container `inner` reaches, `outer` reaches too. */
export function scopeWithin(inner: Scope, outer: Scope): boolean {
  if (outer.hosts !== "*") {
    if (inner.hosts === "*") return false;
    const allowed = outer.hosts;
    if (!inner.hosts.every((h) => allowed.includes(h))) return false;
  }
  return selectorWithin(inner.labelSelector, outer.labelSelector);
}

/** A grant that asks for no more than the granter holds. */
export const grantWithin = (g: Grant, granter: Grant) =>
  rank(g.role) <= rank(granter.role) && scopeWithin(g.scope, granter.scope);

/** A scoped admin sees and manages a user or token only when it lies inside the admin's own scope. */
export const manages = (actor: Grant, subject: Grant) => scopeWithin(subject.scope, actor.scope);

/**
 * The scope a new user or token gets when the request leaves parts out: the granter's own hosts and
 * label, so a scoped admin's "new user" is inside its scope by default.
 */
export function defaultScope(
  asked: { hosts?: "*" | string[]; labelSelector?: string },
  granter: Scope,
): Scope {
  const hosts = asked.hosts ?? granter.hosts;
  const labelSelector = asked.labelSelector ?? granter.labelSelector;
  return labelSelector ? { hosts, labelSelector } : { hosts };
}

/** Refuses a grant beyond the granter's own, naming the field that asks too much. */
export function requireGrantable(g: Grant, granter: Grant): void {
  if (rank(g.role) > rank(granter.role)) {
    throw new AppError("FORBIDDEN", `role: you may grant at most ${granter.role}, the role you hold`, {
      field: "role",
    });
  }
  const outer = granter.scope;
  if (outer.hosts !== "*") {
    const allowed = outer.hosts;
    const extra = g.scope.hosts === "*" ? ["*"] : g.scope.hosts.filter((h) => !allowed.includes(h));
    if (extra.length) {
      throw new AppError(
        "FORBIDDEN",
        `hosts: ${extra.includes("*") ? "all hosts" : extra.join(", ")} ${extra.length > 1 ? "are" : "is"} outside your scope; you may grant only ${allowed.join(", ") || "no hosts"}`,
        { field: "hosts" },
      );
    }
  }
  if (!selectorWithin(g.scope.labelSelector, outer.labelSelector)) {
    throw new AppError(
      "FORBIDDEN",
      `labelSelector: must stay within ${outer.labelSelector ?? ""}, the label your access is limited to`,
      { field: "labelSelector" },
    );
  }
}
