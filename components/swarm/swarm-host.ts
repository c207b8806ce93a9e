import type { SwarmNode } from "@/lib/swarm/types";

export { isSwarmManager, swarmOfHost, type SwarmHostSummary } from "@/lib/swarm/host";

/**
 * Where a node is, as people tell nodes apart: a manager's cluster address (the engine's own `addr`
 * may be the same loopback address on every node of one machine), else the node's address.
 */
export const nodeAddress = (n: SwarmNode): string | undefined =>
  n.managerAddr?.replace(/:\d+$/, "") ?? n.addr;
