"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import type { HistoryAnswer, HistoryMetric } from "@/lib/metrics";
import { queryKeys } from "@/lib/query-keys";
import type { StatsSample } from "@/lib/realtime/events";
import { formatPercent, formatRate } from "./format";
import { joinHistory, type Joined } from "./history-join";
import { TimeChart } from "./TimeChart";

export const HISTORY_RANGES = {
  "1h": 3600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};
export type HistoryRange = keyof typeof HISTORY_RANGES;

const METRICS = ["cpu", "memory", "netRx", "netTx", "blkRead", "blkWrite", "pids"] as const;
const COLORS = { a: "#4493f8", b: "#3fb950", c: "#d29922", d: "#f85149", peak: "#8b96a3" };
const RATE_FLOOR = 4096;

type Answers = Record<(typeof METRICS)[number], HistoryAnswer> & { span: [number, number] };

/**
 * A container's stored stats over a range: each chart draws the bucket means and, dashed, the
 * bucket maxima, so a spike shows however coarse the tier. While the range reaches now, the live
 * samples continue the line where the stored points end.
 */
export function HistoryCharts({
  hostId,
  containerId,
  range,
  live,
}: {
  hostId: string;
  containerId: string;
  range: HistoryRange;
  live: readonly StatsSample[];
}) {
  const t = useTranslations("stats");
  const fmt = useFormat();
  const q = useQuery({
    queryKey: queryKeys.containerHistory(hostId, containerId, range),
    queryFn: async (): Promise<Answers> => {
      const to = Date.now();
      const from = to - HISTORY_RANGES[range];
      const base = `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(containerId)}/history`;
      const answers = await Promise.all(
        METRICS.map((m: HistoryMetric) => api<HistoryAnswer>(`${base}?metric=${m}&from=${from}&to=${to}`)),
      );
      return {
        ...(Object.fromEntries(METRICS.map((m, i) => [m, answers[i]])) as Omit<Answers, "span">),
        span: [from / 1000, to / 1000],
      };
    },
    refetchInterval: range === "1h" ? 10_000 : 60_000,
  });
  if (q.isPending) return <StatePanel tone="loading" title={t("history.loading")} />;
  if (q.isError)
    return (
      <StatePanel tone="error" title={t("history.failed")}>
        <ErrorNotice error={q.error} />
      </StatePanel>
    );
  const a = q.data;
  if (!a.cpu.points.length)
    return (
      <StatePanel tone="empty" title={t("history.empty")}>
        {t("history.emptyHint")}
      </StatePanel>
    );
  const j = (m: (typeof METRICS)[number], liveOf: (s: StatsSample) => number | undefined): Joined =>
    joinHistory(a[m], live, liveOf);
  const cpu = j("cpu", (s) => s.cpuPercent);
  const mem = j("memory", (s) => s.memoryBytes);
  const rx = j("netRx", (s) => s.netRxRate);
  const tx = j("netTx", (s) => s.netTxRate);
  const br = j("blkRead", (s) => s.blkReadRate);
  const bw = j("blkWrite", (s) => s.blkWriteRate);
  const pids = j("pids", (s) => s.pids);
  const rate = (n: number) => formatRate(n, fmt.bytes);
  // The window the range asked for, running on to the newest live sample.
  const xRange: [number, number] = [a.span[0], Math.max(a.span[1], cpu.xs.at(-1) ?? 0)];
  /** A second series drawn only where it shares the first one's buckets (it always does). */
  const along = (first: Joined, second: Joined) =>
    second.xs.length === first.xs.length ? second.avg : first.avg.map(() => null);
  /** The bucket means, and dashed beside them the maxima, so a spike shows at any step. */
  const meanAndPeak = (x: Joined, color: string) => [
    { label: t("series.mean"), color, values: x.avg },
    { label: t("series.peak"), color: COLORS.peak, dash: true, values: x.max },
  ];
  const charts: (Omit<Parameters<typeof TimeChart>[0], "xs"> & { joined: Joined })[] = [
    {
      id: "CPU",
      title: t("chart.cpu"),
      joined: cpu,
      format: (n) => formatPercent(n),
      yFloor: 1,
      series: meanAndPeak(cpu, COLORS.a),
    },
    {
      id: "Memory",
      title: t("chart.memory"),
      joined: mem,
      format: fmt.bytes,
      series: meanAndPeak(mem, COLORS.b),
    },
    {
      id: "Network",
      title: t("chart.network"),
      joined: rx,
      format: rate,
      yFloor: RATE_FLOOR,
      series: [
        { label: t("series.received"), color: COLORS.a, values: rx.avg },
        { label: t("series.sent"), color: COLORS.c, values: along(rx, tx) },
      ],
    },
    {
      id: "Block I/O",
      title: t("chart.block"),
      joined: br,
      format: rate,
      yFloor: RATE_FLOOR,
      series: [
        { label: t("series.read"), color: COLORS.b, values: br.avg },
        { label: t("series.written"), color: COLORS.d, values: along(br, bw) },
      ],
    },
    {
      id: "PIDs",
      title: t("chart.pids"),
      joined: pids,
      format: (n) => fmt.number(Math.round(n)),
      yFloor: 4,
      series: [{ label: t("series.pids"), color: COLORS.c, values: pids.max }],
    },
  ];
  const step = a.cpu.stepMs / 1000;
  const stepText = step >= 3600 ? `${step / 3600} h` : step >= 60 ? `${step / 60} min` : `${step} s`;
  return (
    <div className="flex flex-col gap-2" data-testid="history-charts" data-step={a.cpu.stepMs}>
      <div className="text-[11px] text-muted">{t("history.hint", { step: stepText })}</div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {charts.map(({ joined, id, ...c }) => (
          <TimeChart key={id} id={`history-${id}`} zoom xRange={xRange} xs={joined.xs} {...c} />
        ))}
      </div>
    </div>
  );
}
