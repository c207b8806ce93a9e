import { scopeAllowsHost, scopeAllowsLabels, type Scope } from "../../lib/permissions";
import type { StoredAlert } from "./alert-store";

/**
 * Whether a caller with `scope` may see an alert: its host must be in scope, and a container's alert
 * must match the label selector by the labels kept with it. Host-level alerts (a host down) are seen
 * by anyone with the host. The alert list and the live `alert:update` push both ask this.
 */
export function alertVisibleTo(
  scope: Scope,
  a: Pick<StoredAlert, "hostId" | "containerId" | "labels">,
): boolean {
  if (!scopeAllowsHost(scope, a.hostId)) return false;
  return a.containerId ? scopeAllowsLabels(scope, a.labels) : true;
}
