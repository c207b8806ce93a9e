import type { HostSwarm, SwarmNode } from "@/lib/swarm/types";
import type { HostSummary } from "@/lib/types";

/** The hosts answer carries `swarm` for a host in a swarm (see docs/swarm.md). */
export type SwarmHostSummary = HostSummary & { swarm?: HostSwarm };

export const swarmOfHost = (host: SwarmHostSummary | undefined): HostSwarm | undefined => host?.swarm;

/** Only a manager answers for the cluster; a worker's swarm calls all fail. */
export const isSwarmManager = (host: HostSummary | undefined): boolean => {
  const s = swarmOfHost(host);
  return !!s && s.state === "active" && s.manager;
};

/**
 * Where a node is, as people tell nodes apart: a manager's cluster address (the engine's own `addr`
 * may be the same loopback address on every node of one machine), else the node's address.
 */
export const nodeAddress = (n: SwarmNode): string | undefined =>
  n.managerAddr?.replace(/:\d+$/, "") ?? n.addr;
