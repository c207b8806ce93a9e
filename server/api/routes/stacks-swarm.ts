/**
 * The swarm side of the stack routes: a stack whose host is a swarm manager and that was made for
 * the swarm (or found as `docker stack deploy` services) plans, deploys, adopts and comes down as
 * swarm services, with `docker stack` semantics.
 */
import type { ComposeLoadResult } from "../../../lib/compose/model";
import { AppError } from "../../../lib/errors";
import { fieldError } from "../../../lib/parse";
import type { Principal } from "../../auth/principal";
import type { HostConnection } from "../../engines/host-connection";
import { isLabelScoped } from "../../scope/targets";
import type { EngineService } from "../../swarm/engine-types";
import { composeFromServices } from "../../swarm-stacks/from-services";
import { isSwarmStackHost } from "../../swarm-stacks/list";
import { heldBy, planSwarmStack, type SwarmStackPlan } from "../../swarm-stacks/plan";

/**
 * A swarm stack makes networks, configs and secrets, which belong to the whole swarm: a caller
 * limited to some labels may not make or change one (as it may not hand such objects to a service).
 */
export function requireSwarmStackAccess(p: Principal, host: HostConnection): void {
  if (!isSwarmStackHost(host))
    throw fieldError(
      "orchestrator",
      `${host.spec.id} is not a swarm manager; deploy the stack as compose, or pick a manager host`,
    );
  if (isLabelScoped(p))
    throw new AppError(
      "FORBIDDEN",
      `a swarm stack makes networks, configs and secrets for the whole swarm; your access is limited to ${p.scope.labelSelector}`,
    );
}

export async function planOnSwarm(
  host: HostConnection,
  name: string,
  services: EngineService[],
  loaded: ComposeLoadResult,
  prune: boolean,
): Promise<SwarmStackPlan> {
  return planSwarmStack(loaded.project, name, await heldBy(host, services), prune, loaded.warnings);
}

/** What adopting a `docker stack deploy` stack starts from: a file written from its services. */
export async function swarmAdoptSource(
  host: HostConnection,
  name: string,
  services: readonly EngineService[],
) {
  const networks = (await host.docker.listNetworks()) as { Id: string; Name: string }[];
  return {
    compose: composeFromServices(name, services, networks),
    env: "",
    from: "services" as const,
    note: `written from the specs of ${services.length} swarm service${services.length === 1 ? "" : "s"}`,
  };
}
