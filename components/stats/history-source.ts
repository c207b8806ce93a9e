import type { HistoryMetric } from "@/lib/metrics";
import { queryKeys } from "@/lib/query-keys";

export const HISTORY_RANGES = {
  "1h": 3600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};
export type HistoryRange = keyof typeof HISTORY_RANGES;
export const HISTORY_RANGE_KEYS = Object.keys(HISTORY_RANGES) as HistoryRange[];

/**
 * Whose stored stats a chart block draws: one container's; a compose service's, joined across its
 * containers' recreates (also while it has none); or a host's totals.
 */
export type HistorySource =
  | { kind: "container"; hostId: string; containerId: string }
  | { kind: "service"; hostId: string; project: string; service: string }
  | { kind: "host"; hostId: string };

const hostPath = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}`;

/** The history route of a source, for one metric over [from, to] (epoch ms). */
export function historyUrl(source: HistorySource, metric: HistoryMetric, from: number, to: number): string {
  const span = `metric=${metric}&from=${from}&to=${to}`;
  switch (source.kind) {
    case "host":
      return `${hostPath(source.hostId)}/history?${span}`;
    case "container":
      return `${hostPath(source.hostId)}/containers/${encodeURIComponent(source.containerId)}/history?${span}`;
    case "service":
      return `${hostPath(source.hostId)}/stacks/${encodeURIComponent(source.project)}/services/${encodeURIComponent(source.service)}/history?${span}`;
  }
}

/** The query key of a source's charts over a range. */
export function historyKey(source: HistorySource, range: HistoryRange) {
  switch (source.kind) {
    case "host":
      return queryKeys.hostHistory(source.hostId, range);
    case "container":
      return queryKeys.containerHistory(source.hostId, source.containerId, range);
    case "service":
      return queryKeys.serviceHistory(source.hostId, source.project, source.service, range);
  }
}

/**
 * A short range is asked again as often as a new 10 s point can come; a long one, once a minute.
 * A range with no point yet is asked every 10 s, so its first point shows when it comes.
 */
export const historyRefreshMs = (range: HistoryRange, empty = false) =>
  range === "1h" || empty ? 10_000 : 60_000;
