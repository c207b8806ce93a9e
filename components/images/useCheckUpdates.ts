"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useToast } from "@/components/ui/Toasts";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { imagePaths, invalidateImages } from "./queries";

/**
 * Asks each host's registries again now instead of waiting for the server's cached answers to age,
 * then refreshes the lists so their badges follow. A host that fails says so by name.
 */
export function useCheckUpdates() {
  const qc = useQueryClient();
  const toast = useToast();
  const t = useTranslations("images.update");
  const errorLine = useErrorLine();
  return useMutation({
    mutationFn: async (hostIds: string[]) => {
      const results = await Promise.all(
        hostIds.map(async (hostId) => {
          try {
            const r = await api<{ items: ImageUpdateStatus[] }>(`${imagePaths.updates(hostId)}?refresh=1`);
            return { hostId, available: r.items.filter((u) => u.state === "available").length };
          } catch (err) {
            return { hostId, error: err };
          }
        }),
      );
      invalidateImages(qc, ...hostIds);
      return results;
    },
    onSuccess: (results) => {
      const failed = results.filter((r) => "error" in r);
      const available = results.reduce((n, r) => n + ("available" in r ? (r.available ?? 0) : 0), 0);
      if (failed.length)
        toast("error", t("someFailed"), failed.map((r) => `${r.hostId}: ${errorLine(r.error)}`).join("\n"));
      else toast("ok", available ? t("found", { count: available }) : t("allCurrent"));
    },
  });
}
