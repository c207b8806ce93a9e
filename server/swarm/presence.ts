import { EventEmitter } from "node:events";
import type { HostSwarm } from "../../lib/swarm/types";
import { withDeadline } from "../engines/engine-call";
import type { HostConnection } from "../engines/host-connection";
import { swarmInfo } from "./engine";
import { toHostSwarm } from "./views";

/**
 * Which hosts are in a swarm, read from `/info` when a host comes up and every REFRESH_MS while it
 * stays up (a `swarm init` or `leave` sends no event). Kept beside the host, not in it, so the host
 * connection needs one hook.
 */

export const REFRESH_MS = 10_000;
const INFO_TIMEOUT_MS = 5_000;

const known = new WeakMap<HostConnection, HostSwarm>();

/** Told when a host's swarm state changes (joined, left, became or stopped being a manager). */
export const swarmPresence = new EventEmitter<{ change: [HostConnection, HostSwarm | undefined] }>();
// One listener per Wharf instance in the process (tests start many).
swarmPresence.setMaxListeners(0);

export const swarmOf = (host: HostConnection): HostSwarm | undefined => known.get(host);

/** The field a host's summary carries: only for a host that is, or tries to be, in a swarm. */
export function swarmField(host: HostConnection): { swarm?: HostSwarm } {
  const s = known.get(host);
  return s && s.state !== "inactive" ? { swarm: s } : {};
}

const sameSwarm = (a: HostSwarm | undefined, b: HostSwarm | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

function set(host: HostConnection, next: HostSwarm | undefined): void {
  const before = known.get(host);
  if (next) known.set(host, next);
  else known.delete(host);
  if (!sameSwarm(before, next)) swarmPresence.emit("change", host, next);
}

/** Reads the host's swarm state now; a failure leaves what was known (the health loop reports outages). */
export async function refreshSwarm(host: HostConnection): Promise<HostSwarm | undefined> {
  try {
    set(host, toHostSwarm(await withDeadline(INFO_TIMEOUT_MS, (signal) => swarmInfo(host, signal))));
  } catch {
    // The host's own health check decides whether it is down.
  }
  return known.get(host);
}

/** Follows one host's swarm state while it is up; the returned function stops it (the host stopped). */
export function trackSwarm(host: HostConnection): () => void {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  host.on("status", (e) => {
    stop();
    if (e.status !== "up") return set(host, undefined);
    void refreshSwarm(host);
    timer = setInterval(() => {
      if (host.isUp) void refreshSwarm(host);
    }, REFRESH_MS);
    timer.unref();
  });
  return stop;
}
