/**
 * What deploying a stack file to a swarm would do, as `docker stack deploy` does it: services
 * created, updated in place (the swarm rolls their tasks by the update policy) or kept; with
 * `prune`, services of the stack the file no longer has removed; networks, configs and secrets
 * made when missing.
 */
import type { ComposeProject } from "../../lib/compose/model";
import { AppError } from "../../lib/errors";
import type { PlanObject, PlanStep, StackPlan } from "../../lib/stacks/types";
import type { HostConnection } from "../engines/host-connection";
import { listObjects } from "../swarm/engine";
import type { EngineService, EngineSwarmObject } from "../swarm/engine-types";
import { specDifferences } from "./canon";
import { type SwarmStackSpec, swarmStackSpec } from "./convert";

export interface EngineNetworkBrief {
  Id: string;
  Name: string;
  Scope?: string;
}

/** What the swarm holds that a stack plan compares against. */
export interface SwarmHeld {
  services: EngineService[];
  networks: EngineNetworkBrief[];
  configs: EngineSwarmObject[];
  secrets: EngineSwarmObject[];
}

export interface SwarmStackPlan {
  spec: SwarmStackSpec;
  view: StackPlan;
  /** Services to remove (prune), by engine id. */
  prune: EngineService[];
}

export async function heldBy(host: HostConnection, services: EngineService[]): Promise<SwarmHeld> {
  const [networks, configs, secrets] = await Promise.all([
    host.docker.listNetworks() as Promise<EngineNetworkBrief[]>,
    listObjects(host, "configs"),
    listObjects(host, "secrets"),
  ]);
  return { services, networks, configs, secrets };
}

export function networkNamer(networks: readonly EngineNetworkBrief[]): (ref: string) => string {
  const byId = new Map(networks.map((n) => [n.Id, n.Name]));
  return (ref) => byId.get(ref) ?? ref;
}

export function planSwarmStack(
  project: ComposeProject,
  namespace: string,
  held: SwarmHeld,
  prune: boolean,
  warnings: string[] = [],
): SwarmStackPlan {
  const spec = swarmStackSpec(project, namespace);
  for (const c of spec.configs) {
    const found = held.configs.find((x) => x.Spec?.Name === c.Name);
    if (!c.external && found?.Spec?.Data !== undefined && found.Spec.Data !== c.Data)
      throw new AppError(
        "VALIDATION",
        `configs.${c.key}: the swarm's config ${c.Name} holds other content, and a config cannot change; give it a new name (a version suffix)`,
      );
  }
  const name = networkNamer(held.networks);
  const byName = new Map(held.services.map((s) => [s.Spec?.Name ?? "", s]));
  const steps: PlanStep[] = [];
  for (const [service, wanted] of spec.services) {
    const engineName = wanted.Name ?? service;
    const current = byName.get(engineName);
    if (!current) {
      steps.push({ service, action: "create", container: engineName, reason: "new service" });
      continue;
    }
    const diff = specDifferences(wanted, current.Spec ?? {}, name);
    steps.push({
      service,
      action: diff.length ? "update" : "keep",
      container: engineName,
      containerId: current.ID,
      reason: diff.length ? `changed: ${diff.join(", ")}` : "unchanged",
    });
  }
  const wantedNames = new Set([...spec.services.values()].map((s) => s.Name));
  const orphans = held.services.filter((s) => !wantedNames.has(s.Spec?.Name));
  for (const s of orphans) {
    const engineName = s.Spec?.Name ?? s.ID;
    steps.push({
      service: engineName.startsWith(`${namespace}_`) ? engineName.slice(namespace.length + 1) : engineName,
      action: prune ? "remove" : "keep",
      container: engineName,
      containerId: s.ID,
      reason: prune ? "not in the file (prune)" : "not in the file; kept (deploy with prune to remove it)",
    });
  }
  const objects: PlanObject[] = [
    ...spec.networks.map((n) => ({
      kind: "network" as const,
      name: n.Name,
      action: n.external
        ? ("external" as const)
        : held.networks.some((x) => x.Name === n.Name)
          ? ("keep" as const)
          : ("create" as const),
    })),
    ...(["configs", "secrets"] as const).flatMap((kind) =>
      spec[kind].map((o) => ({
        kind: kind === "configs" ? ("config" as const) : ("secret" as const),
        name: o.Name,
        action: o.external
          ? ("external" as const)
          : held[kind].some((x) => x.Spec?.Name === o.Name)
            ? ("keep" as const)
            : ("create" as const),
      })),
    ),
  ];
  return {
    spec,
    prune: prune ? orphans : [],
    view: { project: namespace, steps, objects, pulls: [], builds: [], warnings, orchestrator: "swarm" },
  };
}
