"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import type { StatsView } from "./stats-store";

/** Why a view has no samples, in one line of the user's language; undefined when nothing failed. */
export function useStatsFailure(): (view: StatsView) => string | undefined {
  const t = useTranslations("stats");
  const errorLine = useErrorLine();
  return useCallback(
    ({ failure }: StatsView) =>
      failure === undefined ? undefined : failure === "timeout" ? t("noAnswer") : errorLine(failure),
    [t, errorLine],
  );
}
