import type { EngineHistoryRow } from "../engines/images";

/** The step that made a layer, as the image records it. */
export interface LayerStep {
  diffId: string;
  createdBy: string;
  created?: number;
  comment?: string;
}

/** One entry of an image config's `history`: `empty_layer` marks a step that made no layer. */
export interface ConfigHistory {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

const ms = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

function step(diffId: string, createdBy = "", created?: number, comment?: string): LayerStep {
  return {
    diffId,
    createdBy,
    ...(created !== undefined ? { created } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** The config's own record: its non-empty history entries are the layers, in order. */
export function stepsFromConfig(
  diffIds: readonly string[],
  history: readonly ConfigHistory[] = [],
): LayerStep[] {
  const made = history.filter((h) => !h.empty_layer);
  return diffIds.map((d, i) => {
    const h = made[i];
    return h ? step(d, h.created_by, ms(h.created), h.comment) : step(d);
  });
}

const isMetadataStep = (createdBy: string) =>
  /#\(nop\)\s/.test(createdBy) && !/#\(nop\)\s+(ADD|COPY)\b/.test(createdBy);

/**
 * The engine's history rows (newest first) carry no empty-layer flag: a row of size 0 is either a
 * step that made no layer or one whose layer holds no file bytes. A row with bytes is a layer; a
 * zero row can be one only where the layer's own files weigh nothing (`layerBytes[i] === 0`). Of
 * the assignments that fit, the one that treats metadata steps (`#(nop)` but ADD and COPY) as
 * empty is taken, and `exact` says whether it was the only one.
 */
export function stepsFromHistory(
  diffIds: readonly string[],
  rowsNewestFirst: readonly EngineHistoryRow[],
  layerBytes: readonly number[],
): { steps: LayerStep[]; exact: boolean } {
  const rows = [...rowsNewestFirst].reverse();
  const m = rows.length;
  const n = diffIds.length;
  // fits[i][j]: rows i.. can take layers j.. exactly.
  const fits: boolean[][] = Array.from({ length: m + 1 }, () => new Array<boolean>(n + 1).fill(false));
  const ways: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  (fits[m] as boolean[])[n] = true;
  (ways[m] as number[])[n] = 1;
  for (let i = m - 1; i >= 0; i--) {
    const r = rows[i] as EngineHistoryRow;
    for (let j = n; j >= 0; j--) {
      const asLayer = j < n && (r.Size > 0 || layerBytes[j] === 0) ? (ways[i + 1]?.[j + 1] ?? 0) : 0;
      const asEmpty = r.Size > 0 ? 0 : (ways[i + 1]?.[j] ?? 0);
      (ways[i] as number[])[j] = Math.min(2, asLayer + asEmpty);
      (fits[i] as boolean[])[j] = asLayer + asEmpty > 0;
    }
  }
  if (!fits[0]?.[0]) return { steps: diffIds.map((d) => step(d)), exact: false };
  const steps: LayerStep[] = [];
  let j = 0;
  for (let i = 0; i < m && j < n; i++) {
    const r = rows[i] as EngineHistoryRow;
    const canLayer = (r.Size > 0 || layerBytes[j] === 0) && !!fits[i + 1]?.[j + 1];
    const canEmpty = r.Size === 0 && !!fits[i + 1]?.[j];
    const take = canLayer && (!canEmpty || !isMetadataStep(r.CreatedBy ?? ""));
    if (take) {
      steps.push(step(diffIds[j] as string, r.CreatedBy ?? "", (r.Created ?? 0) * 1000, r.Comment));
      j++;
    }
  }
  return { steps, exact: ways[0]?.[0] === 1 };
}
