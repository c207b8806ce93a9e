"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import type { StatsSample } from "@/lib/realtime/events";
import { CHART_COLORS as COLORS, RATE_FLOOR } from "./chart-style";
import { formatPercent, formatRate } from "./format";
import { joinHistory, type Joined } from "./history-join";
import type { HistoryRange, HistorySource } from "./history-source";
import { stepText } from "./history-view";
import { HistoryEmpty, HistoryFailure } from "./HistoryStates";
import { TimeChart } from "./TimeChart";
import { useHistoryQuery, type ChartMetric, type HistoryAnswers } from "./useHistoryQuery";

const NO_SAMPLES: readonly StatsSample[] = [];

/**
 * A source's stored stats over a range: each chart draws the bucket means and, dashed, the bucket
 * maxima, so a spike shows however coarse the tier. While the range reaches now, live samples (a
 * container's, when its stream is open) continue the line where the stored points end. `dense`
 * packs the charts three to a row, lower, for a section of another page.
 */
export function HistoryCharts({
  source,
  range,
  live = NO_SAMPLES,
  dense = false,
}: {
  source: HistorySource;
  range: HistoryRange;
  live?: readonly StatsSample[];
  dense?: boolean;
}) {
  const t = useTranslations("stats");
  const q = useHistoryQuery(source, range);
  if (q.isPending) return <StatePanel tone="loading" title={t("history.loading")} />;
  if (q.isError) return <HistoryFailure error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data.cpu.points.length) return <HistoryEmpty sampleMs={q.data.cpu.sampleMs} />;
  return <ChartGrid answers={q.data} live={live} dense={dense} />;
}

function ChartGrid({
  answers: a,
  live,
  dense,
}: {
  answers: HistoryAnswers;
  live: readonly StatsSample[];
  dense: boolean;
}) {
  const t = useTranslations("stats");
  const fmt = useFormat();
  const j = (m: ChartMetric, liveOf: (s: StatsSample) => number | undefined): Joined =>
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
    { label: t("series.peak"), color: COLORS.muted, dash: true, values: x.max },
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
  return (
    <div
      className="flex flex-col gap-2"
      data-testid="history-charts"
      data-step={a.cpu.stepMs}
      data-points={a.cpu.points.length}
      data-series={a.cpu.series.length}
    >
      <div className="text-[11px] text-muted">{t("history.hint", { step: stepText(a.cpu.stepMs) })}</div>
      <div
        className={`grid grid-cols-1 ${dense ? "gap-2 md:grid-cols-2 xl:grid-cols-3" : "gap-3 xl:grid-cols-2"}`}
      >
        {charts.map(({ joined, id, ...c }) => (
          <TimeChart
            key={id}
            id={`history-${id}`}
            zoom
            xRange={xRange}
            xs={joined.xs}
            height={dense ? 120 : undefined}
            {...c}
          />
        ))}
      </div>
    </div>
  );
}
