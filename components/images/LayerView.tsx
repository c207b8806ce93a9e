"use client";
import { useMemo, useState } from "react";
import { useNow } from "@/components/hooks/useNow";
import { StatePanel } from "@/components/ui/StatePanel";
import { formatBytes } from "@/lib/format";
import { layerRows, type BarScale } from "./layer-view";
import { DetailSection } from "@/components/ui/DetailSection";
import { LayerRowView } from "./LayerRowView";
import { useImageHistoryQuery } from "./queries";

/** The image's history as bars, oldest step first: which instruction made the image heavy. */
export function LayerView({ hostId, imageRef }: { hostId: string; imageRef: string }) {
  const q = useImageHistoryQuery(hostId, imageRef);
  const [scale, setScale] = useState<BarScale>("log");
  const now = useNow(60_000);
  const rows = useMemo(() => layerRows(q.data ?? []), [q.data]);
  const max = Math.max(1, ...(q.data ?? []).map((l) => l.size));
  const total = (q.data ?? []).reduce((n, l) => n + l.size, 0);
  const filled = (q.data ?? []).filter((l) => !l.empty).length;
  return (
    <DetailSection
      title="Layers"
      testId="layer-view"
      aside={
        q.data && (
          <span className="flex items-center gap-3">
            <span>
              {filled} with files · {q.data.length - filled} metadata · {formatBytes(total)}
            </span>
            <label className="flex items-center gap-1">
              scale
              <select
                aria-label="Bar scale"
                className="rounded border border-line bg-bg px-1"
                value={scale}
                onChange={(e) => setScale(e.target.value as BarScale)}
              >
                <option value="log">log</option>
                <option value="linear">linear</option>
              </select>
            </label>
          </span>
        )
      }
    >
      {q.isPending ? (
        <StatePanel tone="loading" title="Loading the layer history…" />
      ) : q.error ? (
        <StatePanel tone="error" title="Could not read the history">
          {q.error.message}
        </StatePanel>
      ) : rows.length === 0 ? (
        <div className="text-muted">The engine reports no history for this image.</div>
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
