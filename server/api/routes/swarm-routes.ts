import type { AppContext } from "../../context";
import type { Router } from "../router";
import { registerSwarmNodeRoutes } from "./swarm-nodes";
import { registerSwarmObjectRoutes } from "./swarm-objects";
import { registerSwarmServiceRoutes } from "./swarm-services";

/** Swarm clusters (see docs/swarm.md): the cluster, nodes, services, tasks, configs and secrets. */
export function registerSwarmRoutes(router: Router, ctx: AppContext): void {
  registerSwarmObjectRoutes(router, ctx);
  registerSwarmNodeRoutes(router, ctx);
  registerSwarmServiceRoutes(router, ctx);
}
