"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "@/components/api/client";
import { takeEarly } from "@/components/api/early-fetch";
import { containersPath, ME_PATH } from "@/components/api/paths";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { queryKeys } from "@/lib/query-keys";
import type { ContainerDetail, ContainerList, HostSummary, MeUser } from "@/lib/types";

/** Who is signed in; on a full page load, the answer to the request the HTML already made (see EarlyFetch). */
export function useMeQuery() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: () => takeEarly<{ user: MeUser }>(ME_PATH) ?? api<{ user: MeUser }>(ME_PATH),
    staleTime: Infinity,
  });
}

export function useHostsQuery() {
  return useQuery({
    queryKey: queryKeys.hosts(),
    queryFn: () => api<{ items: HostSummary[] }>("/api/v1/hosts"),
  });
}

/** Lists whose answer came from the HTML's request and has not been fetched again since. */
const earlyLists = new Set<string>();

/**
 * One host's containers, or every host's when hostId is undefined. Filtering happens in the browser.
 * On a full page load the first answer is the one the HTML already asked for (see EarlyFetch). That
 * request left before the socket listened, so the list is fetched again once the socket is connected:
 * the connect itself refetches every host query, and when the early answer lands only after the
 * connect (which then had nothing to refetch), this hook asks once more.
 */
export function useContainersQuery(hostId?: string) {
  const path = containersPath(hostId);
  const queryKey = hostId ? queryKeys.containers(hostId) : queryKeys.allContainers();
  const query = useQuery({
    queryKey,
    queryFn: () => {
      const early = takeEarly<ContainerList>(path);
      if (early) earlyLists.add(path);
      else earlyLists.delete(path);
      return early ?? api<ContainerList>(path);
    },
  });
  const qc = useQueryClient();
  const { connected } = useRealtime();
  const loaded = query.isSuccess;
  useEffect(() => {
    if (connected && loaded && earlyLists.delete(path))
      void qc.invalidateQueries({ queryKey, exact: true, refetchType: "active" });
    // queryKey follows path.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connected, loaded, path, qc]);
  return query;
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
