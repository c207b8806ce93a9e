"use client";
import { useTranslations } from "next-intl";
import type { HostSummary } from "@/lib/types";
import { IntentLink } from "@/components/ui/IntentLink";
import { isSwarmManager } from "@/lib/swarm/host";

/** The host's Swarm entry in the sidebar, for a swarm manager only (a worker cannot answer for the cluster). */
export function SwarmNavLink({
  host,
  pathname,
  className,
}: {
  host: HostSummary;
  pathname: string;
  className: (href: string, active: boolean) => string;
}) {
  const t = useTranslations("swarm");
  if (!isSwarmManager(host)) return null;
  const to = `/hosts/${host.id}/swarm`;
  return (
    <IntentLink
      href={to}
      className={className(to, pathname.startsWith(to))}
      data-testid={`host-swarm-${host.id}`}
    >
      {t("nav")}
    </IntentLink>
  );
}
