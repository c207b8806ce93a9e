/**
 * The soak's RSS figures from readings taken every few seconds. A Node server streaming this much
 * allocates in bursts, and one reading lands anywhere between two collections (±20 % and more), so
 * each figure is the median of a minute of readings, and the trend is a least-squares line through
 * every reading after the warm-up: a leak shows as a steady climb, a collection as noise around it.
 */
export interface RssFigures {
  /** Median over the minute after the warm-up ends. */
  warm: number;
  /** Median over the last minute. */
  end: number;
  peak: number;
  /** The fitted line's climb, bytes per 10 minutes, over the readings after the warm-up. */
  slopePer10Min: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** `readings` as [time ms, bytes], in time order; `warmAt` and `endAt` in the same clock. */
export function rssFigures(
  readings: readonly (readonly [number, number])[],
  warmAt: number,
  endAt: number,
): RssFigures {
  const minute = 60_000;
  const within = (from: number, to: number) =>
    readings.filter(([t]) => t >= from && t <= to).map(([, b]) => b);
  const after = readings.filter(([t]) => t >= warmAt);
  const warm = within(warmAt, warmAt + minute);
  const end = within(endAt - minute, endAt);
  const n = after.length;
  let slope = 0;
  if (n >= 2) {
    const mt = after.reduce((a, [t]) => a + t, 0) / n;
    const mb = after.reduce((a, [, b]) => a + b, 0) / n;
    const num = after.reduce((a, [t, b]) => a + (t - mt) * (b - mb), 0);
    const den = after.reduce((a, [t]) => a + (t - mt) ** 2, 0);
    slope = den > 0 ? num / den : 0;
  }
  return {
    warm: median(warm.length ? warm : readings.map(([, b]) => b)),
    end: median(end.length ? end : readings.map(([, b]) => b)),
    peak: Math.max(0, ...readings.map(([, b]) => b)),
    slopePer10Min: slope * 10 * minute,
  };
}
