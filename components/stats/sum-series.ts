/**
 * Sums series that end at the same moment (each container's last samples, about one a second), by
 * position from the end: the result is as long as the longest series, and a shorter series adds
 * nothing where it has no sample yet. Empty when no series has a sample.
 */
export function sumSeries(series: readonly (readonly number[])[]): number[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  const out = new Array<number>(length).fill(0);
  for (const s of series) {
    const offset = length - s.length;
    s.forEach((v, i) => {
      out[offset + i] = (out[offset + i] ?? 0) + v;
    });
  }
  return out;
}
