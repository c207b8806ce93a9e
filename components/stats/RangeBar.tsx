"use client";
import { useTranslations } from "next-intl";
import type { HistoryRange } from "./history-source";

/** One button per range, the chosen one pressed: live, or a stored range. */
export function RangeBar<R extends "live" | HistoryRange>({
  ranges,
  value,
  onChange,
}: {
  ranges: readonly R[];
  value: R;
  onChange: (r: R) => void;
}) {
  const t = useTranslations("stats");
  const label = (r: "live" | HistoryRange) => t(`range.${r}`);
  return (
    <div
      role="group"
      aria-label={t("range.label")}
      className="flex self-start overflow-hidden rounded border border-line text-xs"
    >
      {ranges.map((r) => (
        <button
          key={r}
          type="button"
          aria-pressed={value === r}
          data-testid={`stats-range-${r}`}
          onClick={() => onChange(r)}
          className={`border-line px-2.5 py-1 not-first:border-l ${value === r ? "bg-accent/15 font-semibold text-fg" : "bg-panel text-muted hover:text-fg"}`}
        >
          {label(r)}
        </button>
      ))}
    </div>
  );
}
