"use client";
import { useTranslations } from "next-intl";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useFormat } from "@/components/i18n/useFormat";
import { useStatsStream } from "@/components/stats/useStatsStream";
import { StatePanel } from "@/components/ui/StatePanel";
import type { StatsSample } from "@/lib/realtime/events";
import { CHART_COLORS as COLORS, RATE_FLOOR } from "./chart-style";
import { formatPercent, formatRate } from "./format";
import { TimeChart } from "./TimeChart";
import { HistoryCharts } from "./HistoryCharts";
import { HISTORY_RANGE_KEYS, type HistoryRange } from "./history-source";
import { RangeBar } from "./RangeBar";
import { useState } from "react";

type Range = "live" | HistoryRange;
const RANGES: readonly Range[] = ["live", ...HISTORY_RANGE_KEYS];

/** The limit line is drawn only while it is near the usage; an unlimited container's limit is the host's memory. */
const LIMIT_IN_VIEW = 4;

const rateOf = (
  samples: readonly StatsSample[],
  k: "netRxRate" | "netTxRate" | "blkReadRate" | "blkWriteRate",
) => samples.map((s) => s[k] ?? null);

/** One live figure; `id` names it for tests in every language. */
function Figure({ id, label, value, sub }: { id: string; label: string; value: string; sub?: string }) {
  return (
    <div className="min-w-32 rounded border border-line bg-panel px-3 py-1.5">
      <div className="text-[11px] text-muted uppercase">{label}</div>
      <div className="text-base font-semibold tabular-nums" data-testid={`stat-${id}`}>
        {value}
      </div>
      {sub && <div className="text-[11px] text-muted tabular-nums">{sub}</div>}
    </div>
  );
}

/** Live charts of one container: CPU, memory against its limit, network and block I/O rates, pids. */
export function ContainerStatsTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const v = useStatsStream(hostId, containerId);
  const t = useTranslations("stats");
  const fmt = useFormat();
  const [range, setRange] = useState<Range>("live");
  const { samples } = v;
  const last = samples.at(-1);
  const bar = <RangeBar ranges={RANGES} value={range} onChange={setRange} />;
  if (range !== "live")
    return (
      <div className="flex flex-col gap-3 p-3" data-testid="stats-tab">
        {bar}
        <HistoryCharts source={{ kind: "container", hostId, containerId }} range={range} live={samples} />
      </div>
    );
  if (v.failure) {
    return (
      <div className="flex flex-col gap-3 p-3">
        {bar}
        <StatePanel tone="error" title={t("noStats")}>
          {v.failure === "timeout" ? t("noAnswer") : <ErrorNotice error={v.failure} />}
        </StatePanel>
      </div>
    );
  }
  if (!last) {
    return (
      <div className="flex flex-col gap-3 p-3">
        {bar}
        <StatePanel tone="loading" title={t("waiting")}>
          {t("waitingHint")}
        </StatePanel>
      </div>
    );
  }
  const rate = (n: number | null | undefined) => formatRate(n, fmt.bytes);
  const xs = samples.map((s) => s.ts / 1000);
  const peakMemory = Math.max(...samples.map((s) => s.memoryBytes));
  const showLimit = last.memoryLimitBytes > 0 && last.memoryLimitBytes <= peakMemory * LIMIT_IN_VIEW;
  const memoryShare = last.memoryLimitBytes ? (last.memoryBytes / last.memoryLimitBytes) * 100 : undefined;
  return (
    <div className="flex flex-col gap-3 p-3" data-testid="stats-tab">
      {bar}
      <div className="flex flex-wrap items-stretch gap-2">
        <Figure id="CPU" label={t("figure.cpu")} value={formatPercent(last.cpuPercent)} sub={t("oneCpu")} />
        <Figure
          id="Memory"
          label={t("figure.memory")}
          value={fmt.bytes(last.memoryBytes)}
          sub={t("shareOf", { percent: formatPercent(memoryShare), limit: fmt.bytes(last.memoryLimitBytes) })}
        />
        <Figure
          id="Net"
          label={t("figure.net")}
          value={`↓ ${rate(last.netRxRate)}`}
          sub={`↑ ${rate(last.netTxRate)}`}
        />
        <Figure
          id="Block"
          label={t("figure.block")}
          value={t("read", { rate: rate(last.blkReadRate) })}
          sub={t("written", { rate: rate(last.blkWriteRate) })}
        />
        <Figure id="PIDs" label={t("figure.pids")} value={fmt.number(last.pids)} />
        {v.mode && (
          <div
            className="ml-auto self-center text-[11px] text-muted"
            title={t(`modeHelp.${v.mode}`)}
            data-testid="stats-mode"
          >
            {t("source", { mode: t(`mode.${v.mode}`) })}
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TimeChart
          id="CPU"
          title={t("chart.cpu")}
          xs={xs}
          format={(n) => formatPercent(n)}
          yFloor={1}
          series={[{ label: t("series.cpu"), color: COLORS.a, values: samples.map((s) => s.cpuPercent) }]}
        />
        <TimeChart
          id="Memory"
          title={
            showLimit
              ? t("chart.memory")
              : t("chart.memoryLimit", { limit: fmt.bytes(last.memoryLimitBytes) })
          }
          xs={xs}
          format={fmt.bytes}
          series={[
            { label: t("series.used"), color: COLORS.b, values: samples.map((s) => s.memoryBytes) },
            ...(showLimit
              ? [
                  {
                    label: t("series.limit"),
                    color: COLORS.muted,
                    dash: true,
                    values: samples.map((s) => s.memoryLimitBytes),
                  },
                ]
              : []),
          ]}
        />
        <TimeChart
          id="Network"
          title={t("chart.network")}
          xs={xs}
          format={rate}
          yFloor={RATE_FLOOR}
          series={[
            { label: t("series.received"), color: COLORS.a, values: rateOf(samples, "netRxRate") },
            { label: t("series.sent"), color: COLORS.c, values: rateOf(samples, "netTxRate") },
          ]}
        />
        <TimeChart
          id="Block I/O"
          title={t("chart.block")}
          xs={xs}
          format={rate}
          yFloor={RATE_FLOOR}
          series={[
            { label: t("series.read"), color: COLORS.b, values: rateOf(samples, "blkReadRate") },
            { label: t("series.written"), color: COLORS.d, values: rateOf(samples, "blkWriteRate") },
          ]}
        />
        <TimeChart
          id="PIDs"
          title={t("chart.pids")}
          xs={xs}
          format={(n) => fmt.number(Math.round(n))}
          yFloor={4}
          series={[{ label: t("series.pids"), color: COLORS.c, values: samples.map((s) => s.pids) }]}
        />
      </div>
    </div>
  );
}
