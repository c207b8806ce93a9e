"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useNow } from "@/components/hooks/useNow";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { StatePanel } from "@/components/ui/StatePanel";
import { layerRows, type BarScale } from "./layer-view";
import { DetailSection } from "@/components/ui/DetailSection";
import { LayerRowView } from "./LayerRowView";
import { useImageHistoryQuery } from "./queries";

/** The image's history as bars, oldest step first: which instruction made the image heavy. */
export function LayerView({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const q = useImageHistoryQuery(hostId, imageRef);
  const [scale, setScale] = useState<BarScale>("log");
  const now = useNow(60_000);
  const t = useTranslations("images.layers");
  const errorLine = useErrorLine();
  const format = useFormat();
  const rows = useMemo(() => layerRows(q.data ?? []), [q.data]);
  const max = Math.max(1, ...(q.data ?? []).map((l) => l.size));
  const total = (q.data ?? []).reduce((n, l) => n + l.size, 0);
  const filled = (q.data ?? []).filter((l) => !l.empty).length;
  return (
    <DetailSection
      title={t("title")}
      testId="layer-view"
      aside={
        q.data && (
          <span className="flex items-center gap-3">
            <span>{t("summary", { filled, meta: q.data.length - filled, size: format.bytes(total) })}</span>
            <label className="flex items-center gap-1">
              {t("scale")}
              <select
                aria-label={t("scaleLabel")}
                className="rounded border border-line bg-bg px-1"
                value={scale}
                onChange={(e) => setScale(e.target.value as BarScale)}
              >
                <option value="log">{t("log")}</option>
                <option value="linear">{t("linear")}</option>
              </select>
            </label>
          </span>
        )
      }
    >
      {q.isPending ? (
        <StatePanel tone="loading" title={t("loading")} />
      ) : q.error ? (
        <StatePanel tone="error" title={t("failed")}>
          {errorLine(q.error)}
        </StatePanel>
      ) : rows.length === 0 ? (
        <div className="text-muted">{t("noHistory")}</div>
      ) : (
        <ol className="flex flex-col" data-testid="layers">
          {rows.map((r, i) => (
            <LayerRowView key={i} row={r} max={max} scale={scale} now={now} />
          ))}
        </ol>
      )}
    </DetailSection>
  );
}
