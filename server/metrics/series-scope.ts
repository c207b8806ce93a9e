import { AppError } from "../../lib/errors";
import { scopeAllowsLabels } from "../../lib/permissions";
import type { Principal } from "../auth/principal";
import type { HistoryStore, SeriesInfo } from "./history-store";

/**
 * The stored series of a container inside the caller's scope, by full id, name (its newest
 * container) or unique id prefix. The container may be gone: the labels kept with the series are
 * what a label scope is checked against. Another team's series answers exactly as a missing one.
 */
export function seriesInScope(
  store: HistoryStore,
  hostId: string,
  p: Principal,
  ref: string | undefined,
): SeriesInfo {
  const wanted = ref ?? "";
  const visible = store
    .findContainerSeries(hostId, wanted)
    .filter((s) => scopeAllowsLabels(p.scope, s.labels));
  const exact =
    visible.find((s) => s.containerId === wanted) ??
    visible.find((s) => s.name === wanted.replace(/^\//, ""));
  if (exact) return exact;
  if (visible.length > 1)
    throw new AppError(
      "VALIDATION",
      `id: "${wanted}" matches ${visible.length} containers' history; give more of the id`,
    );
  const only = visible[0];
  if (!only) throw new AppError("NOT_FOUND", `no stats history for container "${wanted}" on host ${hostId}`);
  return only;
}
