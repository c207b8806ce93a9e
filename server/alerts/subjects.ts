import type { Rule, RuleScope } from "../../lib/alerts";
import { parseLabelSelector } from "../../lib/container-filter";
import type { AlertStore, Firing, StoredAlert } from "./alert-store";

export const PROJECT = "com.docker.compose.project";
const SERVICE = "com.docker.compose.service";

/** A container an alert is about. */
export interface Subject {
  hostId: string;
  id: string;
  name: string;
  labels: Record<string, string>;
}

/** What a rule checker does with what it finds: open (or count into) an alert, or resolve one. */
export interface AlertActions {
  readonly store: AlertStore;
  fire(rule: Rule, f: Firing): void;
  resolve(rule: Rule | undefined, a: StoredAlert): void;
}

export function ruleMatches(scope: RuleScope, hostId: string, labels: Record<string, string>): boolean {
  if (scope.hosts?.length && !scope.hosts.includes(hostId)) return false;
  if (scope.labelSelector) {
    const { key, value } = parseLabelSelector(scope.labelSelector);
    if (value === undefined ? !Object.hasOwn(labels, key) : labels[key] !== value) return false;
  }
  if (scope.stack && labels[PROJECT] !== scope.stack) return false;
  if (scope.service && labels[SERVICE] !== scope.service) return false;
  return true;
}

export function firingOf(c: Subject, summary: string, details: Firing["details"]): Firing {
  return {
    subject: c.id,
    hostId: c.hostId,
    containerId: c.id,
    containerName: c.name,
    ...(c.labels[PROJECT] ? { project: c.labels[PROJECT] } : {}),
    ...(c.labels[SERVICE] ? { service: c.labels[SERVICE] } : {}),
    labels: c.labels,
    summary,
    details,
  };
}
