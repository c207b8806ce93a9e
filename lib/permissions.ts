import { alertIsLabelled, type AlertView } from "./alerts";
import { parseLabelSelector } from "./container-filter";

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/**
 * read: see what is in scope. operate: lifecycle, logs, exec, pull, limits.
 * admin: everything, plus users, tokens, hosts, registries and the audit log.
 */
export const PERMISSIONS = ["read", "operate", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const RANK = { viewer: 0, operator: 1, admin: 2 } as const satisfies Record<Role, number>;
const NEEDS = { read: 0, operate: 1, admin: 2 } as const satisfies Record<Permission, number>;

export function roleAllows(role: Role, permission: Permission): boolean {
  return RANK[role] >= NEEDS[permission];
}

/** Where a user or token may look: all hosts or a list, and optionally only containers with one label. */
export interface Scope {
  hosts: "*" | string[];
  labelSelector?: string;
}

export function scopeAllowsHost(scope: Scope, hostId: string): boolean {
  return scope.hosts === "*" || scope.hosts.includes(hostId);
}

export function scopeAllowsLabels(scope: Scope, labels: Record<string, string> | null | undefined): boolean {
  if (!scope.labelSelector) return true;
  const { key, value } = parseLabelSelector(scope.labelSelector);
  const l = labels ?? {};
  return value === undefined ? Object.hasOwn(l, key) : l[key] === value;
}

/**
 * Whether a scope sees every container on its hosts, and so a host's totals and their history; a
 * label-scoped one sees only its own containers' figures.
 */
export const seesWholeHosts = (scope: Pick<Scope, "labelSelector">): boolean => !scope.labelSelector;

/** An alert the scope may see: its host in scope, and under a label scope its container's or volume's labels. */
export function scopeAllowsAlert(
  scope: Scope,
  a: Pick<AlertView, "hostId" | "containerId" | "details"> & { labels: Record<string, string> },
): boolean {
  if (!scopeAllowsHost(scope, a.hostId)) return false;
  return alertIsLabelled(a) ? scopeAllowsLabels(scope, a.labels) : true;
}

export function describeScope(scope: Scope): string {
  const hosts = scope.hosts === "*" ? "all hosts" : scope.hosts.length ? scope.hosts.join(", ") : "no hosts";
  return scope.labelSelector ? `${hosts}, containers with ${scope.labelSelector}` : hosts;
}
