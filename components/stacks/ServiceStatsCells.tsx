"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FigureCells } from "@/components/stats/FigureCells";
import { sumSeries } from "@/components/stats/sum-series";
import { useStatsStreams } from "@/components/stats/useStatsStream";
import type { StackContainer } from "@/lib/stacks/types";

/** A minute of samples in the sparklines, as in the container list. */
const SPARK_SAMPLES = 60;

/**
 * A service's CPU and memory: the sums over its running containers (100 % = one CPU), with a minute
 * of summed samples drawn beside them. Stopped services show a dash and hold no subscription.
 */
export function ServiceStatsCells({ hostId, containers }: { hostId: string; containers: StackContainer[] }) {
  const t = useTranslations("stacks.services");
  const running = useMemo(
    () =>
      containers
        .filter((c) => c.state === "running")
        .map((c) => c.id)
        .sort(),
    [containers],
  );
  const views = useStatsStreams(hostId, running);
  const recent = views.map((v) => v.samples.slice(-SPARK_SAMPLES));
  const reporting = recent.filter((r) => r.length > 0).length;
  const partial =
    reporting > 0 && reporting < running.length
      ? t("reporting", { reporting, running: running.length })
      : undefined;
  return (
    <FigureCells
      cpu={sumSeries(recent.map((r) => r.map((s) => s.cpuPercent)))}
      mem={sumSeries(recent.map((r) => r.map((s) => s.memoryBytes)))}
      empty={running.length ? "…" : "—"}
      testIds={{ cpu: "service-cpu", mem: "service-mem" }}
      titles={partial ? { cpu: partial, mem: partial } : {}}
      className="px-2 py-1"
    />
  );
}
