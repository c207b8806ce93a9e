import type { HostSwarm } from "./types";
import type { HostSummary } from "../types";

/** The hosts answer carries `swarm` for a host in a swarm (see docs/swarm.md). */
export type SwarmHostSummary = HostSummary & { swarm?: HostSwarm };

export const swarmOfHost = (host: SwarmHostSummary | undefined): HostSwarm | undefined => host?.swarm;

/** Only a manager answers for the cluster; a worker's swarm calls all fail. */
export const isSwarmManager = (host: HostSummary | undefined): boolean => {
  const s = swarmOfHost(host);
  return !!s && s.state === "active" && s.manager;
};
