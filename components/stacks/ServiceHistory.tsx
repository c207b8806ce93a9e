"use client";
import { useTranslations } from "next-intl";
import { serviceSource } from "@/components/stats/history-source";
import { HistoryPanel } from "@/components/stats/HistoryPanel";
import type { StackService } from "@/lib/stacks/types";

/**
 * A compose service's stored charts, its containers summed and joined across recreates. The
 * history is asked through one of its containers; with none right now, that is what it says.
 */
export function ServiceHistory({
  hostId,
  project,
  service,
  onClose,
}: {
  hostId: string;
  project: string;
  service: StackService;
  onClose: () => void;
}) {
  const t = useTranslations("stacks.services");
  return (
    <HistoryPanel
      title={t("historyTitle")}
      subject={service.name}
      note={t("historyNote")}
      source={serviceSource(hostId, project, service)}
      absent={{ title: t("noContainerNow", { service: service.name }), hint: t("noContainerNowHint") }}
      onClose={onClose}
      testId="service-history"
    />
  );
}
