import { table } from "./stats";

export interface Figure {
  name: string;
  measured: string;
  target: string;
  baseline: string;
  /** measured ÷ baseline, when both are quantities of the same kind. */
  ratio: string;
  /** undefined: no target to meet. */
  ok?: boolean;
}

const verdict = (ok?: boolean) => (ok === undefined ? "-" : ok ? "ok" : "MISSED");

/** Every figure of the run beside its target and its baseline from the same run. */
export function figureTable(figures: readonly Figure[]): string {
  return table(
    ["figure", "measured", "target", "baseline (same run)", "ratio", "verdict"],
    figures.map((f) => [f.name, f.measured, f.target, f.baseline, f.ratio, verdict(f.ok)]),
  );
}

export const msText = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? "n/a" : `${v.toFixed(1)} ms`;
export const mbText = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const ratioText = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a / b) ? "-" : `${(a / b).toFixed(2)}×`;
