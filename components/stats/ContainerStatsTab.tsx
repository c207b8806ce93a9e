"use client";
import { useStatsStream } from "@/components/stats/useStatsStream";
import { StatePanel } from "@/components/ui/StatePanel";
import { formatBytes } from "@/lib/format";
import type { StatsSample } from "@/lib/realtime/events";
import { MODE_HELP, MODE_LABEL, formatPercent, formatRate } from "./format";
import { TimeChart } from "./TimeChart";

const COLORS = { a: "#4493f8", b: "#3fb950", c: "#d29922", d: "#f85149", limit: "#8b96a3" };

/** The limit line is drawn only while it is near the usage; an unlimited container's limit is the host's memory. */
const LIMIT_IN_VIEW = 4;

/** Rate charts start at a KiB/s scale: a quiet container shows a flat line, not an axis of "1 B/s" ticks. */
const RATE_FLOOR = 4096;

const rateOf = (
  samples: readonly StatsSample[],
  k: "netRxRate" | "netTxRate" | "blkReadRate" | "blkWriteRate",
) => samples.map((s) => s[k] ?? null);

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div className="min-w-32 rounded border border-line bg-panel px-3 py-1.5">
      <div className="text-[11px] text-muted uppercase">{label}</div>
      <div className="text-base font-semibold tabular-nums" data-testid={`stat-${label}`}>
        {value}
      </div>
      {sub && <div className="text-[11px] text-muted tabular-nums">{sub}</div>}
    </div>
  );
}

/** Live charts of one container: CPU, memory against its limit, network and block I/O rates, pids. */
export function ContainerStatsTab({ hostId, containerId }: { hostId: string; containerId: string }) {
  const v = useStatsStream(hostId, containerId);
  const { samples } = v;
  const last = samples.at(-1);
  if (v.error) {
    return (
      <StatePanel tone="error" title="No live stats">
        {v.error}
      </StatePanel>
    );
  }
  if (!last) {
    return (
      <StatePanel tone="loading" title="Waiting for the first sample…">
        Samples come about once a second while the container runs; a stopped container has none.
      </StatePanel>
    );
  }
  const xs = samples.map((s) => s.ts / 1000);
  const peakMemory = Math.max(...samples.map((s) => s.memoryBytes));
  const showLimit = last.memoryLimitBytes > 0 && last.memoryLimitBytes <= peakMemory * LIMIT_IN_VIEW;
  const memoryShare = last.memoryLimitBytes ? (last.memoryBytes / last.memoryLimitBytes) * 100 : undefined;
  return (
    <div className="flex flex-col gap-3 p-3" data-testid="stats-tab">
      <div className="flex flex-wrap items-stretch gap-2">
        <Figure label="CPU" value={formatPercent(last.cpuPercent)} sub="100 % = one CPU" />
        <Figure
          label="Memory"
          value={formatBytes(last.memoryBytes)}
          sub={`${formatPercent(memoryShare)} of ${formatBytes(last.memoryLimitBytes)}`}
        />
        <Figure
          label="Net"
          value={`↓ ${formatRate(last.netRxRate)}`}
          sub={`↑ ${formatRate(last.netTxRate)}`}
        />
        <Figure
          label="Block"
          value={`R ${formatRate(last.blkReadRate)}`}
          sub={`W ${formatRate(last.blkWriteRate)}`}
        />
        <Figure label="PIDs" value={String(last.pids)} />
        {v.mode && (
          <div
            className="ml-auto self-center text-[11px] text-muted"
            title={MODE_HELP[v.mode]}
            data-testid="stats-mode"
          >
            source: {MODE_LABEL[v.mode]}
          </div>
        )}
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TimeChart
          title="CPU"
          xs={xs}
          format={(n) => formatPercent(n)}
          yFloor={1}
          series={[{ label: "CPU", color: COLORS.a, values: samples.map((s) => s.cpuPercent) }]}
        />
        <TimeChart
          title={showLimit ? "Memory" : `Memory (limit ${formatBytes(last.memoryLimitBytes)})`}
          xs={xs}
          format={formatBytes}
          series={[
            { label: "used", color: COLORS.b, values: samples.map((s) => s.memoryBytes) },
            ...(showLimit
              ? [
                  {
                    label: "limit",
                    color: COLORS.limit,
                    dash: true,
                    values: samples.map((s) => s.memoryLimitBytes),
                  },
                ]
              : []),
          ]}
        />
        <TimeChart
          title="Network"
          xs={xs}
          format={formatRate}
          yFloor={RATE_FLOOR}
          series={[
            { label: "received", color: COLORS.a, values: rateOf(samples, "netRxRate") },
            { label: "sent", color: COLORS.c, values: rateOf(samples, "netTxRate") },
          ]}
        />
        <TimeChart
          title="Block I/O"
          xs={xs}
          format={formatRate}
          yFloor={RATE_FLOOR}
          series={[
            { label: "read", color: COLORS.b, values: rateOf(samples, "blkReadRate") },
            { label: "written", color: COLORS.d, values: rateOf(samples, "blkWriteRate") },
          ]}
        />
        <TimeChart
          title="PIDs"
          xs={xs}
          format={(n) => String(Math.round(n))}
          yFloor={4}
          series={[{ label: "pids", color: COLORS.c, values: samples.map((s) => s.pids) }]}
        />
      </div>
    </div>
  );
}
