"use client";
import { useTranslations } from "next-intl";
import { HistoryPanel } from "@/components/stats/HistoryPanel";
import type { StackService } from "@/lib/stacks/types";

/**
 * A compose service's stored charts, its containers summed and joined across recreates, also while
 * the service has no container (a stack brought down keeps its history).
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
      source={{ kind: "service", hostId, project, service: service.name }}
      onClose={onClose}
      testId="service-history"
    />
  );
}
