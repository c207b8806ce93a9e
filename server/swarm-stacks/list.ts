import type { HostConnection } from "../engines/host-connection";
import { listServices } from "../swarm/engine";
import type { EngineService } from "../swarm/engine-types";
import { swarmOf } from "../swarm/presence";
import { STACK_NAMESPACE } from "./labels";

/** Whether stacks on this host deploy as swarm services: the host's engine is a swarm manager. */
export const isSwarmStackHost = (host: HostConnection): boolean => swarmOf(host)?.manager === true;

/**
 * The swarm stacks of a manager host, by namespace: every service carrying
 * `com.docker.stack.namespace`, as `docker stack ls` groups them. Empty on any other host.
 */
export async function swarmStackServices(host: HostConnection): Promise<Map<string, EngineService[]>> {
  const out = new Map<string, EngineService[]>();
  if (!isSwarmStackHost(host)) return out;
  for (const s of await listServices(host, { label: [STACK_NAMESPACE] })) {
    const ns = s.Spec?.Labels?.[STACK_NAMESPACE];
    if (!ns) continue;
    const list = out.get(ns) ?? [];
    list.push(s);
    out.set(ns, list);
  }
  return out;
}

/** One stack's services, or none. */
export async function swarmStackOf(host: HostConnection, namespace: string): Promise<EngineService[]> {
  if (!isSwarmStackHost(host)) return [];
  return listServices(host, { label: [`${STACK_NAMESPACE}=${namespace}`] });
}
