"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useContainersQuery } from "@/components/hooks/queries";
import { useFormat } from "@/components/i18n/useFormat";
import { useStatsStreams } from "@/components/stats/useStatsStream";
import type { StatsMode } from "@/lib/realtime/events";
import { formatPercent } from "./format";

/** Above this many running containers the header does not subscribe to all of them for its sums. */
export const TOTALS_MAX_CONTAINERS = 200;

type StatsT = ReturnType<typeof useTranslations<"stats">>;

function modeText(modes: StatsMode[], t: StatsT): { text: string; help?: string } | undefined {
  const set = new Set(modes);
  if (!set.size) return undefined;
  if (set.size === 1) {
    const m = modes[0] as StatsMode;
    return { text: t(`mode.${m}`), help: t(`modeHelp.${m}`) };
  }
  const local = modes.filter((m) => m === "local").length;
  return {
    text: t("mixedModes", {
      local: t("mode.local"),
      localCount: local,
      engine: t("mode.engine"),
      engineCount: modes.length - local,
    }),
    help: t("mixedHelp"),
  };
}

/** The host page's sums over its running containers: CPU % (100 % = one CPU) and memory, plus the stats source. */
export function HostStatsTotals({ hostId }: { hostId: string }) {
  const list = useContainersQuery(hostId);
  const t = useTranslations("stats");
  const fmt = useFormat();
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
        {t("totalsOff", { running: running.length, max: TOTALS_MAX_CONTAINERS })}
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
  const mode = modeText(modes, t);
  return (
    <span className="flex items-center gap-2 text-[11px] text-muted tabular-nums" data-testid="host-stats">
      <span title={t("cpuSumHelp")}>
        CPU{" "}
        <b className="text-fg" data-testid="host-cpu">
          {reporting ? formatPercent(cpu) : "…"}
        </b>
      </span>
      <span>
        {t("mem")}{" "}
        <b className="text-fg" data-testid="host-mem">
          {reporting ? fmt.bytes(memory) : "…"}
        </b>
      </span>
      {reporting < running.length && <span>{t("reporting", { reporting, running: running.length })}</span>}
      {mode && (
        <span className="rounded border border-line px-1" title={mode.help} data-testid="host-stats-mode">
          {t("statsSource", { mode: mode.text })}
        </span>
      )}
    </span>
  );
}
