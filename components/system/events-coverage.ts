import type { EngineEventList } from "@/lib/system";

/** The messages the coverage line is made of (system.coverage.*), said by the caller's translator. */
export type CoverageTranslator = (
  key: "coverage.since" | "coverage.engine" | "coverage.truncated",
  values?: { time: string },
) => string;

/** What the recent-events card says about where its list comes from and how far back it is whole. */
export function eventsCoverage(
  list: Pick<EngineEventList, "source" | "truncated" | "coveredFrom">,
  t: CoverageTranslator,
  /** How a time is written: the engine's clock, in UTC (see useFormat().utcDateTime). */
  time: (ms: number) => string,
): string {
  const parts = [
    list.source === "recent" && list.coveredFrom !== undefined
      ? t("coverage.since", { time: time(list.coveredFrom * 1000) })
      : list.source === "engine"
        ? t("coverage.engine")
        : "",
    list.truncated ? t("coverage.truncated") : "",
  ];
  return parts.filter(Boolean).join(" · ");
}
