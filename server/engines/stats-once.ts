import type { HostConnection } from "./host-connection";
import { engineCall } from "./engine-call";
import type { EngineStats } from "./stats-math";

/** How long a background reading may take before it is given up for this round. */
const ONE_SHOT_TIMEOUT_MS = 8000;

/**
 * One `GET /containers/{id}/stats?stream=false&one-shot=true`: the engine answers at once, without
 * the second reading it otherwise waits for, so the CPU % comes from the caller's previous reading.
 */
export function statsOnce(host: HostConnection, containerId: string): Promise<EngineStats> {
  return engineCall(
    host,
    (abortSignal) =>
      host.docker
        .getContainer(containerId)
        .stats({ stream: false, "one-shot": true, abortSignal } as { stream: false }) as Promise<EngineStats>,
    ONE_SHOT_TIMEOUT_MS,
  );
}
