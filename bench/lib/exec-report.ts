import { median, ms, spread, table } from "./stats";

export const TARGET_ADDED_P50_MS = 1;
export const TARGET_ADDED_P99_MS = 5;

export interface EchoSamples {
  hostId: string;
  transport: string;
  raw: number[];
  wharf: number[];
  /** wharf − raw of each interleaved pair of keys. */
  pairDiffs: number[];
  rawMismatches: number;
  wharfMismatches: number;
  /** Processes left in the container after the sessions closed, beyond its own. */
  leftovers: number;
}

export function echoTable(results: readonly EchoSamples[]): string {
  const header = [
    "host",
    "transport",
    "keys",
    "raw p50",
    "raw p99",
    "wharf p50",
    "wharf p99",
    "added p50",
    "added p99",
    "pair Δ p50",
    "lost/reordered",
    "leftovers",
  ];
  const rows = results.map((s) => {
    const r = spread(s.raw);
    const w = spread(s.wharf);
    return [
      s.hostId,
      s.transport,
      String(s.wharf.length),
      ms(r.p50),
      ms(r.p99),
      ms(w.p50),
      ms(w.p99),
      ms(w.p50 - r.p50),
      ms(w.p99 - r.p99),
      ms(median(s.pairDiffs)),
      `${s.rawMismatches} raw, ${s.wharfMismatches} wharf`,
      String(s.leftovers),
    ];
  });
  return table(header, rows);
}

/** The verdict over all hosts pooled; false when a target is missed or a key went astray. */
export function echoSummary(results: readonly EchoSamples[]): { lines: string[]; ok: boolean } {
  const raw = spread(results.flatMap((s) => s.raw));
  const wharf = spread(results.flatMap((s) => s.wharf));
  const added50 = wharf.p50 - raw.p50;
  const added99 = wharf.p99 - raw.p99;
  const astray = results.reduce((n, s) => n + s.rawMismatches + s.wharfMismatches, 0);
  const leftovers = results.reduce((n, s) => n + s.leftovers, 0);
  const ok =
    added50 <= TARGET_ADDED_P50_MS && added99 <= TARGET_ADDED_P99_MS && astray === 0 && leftovers === 0;
  return {
    ok,
    lines: [
      `exec: added echo latency p50 ${ms(added50)} ms (target ≤ ${TARGET_ADDED_P50_MS} ms), p99 ${ms(added99)} ms (target ≤ ${TARGET_ADDED_P99_MS} ms)`,
      `      pooled: raw p50 ${ms(raw.p50)} / p99 ${ms(raw.p99)} ms, wharf p50 ${ms(wharf.p50)} / p99 ${ms(wharf.p99)} ms`,
      `      keys lost, duplicated or reordered: ${astray}; processes left in the containers: ${leftovers}`,
      "      added = wharf − raw percentile; pair Δ p50 = median of wharf − raw over interleaved keys; ms per key",
    ],
  };
}
