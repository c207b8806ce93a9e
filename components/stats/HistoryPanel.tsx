"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { DetailSection } from "@/components/ui/DetailSection";
import { StatePanel } from "@/components/ui/StatePanel";
import { HISTORY_RANGE_KEYS, type HistoryRange, type HistorySource } from "./history-source";
import { HistoryCharts } from "./HistoryCharts";
import { RangeBar } from "./RangeBar";

/**
 * A section of stored charts on another page (a host's, a service's): its ranges and a close button
 * in the heading, the charts packed dense below. With no source there is nothing to ask the
 * history by; `absent` says why, calmly.
 */
export function HistoryPanel({
  title,
  subject,
  note,
  source,
  absent,
  onClose,
  testId,
}: {
  title: string;
  /** What the charts are of (a service's name), as it is spelt. */
  subject?: string;
  /** How the figures add up, beside the title. */
  note: string;
  source: HistorySource | undefined;
  absent?: { title: string; hint: string };
  onClose: () => void;
  testId: string;
}) {
  const t = useTranslations("stats.history");
  const [range, setRange] = useState<HistoryRange>("1h");
  return (
    <DetailSection
      title={
        <>
          {title}
          {subject && <span className="font-mono tracking-normal text-fg normal-case">{subject}</span>}
          <span className="font-normal tracking-normal normal-case">{note}</span>
        </>
      }
      testId={testId}
      aside={
        <span className="flex items-center gap-2">
          {source && <RangeBar ranges={HISTORY_RANGE_KEYS} value={range} onChange={setRange} />}
          <Button size="sm" variant="ghost" aria-label={t("close")} title={t("close")} onClick={onClose}>
            ×
          </Button>
        </span>
      }
    >
      {source ? (
        <HistoryCharts source={source} range={range} dense />
      ) : (
        <StatePanel title={absent?.title ?? t("empty")}>{absent?.hint}</StatePanel>
      )}
    </DetailSection>
  );
}
