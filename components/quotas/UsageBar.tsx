"use client";
import { useTranslations } from "next-intl";
import { usageTone } from "@/lib/quotas";

const TONE = { ok: "bg-ok", warn: "bg-warn", bad: "bg-bad", none: "bg-muted/40" } as const;

/** Usage against a limit: amber from 80%, red from 95%; without a limit it says so instead of guessing. */
export function UsageBar({ used, limit, label }: { used?: number; limit: number; label?: string }) {
  const t = useTranslations("quotas.row");
  if (used === undefined) return null;
  const tone = usageTone(used, limit);
  const pct = limit > 0 ? Math.min(100, (used / limit) * 100) : 0;
  return (
    <div className="mt-0.5 flex items-center gap-1" title={label} data-testid="usage-bar" data-tone={tone}>
      <div className="h-1.5 w-16 overflow-hidden rounded bg-panel-2">
        {limit > 0 && <div className={`h-full ${TONE[tone]}`} style={{ width: `${pct}%` }} />}
      </div>
      <span className="text-[10px] text-muted">{limit > 0 ? `${pct.toFixed(0)}%` : t("noLimit")}</span>
    </div>
  );
}
