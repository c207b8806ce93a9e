"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useStatsStream } from "@/components/stats/useStatsStream";
import { FigureCells } from "./FigureCells";
import { useInView } from "./in-view";
import { useStatsFailure } from "./useStatsFailure";

/** A minute of samples in the row's sparklines. */
const SPARK_SAMPLES = 60;

/**
 * The CPU and MEM cells of a container row. Only a running row on (or near) the screen subscribes;
 * scrolled away, it lets go, and the server keeps the stream warm for a while in case it returns.
 */
export function StatsCells({ hostId, id, running }: { hostId: string; id: string; running: boolean }) {
  const [ref, visible] = useInView<HTMLTableCellElement>();
  const v = useStatsStream(hostId, running && visible ? id : undefined);
  const t = useTranslations("stats");
  const fmt = useFormat();
  const failure = useStatsFailure()(v);
  const recent = v.samples.slice(-SPARK_SAMPLES);
  const last = recent.at(-1);
  return (
    <FigureCells
      cpu={recent.map((s) => s.cpuPercent)}
      mem={recent.map((s) => s.memoryBytes)}
      empty={running ? (failure ? "!" : "…") : "—"}
      cellRef={ref}
      testIds={{ cpu: "cpu", mem: "mem" }}
      titles={{
        ...(failure ? { cpu: failure } : {}),
        ...(last ? { mem: t("limitOf", { limit: fmt.bytes(last.memoryLimitBytes) }) } : {}),
      }}
    />
  );
}
