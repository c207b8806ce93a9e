"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { HubSearchResult, ImageDetail, ImageLayer, ImageList } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";

const host = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}/images`;

/** The API paths; an image is named by id or by `repo:tag`, encoded as one segment. */
export const imagePaths = {
  all: () => "/api/v1/images",
  host,
  one: (hostId: string, ref: string) => `${host(hostId)}/${encodeURIComponent(ref)}`,
  history: (hostId: string, ref: string) => `${imagePaths.one(hostId, ref)}/history`,
  tag: (hostId: string, ref: string) => `${imagePaths.one(hostId, ref)}/tag`,
  exportTar: (hostId: string, ref: string) => `${imagePaths.one(hostId, ref)}/export`,
  pull: (hostId: string) => `${host(hostId)}/pull`,
  pullMany: () => "/api/v1/images/pull",
  push: (hostId: string) => `${host(hostId)}/push`,
  build: (hostId: string) => `${host(hostId)}/build`,
  load: (hostId: string) => `${host(hostId)}/load`,
  prune: (hostId: string) => `${host(hostId)}/prune`,
  search: (hostId: string, term: string) => `${host(hostId)}/search?term=${encodeURIComponent(term)}`,
  updates: (hostId: string) => `${host(hostId)}/updates`,
};

export { invalidateImages } from "@/components/api/invalidate";

/**
 * One host's images, or every host's; filters and sorting happen in the browser, so the containers
 * page can read the same cached list for its update badges.
 */
export function useImagesQuery(hostId?: string, opts: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({
    queryKey: hostId ? queryKeys.imageList(hostId) : queryKeys.allImages(),
    queryFn: () => api<ImageList>(hostId ? imagePaths.host(hostId) : imagePaths.all()),
    ...opts,
  });
}

export function useImageQuery(hostId: string, ref: string) {
  return useQuery({
    queryKey: queryKeys.image(hostId, ref),
    queryFn: () => api<ImageDetail>(imagePaths.one(hostId, ref)),
    retry: false,
  });
}

export function useImageHistoryQuery(hostId: string, ref: string) {
  return useQuery({
    queryKey: queryKeys.imageHistory(hostId, ref),
    queryFn: () => api<ImageLayer[] | { items: ImageLayer[] }>(imagePaths.history(hostId, ref)),
    select: (d) => (Array.isArray(d) ? d : d.items),
    retry: false,
  });
}

/** Docker Hub search through a host's engine; the Hub may well be unreachable, so no retries. */
export function useHubSearchQuery(hostId: string | undefined, term: string) {
  return useQuery({
    queryKey: queryKeys.hubSearch(term),
    queryFn: () =>
      api<HubSearchResult[] | { items: HubSearchResult[] }>(imagePaths.search(hostId ?? "", term)),
    select: (d) => (Array.isArray(d) ? d : d.items),
    enabled: !!hostId && term.trim().length >= 2,
    retry: false,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}
