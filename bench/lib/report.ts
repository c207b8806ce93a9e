import type { EngineTarget } from "./engines";
import type { HostSamples } from "./measure";
import { kib, median, ms, ratio, spread, table } from "./stats";

export const TARGET_RATIO = 1.25;

/** The per-host table: latency spreads, ratio of medians, item count and response sizes. */
export function hostTable(results: readonly HostSamples[], targets: readonly EngineTarget[]): string {
  const header = [
    "host",
    "transport",
    "raw p50",
    "raw p90",
    "raw p99",
    "wharf p50",
    "wharf p90",
    "wharf p99",
    "ratio p50",
    "pair p50",
    "items",
    "raw size",
    "wharf size",
  ];
  const rows = results.map((s) => {
    const r = spread(s.raw);
    const w = spread(s.wharf);
    return [
      s.hostId,
      targets.find((t) => t.id === s.hostId)?.kind ?? "?",
      ms(r.p50),
      ms(r.p90),
      ms(r.p99),
      ms(w.p50),
      ms(w.p90),
      ms(w.p99),
      ratio(w.p50 / r.p50),
      ratio(median(s.pairRatios)),
      String(s.items),
      kib(s.rawBytes),
      kib(s.wharfBytes),
    ];
  });
  return table(header, rows);
}

/** Ratio of the medians of every sample pooled over all hosts. */
export function overallRatio(results: readonly HostSamples[]): { raw: number; wharf: number; ratio: number } {
  const raw = median(results.flatMap((s) => s.raw));
  const wharf = median(results.flatMap((s) => s.wharf));
  return { raw, wharf, ratio: wharf / raw };
}

export function summaryLines(results: readonly HostSamples[]): string[] {
  const o = overallRatio(results);
  const lines = [
    `list: median ratio ${o.ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO.toFixed(2)}×)`,
    `      pooled medians: raw ${ms(o.raw)} ms, wharf ${ms(o.wharf)} ms; times are ms per full response incl. body read and JSON.parse`,
    "      ratio p50 = wharf p50 / raw p50; pair p50 = median of wharf/raw over the interleaved pairs",
  ];
  const transient = results.reduce((n, s) => n + s.transientMismatches, 0);
  if (transient)
    lines.push(
      `      note: ${transient} pair(s) had different counts that agreed on re-check (engine changed meanwhile)`,
    );
  return lines;
}
