"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { ContainerDetail, ContainerList, HostSummary, MeUser } from "@/lib/types";

export function useMeQuery() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: () => api<{ user: MeUser }>("/api/v1/auth/me"),
    staleTime: Infinity,
  });
}

export function useHostsQuery() {
  return useQuery({
    queryKey: queryKeys.hosts(),
    queryFn: () => api<{ items: HostSummary[] }>("/api/v1/hosts"),
  });
}

/** One host's containers, or every host's when hostId is undefined. Filtering happens in the browser. */
export function useContainersQuery(hostId?: string) {
  return useQuery({
    queryKey: hostId ? queryKeys.containers(hostId) : queryKeys.allContainers(),
    queryFn: () =>
      api<ContainerList>(
        hostId ? `/api/v1/hosts/${encodeURIComponent(hostId)}/containers` : "/api/v1/containers",
      ),
  });
}

export function useContainerQuery(hostId: string, id: string) {
  return useQuery({
    queryKey: queryKeys.container(hostId, id),
    queryFn: () =>
      api<ContainerDetail>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(id)}`,
      ),
    retry: false,
  });
}
