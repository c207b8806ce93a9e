"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { VolumeCreateRequest, VolumeList, VolumePruneResult, VolumeSummary } from "@/lib/volumes";

const enc = encodeURIComponent;
export const volumePaths = {
  list: (hostId: string) => `/api/v1/hosts/${enc(hostId)}/volumes`,
  all: () => "/api/v1/volumes",
  one: (hostId: string, name: string) => `/api/v1/hosts/${enc(hostId)}/volumes/${enc(name)}`,
  prune: (hostId: string) => `/api/v1/hosts/${enc(hostId)}/volumes/prune`,
};

/** One host's volumes, or every host's when hostId is undefined. */
export function useVolumesQuery(hostId?: string) {
  return useQuery({
    queryKey: hostId ? queryKeys.volumes(hostId) : queryKeys.allVolumes(),
    queryFn: () => api<VolumeList>(hostId ? volumePaths.list(hostId) : volumePaths.all()),
  });
}

function useRefreshVolumes() {
  const qc = useQueryClient();
  return (hostId: string) => {
    void qc.invalidateQueries({ queryKey: queryKeys.volumes(hostId) });
    void qc.invalidateQueries({ queryKey: queryKeys.allVolumes() });
    void qc.invalidateQueries({ queryKey: queryKeys.diskUsage(hostId) });
  };
}

export function useCreateVolume(hostId: string) {
  const refresh = useRefreshVolumes();
  return useMutation({
    mutationFn: (body: VolumeCreateRequest) =>
      api<VolumeSummary>(volumePaths.list(hostId), { method: "POST", body }),
    onSettled: () => refresh(hostId),
  });
}

export function useRemoveVolume() {
  const refresh = useRefreshVolumes();
  return useMutation({
    mutationFn: ({ hostId, name, force }: { hostId: string; name: string; force: boolean }) =>
      api(`${volumePaths.one(hostId, name)}${force ? "?force=1" : ""}`, { method: "DELETE" }),
    onSettled: (_d, _e, v) => refresh(v.hostId),
  });
}

export function usePruneVolumes() {
  const refresh = useRefreshVolumes();
  return useMutation({
    mutationFn: ({ hostId, all, labels }: { hostId: string; all: boolean; labels: string[] }) =>
      api<VolumePruneResult>(volumePaths.prune(hostId), {
        method: "POST",
        body: { ...(all ? { all: true } : {}), ...(labels.length ? { filters: { label: labels } } : {}) },
      }),
    onSettled: (_d, _e, v) => refresh(v.hostId),
  });
}
