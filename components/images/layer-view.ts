import type { ImageLayer } from "@/lib/images/types";

/**
 * A Dockerfile-like line from a history entry: the classic builder's `/bin/sh -c #(nop) ` prefix
 * marks metadata steps and a bare `/bin/sh -c ` marks a RUN; BuildKit appends `# buildkit`.
 */
export function describeStep(createdBy: string): string {
  const s = createdBy.trim().replace(/\s+# buildkit$/, "");
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(s);
  if (nop) return s.slice(nop[0].length).trim();
  const run = /^\/bin\/sh -c\s+/.exec(s);
  if (run) return `RUN ${s.slice(run[0].length).trim()}`;
  return s;
}

export type LayerRow =
  | { kind: "layer"; layer: ImageLayer; step: number }
  | { kind: "meta"; layers: ImageLayer[]; firstStep: number };

/**
 * Oldest first, the order a Dockerfile reads in; runs of two or more metadata-only steps become one
 * row, since ENV/LABEL/CMD stacks say little until opened.
 */
export function layerRows(history: ImageLayer[]): LayerRow[] {
  const oldestFirst = [...history].reverse();
  const rows: LayerRow[] = [];
  let run: ImageLayer[] = [];
  let runStart = 0;
  const flush = () => {
    if (run.length === 1 && run[0]) rows.push({ kind: "layer", layer: run[0], step: runStart });
    else if (run.length > 1) rows.push({ kind: "meta", layers: run, firstStep: runStart });
    run = [];
  };
  oldestFirst.forEach((layer, i) => {
    const step = i + 1;
    if (layer.empty) {
      if (run.length === 0) runStart = step;
      run.push(layer);
      return;
    }
    flush();
    rows.push({ kind: "layer", layer, step });
  });
  flush();
  return rows;
}

export type BarScale = "log" | "linear";

/**
 * Bar width in percent of the largest layer. On the log scale a 4 KiB layer stays visible next to
 * a 400 MiB one; every non-empty layer gets at least a sliver, an empty one none.
 */
export function barPercent(size: number, max: number, scale: BarScale): number {
  if (size <= 0 || max <= 0) return 0;
  const ratio = scale === "log" ? Math.log1p(size) / Math.log1p(max) : size / max;
  return Math.min(100, Math.max(1, ratio * 100));
}
