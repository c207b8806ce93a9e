"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { ObjectCreateBody, SwarmObject, SwarmObjectKind } from "./object-form";
import type { ServiceCreateBody, ServiceUpdateBody } from "./service-form";
import type { NodeAvailability, NodeRole, SwarmNode, SwarmService, SwarmTask } from "@/lib/swarm/types";

export type ServiceDetail = SwarmService & { tasks: SwarmTask[] };
interface ServiceChange {
  service: SwarmService;
  warnings?: string[];
}

/** The REST base of one host's swarm (see docs/swarm.md). */
export const swarmPath = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}/swarm`;
const servicePath = (hostId: string, id: string) => `${swarmPath(hostId)}/services/${encodeURIComponent(id)}`;
/** The merged logs of a service's tasks, as a file to download. */
export const serviceLogsPath = (hostId: string, id: string) => `${servicePath(hostId, id)}/logs?tail=2000`;

/**
 * Tasks starting, failing or restarting send no swarm event: while a service has fewer tasks running
 * than it wants, its list is asked again every 2 s, and every 15 s once all have converged.
 */
export const swarmRefreshMs = (
  services: readonly Pick<SwarmService, "replicas" | "running">[] | undefined,
) => (services?.some((s) => s.running < s.replicas) ? 2000 : 15_000);

export function useServicesQuery(hostId: string) {
  return useQuery({
    queryKey: queryKeys.swarmServices(hostId),
    queryFn: () => api<{ items: SwarmService[] }>(`${swarmPath(hostId)}/services`),
    refetchInterval: (q) => swarmRefreshMs(q.state.data?.items),
  });
}

export function useServiceQuery(hostId: string, id: string) {
  return useQuery({
    queryKey: queryKeys.swarmService(hostId, id),
    queryFn: () => api<ServiceDetail>(servicePath(hostId, id)),
    retry: false,
    refetchInterval: (q) => swarmRefreshMs(q.state.data ? [q.state.data] : undefined),
  });
}

export function useNodesQuery(hostId: string) {
  return useQuery({
    queryKey: queryKeys.swarmNodes(hostId),
    queryFn: () => api<{ items: SwarmNode[] }>(`${swarmPath(hostId)}/nodes`),
    retry: false,
    // A node's tasks move without a node event (a drain's moves come as task changes).
    refetchInterval: 15_000,
  });
}

/** A host's configs or secrets, under the host's swarm key so every `swarm:event` refreshes them too. */
export const swarmObjectsKey = (hostId: string, kind: SwarmObjectKind) =>
  [...queryKeys.swarm(hostId), kind] as const;

/** Configs and secrets change only through create and remove, each of which sends a swarm event. */
export function useSwarmObjectsQuery(hostId: string, kind: SwarmObjectKind) {
  return useQuery({
    queryKey: swarmObjectsKey(hostId, kind),
    queryFn: () => api<{ items: SwarmObject[] }>(`${swarmPath(hostId)}/${kind}`),
    retry: false,
  });
}

/**
 * A swarm change refreshes every swarm query of the host; the engine's event follows too, a little
 * later. `forget` drops the mutation, and the body it was sent with, as soon as its form is gone.
 */
function useSwarmMutation<V, R>(hostId: string, fn: (v: V) => Promise<R>, forget = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.swarm(hostId) }),
    ...(forget ? { gcTime: 0 } : {}),
  });
}

export const useCreateService = (hostId: string) =>
  useSwarmMutation(hostId, (body: ServiceCreateBody) =>
    api<ServiceChange>(`${swarmPath(hostId)}/services`, { method: "POST", body }),
  );

export const useUpdateService = (hostId: string, id: string) =>
  useSwarmMutation(hostId, (body: ServiceUpdateBody) =>
    api<ServiceChange>(servicePath(hostId, id), { method: "PATCH", body }),
  );

export const useScaleService = (hostId: string) =>
  useSwarmMutation(hostId, ({ id, replicas }: { id: string; replicas: number }) =>
    api<ServiceChange>(`${servicePath(hostId, id)}/scale`, { method: "POST", body: { replicas } }),
  );

export const useRollbackService = (hostId: string, id: string) =>
  useSwarmMutation(hostId, () =>
    api<ServiceChange>(`${servicePath(hostId, id)}/rollback`, { method: "POST" }),
  );

export const useRemoveService = (hostId: string) =>
  useSwarmMutation(hostId, (id: string) => api<unknown>(servicePath(hostId, id), { method: "DELETE" }));

export interface NodeChange {
  id: string;
  version: number;
  availability?: NodeAvailability;
  role?: NodeRole;
  labels?: Record<string, string>;
}

export const useUpdateNode = (hostId: string) =>
  useSwarmMutation(hostId, ({ id, ...body }: NodeChange) =>
    api<SwarmNode>(`${swarmPath(hostId)}/nodes/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  );

/** `force` removes a node the engine would keep; the dialog offers it only for a node that is down. */
export const useRemoveNode = (hostId: string) =>
  useSwarmMutation(hostId, ({ id, force }: { id: string; force: boolean }) =>
    api<unknown>(`${swarmPath(hostId)}/nodes/${encodeURIComponent(id)}${force ? "?force=true" : ""}`, {
      method: "DELETE",
    }),
  );

/** A secret's body is the value itself: the mutation keeps it no longer than the dialog that sent it. */
export const useCreateSwarmObject = (hostId: string, kind: SwarmObjectKind) =>
  useSwarmMutation(
    hostId,
    (body: ObjectCreateBody) => api<SwarmObject>(`${swarmPath(hostId)}/${kind}`, { method: "POST", body }),
    kind === "secrets",
  );

export const useRemoveSwarmObject = (hostId: string, kind: SwarmObjectKind) =>
  useSwarmMutation(hostId, (id: string) =>
    api<unknown>(`${swarmPath(hostId)}/${kind}/${encodeURIComponent(id)}`, { method: "DELETE" }),
  );
