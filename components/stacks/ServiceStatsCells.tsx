"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import { formatPercent } from "@/components/stats/format";
import { Sparkline } from "@/components/stats/Sparkline";
import { useStatsStreams } from "@/components/stats/useStatsStream";
import { sumSeries } from "@/components/stats/sum-series";
import type { StackContainer } from "@/lib/stacks/types";

/** A minute of samples in the sparklines, as in the container list. */
const SPARK_SAMPLES = 60;

/**
 * A service's CPU and memory: the sums over its running containers (100 % = one CPU), with a minute
 * of summed samples drawn beside them. Stopped services show a dash and hold no subscription.
 */
export function ServiceStatsCells({ hostId, containers }: { hostId: string; containers: StackContainer[] }) {
  const t = useTranslations("stacks.services");
  const fmt = useFormat();
  const running = useMemo(
    () =>
      containers
        .filter((c) => c.state === "running")
        .map((c) => c.id)
        .sort(),
    [containers],
  );
  const views = useStatsStreams(hostId, running);
  const cpu = sumSeries(views.map((v) => v.samples.slice(-SPARK_SAMPLES).map((s) => s.cpuPercent)));
  const mem = sumSeries(views.map((v) => v.samples.slice(-SPARK_SAMPLES).map((s) => s.memoryBytes)));
  const reporting = views.filter((v) => v.samples.length > 0).length;
  const empty = running.length ? "…" : "—";
  const partial =
    reporting > 0 && reporting < running.length
      ? t("reporting", { reporting, running: running.length })
      : undefined;
  return (
    <>
      <td
        className="px-2 py-1 text-right whitespace-nowrap tabular-nums"
        data-testid="service-cpu"
        title={partial}
      >
        {cpu.length ? (
          <>
            <Sparkline values={cpu} max={Math.max(1, ...cpu)} className="mr-1 text-accent" />
            {formatPercent(cpu.at(-1) ?? 0)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
      <td
        className="px-2 py-1 text-right whitespace-nowrap tabular-nums"
        data-testid="service-mem"
        title={partial}
      >
        {mem.length ? (
          <>
            <Sparkline values={mem} className="mr-1 text-ok" />
            {fmt.bytes(mem.at(-1) ?? 0)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
    </>
  );
}
