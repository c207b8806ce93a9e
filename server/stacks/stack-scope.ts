import { AppError } from "../../lib/errors";
import { scopeAllowsLabels } from "../../lib/permissions";
import { stackNameSchema } from "../../lib/stacks/schemas";
import { parseWith } from "../../lib/parse";
import type { Principal } from "../auth/principal";
import { listContainerItems } from "../engines/containers";
import type { HostConnection } from "../engines/host-connection";
import { isLabelScoped } from "../scope/targets";
import { groupProjects, type ProjectContainer } from "./projects";
import type { StackStore, StoredStack } from "./stack-store";

/** A stack as a route acts on it: its stored record when Wharf keeps files for it, and its containers. */
export interface StackTarget {
  name: string;
  stored?: StoredStack;
  containers: ProjectContainer[];
}

/**
 * Whether a principal may see a stack. Without a label scope, every stack of a host in scope. With
 * one, a stack Wharf keeps must have been made under that same scope, and every container of the
 * project must carry the label: a stack that mixes teams belongs to neither.
 */
export function stackVisible(
  p: Principal,
  stored: StoredStack | undefined,
  containers: readonly ProjectContainer[],
): boolean {
  if (!isLabelScoped(p)) return true;
  if (!containers.every((c) => scopeAllowsLabels(p.scope, c.labels))) return false;
  return stored ? stored.owner === p.scope.labelSelector : containers.length > 0;
}

/** Every compose project of a host, by name: its containers, and Wharf's record of it. */
export async function hostProjects(
  store: StackStore,
  host: HostConnection,
): Promise<Map<string, { stored?: StoredStack; containers: ProjectContainer[] }>> {
  const groups = groupProjects(host.spec.id, await listContainerItems(host));
  const out = new Map<string, { stored?: StoredStack; containers: ProjectContainer[] }>();
  for (const [name, containers] of groups) out.set(name, { containers });
  for (const s of store.list(host.spec.id))
    out.set(s.name, { stored: s, containers: out.get(s.name)?.containers ?? [] });
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
  const containers = groupProjects(host.spec.id, await listContainerItems(host)).get(name) ?? [];
  if ((!stored && !containers.length) || !stackVisible(p, stored, containers))
    throw new AppError("NOT_FOUND", `no stack ${name} on ${host.spec.id}`, { hostId: host.spec.id });
  return { name, ...(stored ? { stored } : {}), containers };
}
