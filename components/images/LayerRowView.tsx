"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormat } from "@/components/i18n/useFormat";
import type { ImageLayer } from "@/lib/images/types";
import { barPercent, describeStep, type BarScale, type LayerRow } from "./layer-view";

const GRID = "grid grid-cols-[2rem_minmax(0,1fr)_minmax(5rem,12rem)_4.5rem_3rem] items-center gap-2";

function Step({
  layer,
  step,
  max,
  scale,
  now,
}: {
  layer: ImageLayer;
  step: number;
  max: number;
  scale: BarScale;
  now: number;
}) {
  const t = useTranslations("images.layers");
  const format = useFormat();
  // An imported base records no instruction, only a comment ("Imported from -").
  const text = describeStep(layer.createdBy) || layer.comment;
  return (
    <li className={`${GRID} py-0.5`} data-testid="layer-row" data-empty={layer.empty}>
      <span className="text-right text-[11px] text-muted tabular-nums">{step}</span>
      <code className="truncate font-mono text-xs" title={layer.createdBy}>
        {text || <span className="text-muted">{t("noInstruction")}</span>}
      </code>
      <span className="h-2 overflow-hidden rounded bg-panel-2" aria-hidden>
        <span
          className="block h-full bg-accent"
          style={{ width: `${barPercent(layer.size, max, scale)}%` }}
        />
      </span>
      <span className={`text-right text-xs tabular-nums ${layer.empty ? "text-muted" : ""}`}>
        {layer.empty ? "—" : format.bytes(layer.size)}
      </span>
      <span
        className="text-right text-[11px] text-muted"
        title={layer.created ? new Date(layer.created).toISOString() : ""}
      >
        {layer.created ? format.age(layer.created, now) : "—"}
      </span>
    </li>
  );
}

/** Metadata-only steps in a row of their own, opened to list them. */
function MetaRun({ row, now }: { row: Extract<LayerRow, { kind: "meta" }>; now: number }) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("images.layers");
  const format = useFormat();
  const kinds = [...new Set(row.layers.map((l) => describeStep(l.createdBy).split(/\s/)[0] ?? ""))].filter(
    Boolean,
  );
  return (
    <li data-testid="layer-meta">
      <button
        type="button"
        className={`${GRID} w-full py-0.5 text-left hover:bg-panel-2`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="text-right text-[11px] text-muted tabular-nums">{row.firstStep}</span>
        <span className="truncate text-xs text-muted">
          {open ? "▾" : "▸"} {t("metaRun", { count: row.layers.length, kinds: kinds.join(", ") })}
        </span>
        <span />
        <span className="text-right text-xs text-muted">{format.bytes(0)}</span>
        <span />
      </button>
      {open && (
        <ul className="bg-panel-2/50">
          {row.layers.map((l, i) => (
            <Step key={i} layer={l} step={row.firstStep + i} max={1} scale="linear" now={now} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function LayerRowView({
  row,
  max,
  scale,
  now,
}: {
  row: LayerRow;
  max: number;
  scale: BarScale;
  now: number;
}) {
  return row.kind === "meta" ? (
    <MetaRun row={row} now={now} />
  ) : (
    <Step layer={row.layer} step={row.step} max={max} scale={scale} now={now} />
  );
}
