import { AppError } from "../../lib/errors";
import { scopeAllowsLabels } from "../../lib/permissions";
import { stackNameSchema } from "../../lib/stacks/schemas";
import { parseWith } from "../../lib/parse";
import type { Principal } from "../auth/principal";
import { listContainerItems } from "../engines/containers";
import type { HostConnection } from "../engines/host-connection";
import { isLabelScoped } from "../scope/targets";
import type { EngineService } from "../swarm/engine-types";
import { swarmStackOf, swarmStackServices } from "../swarm-stacks/list";
import { groupProjects, type ProjectContainer } from "./projects";
import type { StackStore, StoredStack } from "./stack-store";

/** A stack as a route acts on it: its stored record when Wharf keeps files for it, and its containers. */
export interface StackTarget {
  name: string;
  stored?: StoredStack;
  containers: ProjectContainer[];
  /** A swarm stack's services (`com.docker.stack.namespace`); empty for a compose stack. */
  services: EngineService[];
}

/** Whether the stack deploys to the host's swarm: stored as such, or found only as swarm services. */
export const isSwarmStack = (s: Pick<StackTarget, "stored" | "services">): boolean =>
  s.stored ? s.stored.orchestrator === "swarm" : s.services.length > 0;

/**
 * Whether a principal may see a stack. Without a label scope, every stack of a host in scope. With
 * one, a stack Wharf keeps must have been made under that same scope, and every container of the
 * project must carry the label: a stack that mixes teams belongs to neither.
 */
export function stackVisible(
  p: Principal,
  stored: StoredStack | undefined,
  containers: readonly ProjectContainer[],
  services: readonly EngineService[] = [],
): boolean {
  if (!isLabelScoped(p)) return true;
  if (!containers.every((c) => scopeAllowsLabels(p.scope, c.labels))) return false;
  if (!services.every((s) => scopeAllowsLabels(p.scope, s.Spec?.Labels ?? {}))) return false;
  return stored ? stored.owner === p.scope.labelSelector : containers.length + services.length > 0;
}

/** Every compose project of a host, by name: its containers, and Wharf's record of it. */
export async function hostProjects(
  store: StackStore,
  host: HostConnection,
): Promise<Map<string, Omit<StackTarget, "name">>> {
  const [items, swarm] = await Promise.all([listContainerItems(host), swarmStackServices(host)]);
  const groups = groupProjects(host.spec.id, items);
  const out = new Map<string, Omit<StackTarget, "name">>();
  for (const [name, containers] of groups) out.set(name, { containers, services: [] });
  for (const [name, services] of swarm)
    out.set(name, { containers: out.get(name)?.containers ?? [], services });
  for (const s of store.list(host.spec.id)) {
    const found = out.get(s.name);
    out.set(s.name, { stored: s, containers: found?.containers ?? [], services: found?.services ?? [] });
  }
  return out;
}

/** The stack `:name` on the host, if it exists and is in the caller's scope; 404 otherwise, alike. */
export async function stackInScope(
  store: StackStore,
  host: HostConnection,
  p: Principal,
  rawName: unknown,
): Promise<StackTarget> {
  const name = parseWith(stackNameSchema, rawName, "name: ");
  const stored = store.find(host.spec.id, name);
  const [items, services] = await Promise.all([listContainerItems(host), swarmStackOf(host, name)]);
  const containers = groupProjects(host.spec.id, items).get(name) ?? [];
  if ((!stored && !containers.length && !services.length) || !stackVisible(p, stored, containers, services))
    throw new AppError("NOT_FOUND", `no stack ${name} on ${host.spec.id}`, { hostId: host.spec.id });
  return { name, ...(stored ? { stored } : {}), containers, services };
}
