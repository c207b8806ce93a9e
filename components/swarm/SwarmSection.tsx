"use client";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { HostHeader } from "@/components/hosts/HostHeader";
import { usePageHost } from "@/components/hosts/usePageHost";
import { IntentLink } from "@/components/ui/IntentLink";
import { StatePanel } from "@/components/ui/StatePanel";
import { isSwarmManager, swarmOfHost } from "./swarm-host";
import { useSwarmWatch } from "./useSwarmWatch";

/** The section's pages, each with its message key under swarm.tabs. */
const TABS = [
  ["", "services"],
  ["/nodes", "nodes"],
  ["/configs", "configs"],
  ["/secrets", "secrets"],
] as const;
const SUBPAGES = TABS.map(([sub]) => sub).filter(Boolean);

/**
 * The frame of a host's swarm pages: the header with the cluster's size and the tabs, and one watch
 * of the host's swarm facts for every page below, so moving between them keeps the stream.
 */
export function SwarmSection({ hostId, children }: { hostId: string; children: ReactNode }) {
  const t = useTranslations("swarm");
  const pathname = usePathname();
  const { host, hosts } = usePageHost(hostId);
  const manager = isSwarmManager(host);
  const swarm = swarmOfHost(host);
  const base = `/hosts/${hostId}/swarm`;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <HostHeader host={host} title={t("title", { host: host?.name ?? hostId })}>
        {swarm?.nodes !== undefined && (
          <span className="text-[11px] text-muted" data-testid="swarm-size">
            {t("size", { nodes: swarm.nodes, managers: swarm.managers ?? 0 })}
          </span>
        )}
        <nav className="ml-auto flex gap-1" aria-label={t("tabs.label")}>
          {TABS.map(([sub, key]) => {
            const to = `${base}${sub}`;
            // Services own the section's root and every path the other tabs do not (a service's page).
            const active = sub
              ? pathname.startsWith(to)
              : !SUBPAGES.some((other) => pathname.startsWith(`${base}${other}`));
            return (
              <IntentLink
                key={key}
                href={to}
                aria-current={active ? "page" : undefined}
                className={`rounded px-2 py-0.5 ${active ? "bg-panel-2 font-medium" : "text-muted hover:bg-panel-2"}`}
              >
                {t(`tabs.${key}`)}
              </IntentLink>
            );
          })}
        </nav>
      </HostHeader>
      {hosts.isPending ? null : manager ? (
        <Watched hostId={hostId}>{children}</Watched>
      ) : (
        <StatePanel title={t("notManager.title")}>
          {swarm ? t("notManager.worker") : t("notManager.none")}
        </StatePanel>
      )}
    </div>
  );
}

function Watched({ hostId, children }: { hostId: string; children: ReactNode }) {
  useSwarmWatch(hostId);
  return <div className="min-h-0 flex-1 overflow-auto">{children}</div>;
}
