"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type {
  DiskUsage,
  EngineEventList,
  PrunePreview,
  SystemInfo,
  SystemPruneRequest,
  SystemPruneResult,
} from "@/lib/system";

const base = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}`;

export function useSystemInfoQuery(hostId: string) {
  return useQuery({
    queryKey: queryKeys.system(hostId),
    queryFn: () => api<SystemInfo>(`${base(hostId)}/system`),
    retry: false,
  });
}

export function useDiskUsageQuery(hostId: string) {
  return useQuery({
    queryKey: queryKeys.diskUsage(hostId),
    queryFn: () => api<DiskUsage>(`${base(hostId)}/df`),
    retry: (n, err) => n < 4 && /already running/i.test(err.message),
    retryDelay: 750,
    // Disk usage walks every layer and volume: no refetch on focus, only on demand or after a prune.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function useEngineEventsQuery(hostId: string) {
  return useQuery({
    queryKey: queryKeys.engineEvents(hostId),
    queryFn: () => api<EngineEventList>(`${base(hostId)}/events?limit=100`),
    retry: false,
  });
}

/** The query string of the preview for a prune request: the same choices, as parameters. */
export function previewSearch(req: SystemPruneRequest): string {
  const p = new URLSearchParams();
  p.set("images", req.images ?? "dangling");
  p.set("volumes", String(!!req.volumes));
  p.set("buildCache", String(req.buildCache ?? true));
  for (const l of req.filters?.label ?? []) p.append("label", l);
  return p.toString();
}

export function usePrunePreviewQuery(hostId: string, req: SystemPruneRequest, enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.prunePreview(hostId), previewSearch(req)],
    queryFn: () => api<PrunePreview>(`${base(hostId)}/prune/preview?${previewSearch(req)}`),
    enabled,
    // The engine runs one disk-usage walk at a time and refuses a second; that clears in a moment.
    retry: (n, err) => n < 4 && /already running/i.test(err.message),
    retryDelay: 750,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export function useSystemPrune(hostId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SystemPruneRequest) =>
      api<SystemPruneResult>(`${base(hostId)}/prune`, { method: "POST", body: req }),
    onSettled: () => void qc.invalidateQueries({ queryKey: queryKeys.host(hostId) }),
  });
}
