import type { StatsSample } from "../../lib/realtime/events";

/** The values a point keeps, as whole numbers: CPU in hundredths of a percent, bytes, bytes/s, pids. */
export const STORED = ["cpu", "mem", "net_rx", "net_tx", "blk_r", "blk_w", "pids"] as const;
export type Stored = (typeof STORED)[number];
export type Values = Record<Stored, number>;

/** One metric's extremes, sum (for a mean weighted by sample count) and last value within a bucket. */
export interface Agg {
  min: number;
  max: number;
  sum: number;
  last: number;
}

/** A bucket of samples: `ts` is its start, `n` how many samples it holds, `limit` the memory limit last seen. */
export interface Point {
  ts: number;
  n: number;
  lastTs: number;
  limit: number;
  m: Record<Stored, Agg>;
}

/**
 * A stats sample as stored values, or undefined while its rates are not known yet (the first
 * sample of a source, or one after a counter reset).
 */
export function valuesOf(s: StatsSample): Values | undefined {
  if (s.netRxRate === undefined || s.blkReadRate === undefined) return undefined;
  return {
    cpu: Math.round(s.cpuPercent * 100),
    mem: Math.round(s.memoryBytes),
    net_rx: Math.round(s.netRxRate),
    net_tx: Math.round(s.netTxRate ?? 0),
    blk_r: Math.round(s.blkReadRate),
    blk_w: Math.round(s.blkWriteRate ?? 0),
    pids: Math.round(s.pids),
  };
}

export function newPoint(ts: number, v: Values, limit: number, sampleTs: number): Point {
  const m = {} as Record<Stored, Agg>;
  for (const k of STORED) m[k] = { min: v[k], max: v[k], sum: v[k], last: v[k] };
  return { ts, n: 1, lastTs: sampleTs, limit, m };
}

/** Folds one more sample into a bucket; a sample older than the bucket's last keeps `last` as it was. */
export function addSample(p: Point, v: Values, limit: number, sampleTs: number): void {
  const newer = sampleTs >= p.lastTs;
  for (const k of STORED) {
    const a = p.m[k];
    a.min = Math.min(a.min, v[k]);
    a.max = Math.max(a.max, v[k]);
    a.sum += v[k];
    if (newer) a.last = v[k];
  }
  p.n++;
  if (newer) {
    p.lastTs = sampleTs;
    p.limit = limit;
  }
}

/** Folds a finer point into a coarser one: weighted means, extremes kept, the later last. */
export function mergePoint(into: Point, from: Point): void {
  const newer = from.lastTs >= into.lastTs;
  for (const k of STORED) {
    const a = into.m[k];
    const b = from.m[k];
    a.min = Math.min(a.min, b.min);
    a.max = Math.max(a.max, b.max);
    a.sum += b.sum;
    if (newer) a.last = b.last;
  }
  into.n += from.n;
  if (newer) {
    into.lastTs = from.lastTs;
    into.limit = from.limit;
  }
}

export function clonePoint(p: Point, ts: number): Point {
  const m = {} as Record<Stored, Agg>;
  for (const k of STORED) m[k] = { ...p.m[k] };
  return { ts, n: p.n, lastTs: p.lastTs, limit: p.limit, m };
}

/** Sums of several containers' points at one instant: the host's totals, a service's replicas. */
export function sumValues(list: readonly Values[]): Values {
  const out = Object.fromEntries(STORED.map((k) => [k, 0])) as Values;
  for (const v of list) for (const k of STORED) out[k] += v[k];
  return out;
}
