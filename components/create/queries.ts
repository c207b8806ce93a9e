"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { CreateConfig } from "@/lib/container-spec/create-body";
import type {
  ContainerSpecView,
  CreateContainerResult,
  RecreateContainerResult,
} from "@/lib/container-spec/api-types";
import { queryKeys } from "@/lib/query-keys";

const base = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}/containers`;

export function useContainerSpecQuery(hostId: string, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.containerSpec(hostId, id ?? ""),
    queryFn: () => api<ContainerSpecView>(`${base(hostId)}/${encodeURIComponent(id ?? "")}/spec`),
    enabled: !!id,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

function useRefresh(hostId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.containers(hostId) });
    void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
    void qc.invalidateQueries({ queryKey: queryKeys.volumes(hostId) });
  };
}

export function useCreateContainer(hostId: string) {
  const refresh = useRefresh(hostId);
  return useMutation({
    mutationFn: (body: { name?: string; start?: boolean; config: CreateConfig }) =>
      api<CreateContainerResult>(base(hostId), { method: "POST", body }),
    onSettled: refresh,
  });
}

export function useRecreateContainer(hostId: string, id: string) {
  const refresh = useRefresh(hostId);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; start?: boolean; config: CreateConfig }) =>
      api<RecreateContainerResult>(`${base(hostId)}/${encodeURIComponent(id)}/recreate`, {
        method: "POST",
        body,
      }),
    onSettled: () => {
      refresh();
      void qc.invalidateQueries({ queryKey: ["hosts", hostId, "containers", "detail"] });
      void qc.invalidateQueries({ queryKey: ["hosts", hostId, "containers", "spec"] });
    },
  });
}

export function usePullImage(hostId: string) {
  return useMutation({
    mutationFn: ({ image, jobId }: { image: string; jobId: string }) =>
      api<{ id: string; jobId: string }>(`/api/v1/hosts/${encodeURIComponent(hostId)}/images/pull`, {
        method: "POST",
        body: { image, jobId },
      }),
  });
}
