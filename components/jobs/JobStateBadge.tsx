"use client";
import { useTranslations } from "next-intl";
import type { JobState } from "@/lib/images/types";

const STYLE = {
  running: "text-info border-info/40",
  done: "text-ok border-ok/40",
  error: "text-bad border-bad/40",
  cancelled: "text-warn border-warn/40",
} as const satisfies Record<JobState, string>;

export function JobStateBadge({ state }: { state: JobState }) {
  const t = useTranslations("jobs.state");
  return (
    <span className={`rounded border px-1 text-[11px] leading-4 ${STYLE[state]}`} data-testid="job-state">
      {t(state)}
    </span>
  );
}
