import { EventEmitter } from "node:events";
import type { HostSwarm } from "../../lib/swarm/types";
import { withDeadline } from "../engines/engine-call";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { HostConnection } from "../engines/host-connection";
import type { HostRegistry } from "../engines/host-registry";
import { swarmInfo } from "./engine";
import { toHostSwarm } from "./views";

/**
 * Which hosts are in a swarm, read from `/info` when a host comes up and every REFRESH_MS while it
 * stays up (a `swarm init` or `leave` sends no event). Kept beside the hosts, not in them: the
 * engines know nothing of swarms.
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

/**
 * Follows every host's swarm state while it is up, from the registry's status events; the returned
 * function stops it. Attached before the hosts start, so no host comes up unseen.
 */
export function trackSwarmHosts(hosts: HostRegistry): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const stop = (hostId: string) => {
    clearInterval(timers.get(hostId));
    timers.delete(hostId);
  };
  const onStatus = (e: HostStatusEvent) => {
    stop(e.hostId);
    const host = hosts.find(e.hostId);
    if (!host) return;
    if (e.status !== "up") return set(host, undefined);
    void refreshSwarm(host);
    const timer = setInterval(() => {
      const h = hosts.find(e.hostId);
      if (h?.isUp) void refreshSwarm(h);
    }, REFRESH_MS);
    timer.unref();
    timers.set(e.hostId, timer);
  };
  // A host removed at run time takes its timer with it.
  const onChanged = () => {
    const present = new Set(hosts.ids());
    for (const id of [...timers.keys()]) if (!present.has(id)) stop(id);
  };
  hosts.on("status", onStatus);
  hosts.on("changed", onChanged);
  return () => {
    hosts.off("status", onStatus);
    hosts.off("changed", onChanged);
    for (const id of [...timers.keys()]) stop(id);
  };
}
