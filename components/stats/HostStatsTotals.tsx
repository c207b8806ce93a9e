"use client";
import { useMemo } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
import { useStatsStreams } from "@/components/stats/useStatsStream";
import { formatBytes } from "@/lib/format";
import type { StatsMode } from "@/lib/realtime/events";
import { MODE_HELP, MODE_LABEL, formatPercent } from "./format";

/** Above this many running containers the header does not subscribe to all of them for its sums. */
export const TOTALS_MAX_CONTAINERS = 200;

function modeText(modes: StatsMode[]): { text: string; help?: string } | undefined {
  const set = new Set(modes);
  if (!set.size) return undefined;
  if (set.size === 1) {
    const m = modes[0] as StatsMode;
    return { text: MODE_LABEL[m], help: MODE_HELP[m] };
  }
  const local = modes.filter((m) => m === "local").length;
  return {
    text: `${MODE_LABEL.local} (${local}) + ${MODE_LABEL.engine} (${modes.length - local})`,
    help: "Containers Wharf cannot read on this machine fall back to the engine's stream.",
  };
}

/** The host page's sums over its running containers: CPU % (100 % = one CPU) and memory, plus the stats source. */
export function HostStatsTotals({ hostId }: { hostId: string }) {
  const list = useContainersQuery(hostId);
  const running = useMemo(
    () =>
      (list.data?.items ?? [])
        .filter((c) => c.state === "running")
        .map((c) => c.id)
        .sort(),
    [list.data],
  );
  const tooMany = running.length > TOTALS_MAX_CONTAINERS;
  const views = useStatsStreams(hostId, tooMany ? [] : running);
  if (!running.length) return null;
  if (tooMany) {
    return (
      <span className="text-[11px] text-muted" data-testid="host-stats">
        totals off: {running.length} running (over {TOTALS_MAX_CONTAINERS})
      </span>
    );
  }
  let cpu = 0;
  let memory = 0;
  let reporting = 0;
  const modes: StatsMode[] = [];
  for (const v of views) {
    const last = v.samples.at(-1);
    if (v.mode) modes.push(v.mode);
    if (!last) continue;
    reporting++;
    cpu += last.cpuPercent;
    memory += last.memoryBytes;
  }
  const mode = modeText(modes);
  return (
    <span className="flex items-center gap-2 text-[11px] text-muted tabular-nums" data-testid="host-stats">
      <span title="Sum over the running containers; 100 % is one fully busy CPU">
        CPU{" "}
        <b className="text-fg" data-testid="host-cpu">
          {reporting ? formatPercent(cpu) : "…"}
        </b>
      </span>
      <span>
        Mem{" "}
        <b className="text-fg" data-testid="host-mem">
          {reporting ? formatBytes(memory) : "…"}
        </b>
      </span>
      {reporting < running.length && (
        <span>
          ({reporting}/{running.length} reporting)
        </span>
      )}
      {mode && (
        <span className="rounded border border-line px-1" title={mode.help} data-testid="host-stats-mode">
          stats: {mode.text}
        </span>
      )}
    </span>
  );
}
