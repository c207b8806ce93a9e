"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { HistoryAnswer } from "@/lib/metrics";
import {
  HISTORY_RANGES,
  historyKey,
  historyRefreshMs,
  historyUrl,
  type HistoryRange,
  type HistorySource,
} from "./history-source";
import { historyFailure } from "./history-view";

/** The metrics the charts draw. */
export const CHART_METRICS = ["cpu", "memory", "netRx", "netTx", "blkRead", "blkWrite", "pids"] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

/** Each drawn metric's answer over one range, and the range's window in seconds. */
export type HistoryAnswers = Record<ChartMetric, HistoryAnswer> & { span: [number, number] };

/** A source's stored stats over a range, every drawn metric over the same window, asked again as points come. */
export function useHistoryQuery(source: HistorySource, range: HistoryRange) {
  return useQuery({
    queryKey: historyKey(source, range),
    queryFn: async (): Promise<HistoryAnswers> => {
      const to = Date.now();
      const from = to - HISTORY_RANGES[range];
      const answers = await Promise.all(
        CHART_METRICS.map((m) => api<HistoryAnswer>(historyUrl(source, m, from, to))),
      );
      return {
        ...(Object.fromEntries(CHART_METRICS.map((m, i) => [m, answers[i]])) as Record<
          ChartMetric,
          HistoryAnswer
        >),
        span: [from / 1000, to / 1000],
      };
    },
    refetchInterval: (q) => historyRefreshMs(range, !!q.state.data && !q.state.data.cpu.points.length),
    // A scope short of the host, or a container not sampled yet, answers the same when asked again.
    retry: (count, error) => historyFailure(error) === "failed" && count < 1,
  });
}
