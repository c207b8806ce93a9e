import type { HistoryAnswer } from "@/lib/metrics";
import type { StatsSample } from "@/lib/realtime/events";

export interface Joined {
  /** Seconds, for the chart's time axis. */
  xs: number[];
  avg: (number | null)[];
  max: (number | null)[];
}

/**
 * Stored points followed by the live samples that came after the last stored bucket ended, so the
 * line runs on to now without a gap or an overlap. A gap in the stored points (the container was
 * stopped, Wharf was down) stays a gap: a missing bucket breaks the line.
 */
export function joinHistory(
  answer: HistoryAnswer,
  live: readonly StatsSample[],
  liveOf: (s: StatsSample) => number | undefined,
): Joined {
  const xs: number[] = [];
  const avg: (number | null)[] = [];
  const max: (number | null)[] = [];
  let prev: number | undefined;
  for (const p of answer.points) {
    if (prev !== undefined && p.t - prev > answer.stepMs * 1.5) {
      xs.push((prev + answer.stepMs) / 1000);
      avg.push(null);
      max.push(null);
    }
    xs.push(p.t / 1000);
    avg.push(p.avg);
    max.push(p.max);
    prev = p.t;
  }
  const end = prev === undefined ? -Infinity : prev + answer.stepMs;
  for (const s of live) {
    if (s.ts < end) continue;
    const v = liveOf(s);
    xs.push(s.ts / 1000);
    avg.push(v ?? null);
    max.push(v ?? null);
  }
  return { xs, avg, max };
}
