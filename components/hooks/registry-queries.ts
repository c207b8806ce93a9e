"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { RegistryPage, RegistryRecord, RegistryTagDetail } from "@/lib/types";

export const REGISTRY_PAGE = 100;

/** The API paths; a repository name may hold `/`, which the router needs encoded as one segment. */
export const registryPaths = {
  list: () => "/api/v1/registries",
  one: (id: number) => `/api/v1/registries/${id}`,
  repos: (id: number) => `/api/v1/registries/${id}/repositories`,
  tags: (id: number, name: string) =>
    `/api/v1/registries/${id}/repositories/${encodeURIComponent(name)}/tags`,
  tag: (id: number, name: string, tag: string) =>
    `${registryPaths.tags(id, name)}/${encodeURIComponent(tag)}`,
};

const pageSearch = (last: string | undefined) =>
  `?n=${REGISTRY_PAGE}${last ? `&last=${encodeURIComponent(last)}` : ""}`;

// Registry calls can be slow or fail for reasons a retry will not fix (credentials): show the error at once.
const ONCE = { retry: false, refetchOnWindowFocus: false } as const;

export function useRegistriesQuery(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.registries(),
    queryFn: () => api<{ items: RegistryRecord[] }>(registryPaths.list()),
    staleTime: 0,
    refetchOnMount: "always",
    ...opts,
  });
}

/** Pages follow the registry's own `next`, so "load more" asks for exactly what comes after. */
export function useRepositoriesQuery(id: number | undefined) {
  return useInfiniteQuery({
    queryKey: queryKeys.registryRepos(id ?? 0),
    queryFn: ({ pageParam }) => api<RegistryPage>(registryPaths.repos(id ?? 0) + pageSearch(pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
    enabled: id !== undefined,
    ...ONCE,
  });
}

export function useTagsQuery(id: number | undefined, name: string | undefined) {
  return useInfiniteQuery({
    queryKey: queryKeys.registryTags(id ?? 0, name ?? ""),
    queryFn: ({ pageParam }) =>
      api<RegistryPage>(registryPaths.tags(id ?? 0, name ?? "") + pageSearch(pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
    enabled: id !== undefined && !!name,
    ...ONCE,
  });
}

export function useTagQuery(id: number | undefined, name: string | undefined, tag: string | undefined) {
  return useQuery({
    queryKey: queryKeys.registryTag(id ?? 0, name ?? "", tag ?? ""),
    queryFn: () => api<RegistryTagDetail>(registryPaths.tag(id ?? 0, name ?? "", tag ?? "")),
    enabled: id !== undefined && !!name && !!tag,
    ...ONCE,
  });
}
