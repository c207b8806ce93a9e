import type { SwarmService, SwarmTask } from "@/lib/swarm/types";

export interface Rollout {
  /** Tasks of the new spec running now. */
  updated: number;
  total: number;
  done: boolean;
  /** updating, paused, completed, rollback_… as the engine says. */
  state: string;
}

/**
 * How far a service's update has come: a task made since the update started and running now is
 * updated. The engine's own "completed" ends it whatever the count says (tasks may be replaced by
 * the time it is read). Undefined when the service never had an update.
 */
export function rolloutOf(service: SwarmService, tasks: SwarmTask[]): Rollout | undefined {
  const status = service.updateStatus;
  if (!status) return undefined;
  const started = status.startedAt ? Date.parse(status.startedAt) : NaN;
  const live = tasks.filter((t) => t.desiredState === "running");
  const total = service.mode === "replicated" ? service.replicas : live.length;
  const fresh = live.filter(
    (t) => t.state === "running" && (Number.isNaN(started) || Date.parse(t.createdAt ?? "") >= started),
  ).length;
  const done = status.state === "completed" || status.state === "rollback_completed";
  return { updated: done ? total : Math.min(fresh, total), total, done, state: status.state };
}
