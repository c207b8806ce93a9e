import type { EngineService, EngineTask } from "./engine-types";

/**
 * Why a service's update was rolled back or paused. The engine says it only while the rollback or
 * pause lasts ("update rolled back due to failure or early termination of task …") and ends with
 * "rollback completed", so what was seen then (`known`) is kept. When that window was missed, the
 * newest task that failed or was rejected since the update began is the cause, in Wharf's words.
 */
export function updateCause(
  service: EngineService,
  tasks?: EngineTask[],
  known?: string,
): string | undefined {
  const status = service.UpdateStatus;
  const state = status?.State;
  if (!state || state === "updating" || state === "completed") return undefined;
  if (/^(rollback_started|paused|rollback_paused)$/.test(state) && status.Message) return status.Message;
  if (state !== "rollback_completed" || known || !tasks) return known;
  const since = status.StartedAt ?? "";
  const failed = tasks
    .filter((t) => /^(failed|rejected)$/.test(t.Status?.State ?? "") && (t.Status?.Timestamp ?? "") >= since)
    .sort((a, b) => (b.Status?.Timestamp ?? "").localeCompare(a.Status?.Timestamp ?? ""))[0];
  if (!failed) return undefined;
  const why = failed.Status?.Err ?? failed.Status?.Message;
  return `rolled back after task ${failed.ID.slice(0, 12)} ${failed.Status?.State}${why ? `: ${why}` : ""}`;
}
