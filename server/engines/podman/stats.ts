import type { EngineStats, StatsCounters } from "../stats-math";
import { sampleWithCpu } from "../stats-math";

const cpuTotal = (s: EngineStats) => s.cpu_stats?.cpu_usage?.total_usage;

/**
 * CPU % between two of Wharf's own Podman readings: the container's CPU time over the wall-clock time
 * between them, so one fully busy CPU is 100 % as with Docker. Podman's system_cpu_usage does not
 * advance with the host's CPU time (deltas from 0.5x to 2x of it were seen over the same 5 s), and the
 * precpu_stats of a one-shot reading is a millisecond old, so neither can be the divisor.
 */
export function podmanCpuPercent(cur: EngineStats, prev: EngineStats | undefined): number | undefined {
  if (!prev) return undefined;
  const a = cpuTotal(prev);
  const b = cpuTotal(cur);
  const wallNs = (Date.parse(cur.read ?? "") - Date.parse(prev.read ?? "")) * 1e6;
  if (a === undefined || b === undefined || !(wallNs > 0)) return undefined;
  // Backwards means the container restarted in between: no rate over that gap.
  if (b < a) return undefined;
  return ((b - a) / wallNs) * 100;
}

/** One Podman reading as a sample against the previous one, or undefined for the first. */
export function podmanSample(
  cur: EngineStats,
  prev: EngineStats | undefined,
  ref: { hostId: string; containerId: string },
  now: number = Date.now(),
): StatsCounters | undefined {
  const cpu = podmanCpuPercent(cur, prev);
  return cpu === undefined ? undefined : sampleWithCpu(cur, cpu, ref, now);
}
