import { formatBytes } from "@/lib/format";
import type { JobLayer } from "@/lib/images/types";
import { layerProgress } from "./job-progress";
import { ProgressBar } from "./ProgressBar";

const GRID = "grid grid-cols-[7rem_8rem_1fr_1fr_9rem] items-center gap-2 text-xs";

export function JobLayerHeader({ push }: { push: boolean }) {
  return (
    <li className={`${GRID} text-[11px] text-muted`} aria-hidden>
      <span>layer</span>
      <span>status</span>
      <span>{push ? "upload" : "download"}</span>
      <span>{push ? "" : "extract"}</span>
      <span className="text-right">bytes</span>
    </li>
  );
}

/** One layer of a pull or push: download (or upload) and extract as two bars, and the bytes so far. */
export function JobLayerRow({ layer }: { layer: JobLayer }) {
  const p = layerProgress(layer);
  const bytes =
    layer.total && layer.total > 0 ? `${formatBytes(layer.current ?? 0)} / ${formatBytes(layer.total)}` : "";
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
        {layer.status}
      </span>
      <ProgressBar value={p.download} label={`${push ? "upload" : "download"} ${layer.id}`} />
      {push ? <span /> : <ProgressBar value={p.extract} tone="ok" label={`extract ${layer.id}`} />}
      <span className="text-right font-mono text-[11px] text-muted tabular-nums">{bytes}</span>
    </li>
  );
}
