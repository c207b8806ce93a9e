"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useToast } from "@/components/ui/Toasts";
import type { ResourcesResult } from "@/lib/quotas";
import { queryKeys } from "@/lib/query-keys";
import type { ResourcesRequest } from "@/lib/schemas";

export function useUpdateResources(hostId: string, containerId: string, name: string) {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("ui.limits");
  const errorLine = useErrorLine();
  return useMutation({
    mutationFn: (req: ResourcesRequest) =>
      api<ResourcesResult>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(containerId)}/resources`,
        { method: "PATCH", body: req },
      ),
    onSuccess: (res) => {
      const notApplied = res.notApplied.map((n) => n.field).join(", ");
      if (notApplied) toast("error", t("notApplied", { name, fields: notApplied }), res.warnings.join("\n"));
      else
        toast(
          "ok",
          t("applied", { name }),
          res.warnings.length ? t("engineWarnings", { warnings: res.warnings.join("\n") }) : undefined,
        );
      void qc.invalidateQueries({ queryKey: queryKeys.quotas(hostId) });
      void qc.invalidateQueries({ queryKey: queryKeys.allQuotas() });
      void qc.invalidateQueries({ queryKey: queryKeys.container(hostId, containerId) });
    },
    onError: (err) => toast("error", t("unchanged", { name }), errorLine(err)),
  });
}
