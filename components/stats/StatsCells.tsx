"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useStatsStream } from "@/components/stats/useStatsStream";
import { formatPercent } from "./format";
import { useInView } from "./in-view";
import { Sparkline } from "./Sparkline";
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
  const empty = running ? (failure ? "!" : "…") : "—";
  return (
    <>
      <td
        ref={ref}
        className="px-2 text-right whitespace-nowrap tabular-nums"
        data-testid="cpu"
        title={failure}
      >
        {last ? (
          <>
            <Sparkline
              values={recent.map((s) => s.cpuPercent)}
              max={Math.max(1, ...recent.map((s) => s.cpuPercent))}
              className="mr-1 text-accent"
            />
            {formatPercent(last.cpuPercent)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
      <td
        className="px-2 text-right whitespace-nowrap tabular-nums"
        data-testid="mem"
        title={last ? t("limitOf", { limit: fmt.bytes(last.memoryLimitBytes) }) : undefined}
      >
        {last ? (
          <>
            <Sparkline values={recent.map((s) => s.memoryBytes)} className="mr-1 text-ok" />
            {fmt.bytes(last.memoryBytes)}
          </>
        ) : (
          <span className="text-muted">{empty}</span>
        )}
      </td>
    </>
  );
}
