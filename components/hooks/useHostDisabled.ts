"use client";
import { useTranslations } from "next-intl";
import { useHostsQuery } from "@/components/hooks/queries";
import type { HostCapability } from "@/lib/engine-kind";
import { findDisabled, translatedReason } from "./host-disabled";

/**
 * Why `capability` is unavailable on the host, in the user's language, or undefined when it is
 * available. Reads the shared host list query, so a table row asks nothing of the server itself.
 */
export function useHostDisabled(hostId: string, capability: HostCapability): string | undefined {
  const hosts = useHostsQuery();
  const t = useTranslations("hosts");
  const d = findDisabled(hosts.data?.items, hostId, capability);
  if (!d) return undefined;
  const key = translatedReason(d.quirk);
  return t("disabled.item", {
    capability: t(`disabled.capability.${d.capability}`),
    reason: key ? t(`disabled.reason.${key}`) : d.reason,
  });
}
