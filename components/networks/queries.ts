"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { NetworkCreateRequest, NetworkList, NetworkPruneResult, NetworkSummary } from "@/lib/networks";

const enc = encodeURIComponent;
export const networkPaths = {
  list: (hostId: string) => `/api/v1/hosts/${enc(hostId)}/networks`,
  all: () => "/api/v1/networks",
  one: (hostId: string, id: string) => `/api/v1/hosts/${enc(hostId)}/networks/${enc(id)}`,
  prune: (hostId: string) => `/api/v1/hosts/${enc(hostId)}/networks/prune`,
};

export function useNetworksQuery(hostId?: string) {
  return useQuery({
    queryKey: hostId ? queryKeys.networks(hostId) : queryKeys.allNetworks(),
    queryFn: () => api<NetworkList>(hostId ? networkPaths.list(hostId) : networkPaths.all()),
  });
}

function useRefreshNetworks() {
  const qc = useQueryClient();
  return (hostId: string) => {
    void qc.invalidateQueries({ queryKey: queryKeys.networks(hostId) });
    void qc.invalidateQueries({ queryKey: queryKeys.allNetworks() });
    // Connecting or disconnecting changes what the container's page shows.
    void qc.invalidateQueries({ queryKey: queryKeys.containers(hostId) });
  };
}

export function useCreateNetwork(hostId: string) {
  const refresh = useRefreshNetworks();
  return useMutation({
    mutationFn: (body: NetworkCreateRequest) =>
      api<NetworkSummary>(networkPaths.list(hostId), { method: "POST", body }),
    onSettled: () => refresh(hostId),
  });
}

export function useRemoveNetwork() {
  const refresh = useRefreshNetworks();
  return useMutation({
    mutationFn: ({ hostId, id }: { hostId: string; id: string }) =>
      api(networkPaths.one(hostId, id), { method: "DELETE" }),
    onSettled: (_d, _e, v) => refresh(v.hostId),
  });
}

export function useConnectNetwork() {
  const refresh = useRefreshNetworks();
  return useMutation({
    mutationFn: ({
      hostId,
      id,
      container,
      aliases,
      disconnect,
    }: {
      hostId: string;
      id: string;
      container: string;
      aliases?: string[];
      disconnect?: boolean;
    }) =>
      api(`${networkPaths.one(hostId, id)}/${disconnect ? "disconnect" : "connect"}`, {
        method: "POST",
        body: disconnect ? { container } : { container, ...(aliases?.length ? { aliases } : {}) },
      }),
    onSettled: (_d, _e, v) => refresh(v.hostId),
  });
}

export function usePruneNetworks() {
  const refresh = useRefreshNetworks();
  return useMutation({
    mutationFn: ({ hostId, labels }: { hostId: string; labels: string[] }) =>
      api<NetworkPruneResult>(networkPaths.prune(hostId), {
        method: "POST",
        body: labels.length ? { filters: { label: labels } } : {},
      }),
    onSettled: (_d, _e, v) => refresh(v.hostId),
  });
}
