"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import { queryKeys } from "@/lib/query-keys";
import type { HostSummary } from "@/lib/types";

/** The host list lives under ["hosts"], with every container query below it: refresh the list only. */
function useRefreshHosts() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.hosts(), exact: true });
    void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

export function useAddHost(on: { onSuccess: (h: HostSummary) => void; onError: (e: Error) => void }) {
  const refresh = useRefreshHosts();
  return useMutation({
    mutationFn: (body: unknown) => api<HostSummary>("/api/v1/hosts", { method: "POST", body }),
    onSuccess: on.onSuccess,
    onError: on.onError,
    onSettled: refresh,
  });
}

export function useRemoveHost(host: HostSummary, onSuccess: () => void) {
  const refresh = useRefreshHosts();
  return useMutation({
    mutationFn: () => api(`/api/v1/hosts/${encodeURIComponent(host.id)}`, { method: "DELETE" }),
    onSuccess,
    onSettled: refresh,
  });
}
