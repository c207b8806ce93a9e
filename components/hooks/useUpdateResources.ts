"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "@/components/api/client";
import { useToast } from "@/components/ui/Toasts";
import type { ResourcesResult } from "@/lib/quotas";
import { queryKeys } from "@/lib/query-keys";
import type { ResourcesRequest } from "@/lib/schemas";

export function useUpdateResources(hostId: string, containerId: string, name: string) {
  const qc = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (req: ResourcesRequest) =>
      api<ResourcesResult>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(containerId)}/resources`,
        { method: "PATCH", body: req },
      ),
    onSuccess: (res) => {
      const notApplied = res.notApplied.map((n) => n.field).join(", ");
      if (notApplied) toast("error", `${name}: not applied: ${notApplied}`, res.warnings.join("\n"));
      else
        toast(
          "ok",
          `${name}: limits applied`,
          res.warnings.length ? `Engine warnings:\n${res.warnings.join("\n")}` : undefined,
        );
      void qc.invalidateQueries({ queryKey: queryKeys.quotas(hostId) });
      void qc.invalidateQueries({ queryKey: queryKeys.allQuotas() });
      void qc.invalidateQueries({ queryKey: queryKeys.container(hostId, containerId) });
    },
    onError: (err) => toast("error", `${name}: limits unchanged`, errorMessage(err)),
  });
}
