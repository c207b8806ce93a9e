import { AppError } from "../../../lib/errors";
import type { HostConnection } from "../host-connection";
import type { EngineStats, StatsCounters } from "../stats-math";
import { statsOnce } from "../stats-once";
import { podmanSample } from "./stats";

export interface PolledStatsHandlers {
  sample(s: StatsCounters): void;
  /** The source stopped on its own (engine dropped, container gone); not called after close(). */
  ended(reason: string): void;
}

/** Docker's stream pace, which the charts and the rates expect. */
export const PODMAN_STATS_INTERVAL_MS = 1000;

/**
 * A container's stats from Podman at Docker's pace: one one-shot reading a second, each compared with
 * the one before. Podman's own stream sends one document every 5 s, so it is not used. One source per
 * container is shared by every viewer, like an engine stream.
 */
export function openPodmanStats(
  host: HostConnection,
  ref: { hostId: string; containerId: string },
  h: PolledStatsHandlers,
  intervalMs = PODMAN_STATS_INTERVAL_MS,
): { close(): void } {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let prev: EngineStats | undefined;
  const tick = async () => {
    const started = Date.now();
    try {
      const raw = await statsOnce(host, ref.containerId);
      if (closed) return;
      const s = podmanSample(raw, prev, ref);
      prev = raw;
      if (s) h.sample(s);
    } catch (err) {
      if (closed) return;
      closed = true;
      h.ended(err instanceof AppError || err instanceof Error ? err.message : String(err));
      return;
    }
    if (closed) return;
    timer = setTimeout(() => void tick(), Math.max(0, intervalMs - (Date.now() - started)));
    timer.unref();
  };
  void tick();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}
