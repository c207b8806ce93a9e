"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import type { JobLayer } from "@/lib/images/types";
import { layerProgress } from "./job-progress";
import { ProgressBar } from "./ProgressBar";

const GRID = "grid grid-cols-[7rem_8rem_1fr_1fr_9rem] items-center gap-2 text-xs";

export function JobLayerHeader({ push }: { push: boolean }) {
  const t = useTranslations("jobs.layer");
  return (
    <li className={`${GRID} text-[11px] text-muted`} aria-hidden>
      <span>{t("layer")}</span>
      <span>{t("status")}</span>
      <span>{push ? t("upload") : t("download")}</span>
      <span>{push ? "" : t("extract")}</span>
      <span className="text-right">{t("bytes")}</span>
    </li>
  );
}

/**
 * One layer of a pull or push: its phase in the user's language (the engine's own status on hover),
 * download (or upload) and extract as two bars, and the bytes so far.
 */
export function JobLayerRow({ layer }: { layer: JobLayer }) {
  const t = useTranslations("jobs");
  const format = useFormat();
  const p = layerProgress(layer);
  const bytes =
    layer.total && layer.total > 0
      ? `${format.bytes(layer.current ?? 0)} / ${format.bytes(layer.total)}`
      : "";
  const push = layer.phase === "pushing";
  return (
    <li
      className={`${GRID} ${layer.phase === "exists" ? "opacity-60" : ""}`}
      data-testid="job-layer"
      data-phase={layer.phase}
    >
      <span className="truncate font-mono" title={layer.id}>
        {layer.id}
      </span>
      <span className="truncate text-muted" title={layer.status}>
        {t(`phase.${layer.phase}`)}
      </span>
      <ProgressBar
        value={p.download}
        label={push ? t("layer.uploadBar", { id: layer.id }) : t("layer.downloadBar", { id: layer.id })}
      />
      {push ? (
        <span />
      ) : (
        <ProgressBar value={p.extract} tone="ok" label={t("layer.extractBar", { id: layer.id })} />
      )}
      <span className="text-right font-mono text-[11px] text-muted tabular-nums">{bytes}</span>
    </li>
  );
}
