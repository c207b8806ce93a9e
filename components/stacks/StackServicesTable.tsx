"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { ChartsToggle } from "@/components/stats/ChartsToggle";
import { StateBadge } from "@/components/ui/StateBadge";
import { ServiceStatsCells } from "./ServiceStatsCells";
import type { StackService } from "@/lib/stacks/types";
import { healthOfStatus } from "@/lib/status-health";

/**
 * The exit code in the engine's status ("Exited (1) 3 minutes ago"). The rest of that text is relative
 * to when the list was read, so it is shown only on hover.
 */
const exitCode = (status: string) => /^Exited \((\d+)\)/.exec(status)?.[1];

/**
 * A stack's services: the image, the replicas its file asks for beside the containers there are,
 * the service's live CPU and memory summed over its running containers, and each container with its
 * state and health, linked to its page. Each row ends in a toggle for the service's stored charts.
 */
export function StackServicesTable({
  hostId,
  services,
  charts,
  onCharts,
}: {
  hostId: string;
  services: StackService[];
  /** The service whose charts are open. */
  charts: string | undefined;
  onCharts: (service: string | undefined) => void;
}) {
  const t = useTranslations("stacks.services");
  if (!services.length) return <div className="text-muted">{t("none")}</div>;
  return (
    <table className="w-full table-fixed border-collapse" data-testid="stack-services">
      <colgroup>
        <col className="w-40" />
        <col className="w-56" />
        <col className="w-24" />
        <col className="w-36" />
        <col className="w-36" />
        <col />
        <col className="w-20" />
      </colgroup>
      <thead className="border-b border-line text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">{t("column.service")}</th>
          <th className="px-2 py-1 font-medium">{t("column.image")}</th>
          <th className="px-2 py-1 text-right font-medium" title={t("replicasHint")}>
            {t("column.replicas")}
          </th>
          <th className="px-2 py-1 text-right font-medium" title={t("cpuHint")}>
            CPU
          </th>
          <th className="px-2 py-1 text-right font-medium" title={t("memHint")}>
            {t("column.mem")}
          </th>
          <th className="px-2 py-1 font-medium">{t("column.containers")}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {services.map((s) => {
          const short = s.swarm
            ? s.swarm.running < s.swarm.desired
            : s.desired !== undefined && s.containers.length !== s.desired;
          return (
            <tr key={s.name} className="border-b border-line/60 align-top" data-testid={`service-${s.name}`}>
              <td className="truncate px-2 py-1 font-medium">
                {s.name}
                {s.desired === undefined && (
                  <span className="ml-1 text-[11px] font-normal text-muted" title={t("undeclaredHint")}>
                    {t("undeclared")}
                  </span>
                )}
              </td>
              <td className="truncate px-2 py-1 font-mono text-xs leading-5" title={s.image}>
                {s.image ?? "—"}
              </td>
              <td
                className={`px-2 py-1 text-right tabular-nums ${short ? "text-warn" : ""}`}
                data-testid="replicas"
              >
                {s.swarm
                  ? t("replicas", { containers: s.swarm.running, desired: s.swarm.desired })
                  : t("replicas", { containers: s.containers.length, desired: s.desired ?? "—" })}
              </td>
              <ServiceStatsCells hostId={hostId} containers={s.containers} />
              <td className="px-2 py-1">
                {s.swarm ? (
                  <Link
                    className="font-mono text-xs hover:underline"
                    href={`/hosts/${encodeURIComponent(hostId)}/swarm/services/${encodeURIComponent(s.swarm.id)}`}
                    title={t("swarmServiceHint")}
                    data-testid="swarm-service-link"
                  >
                    {t("swarmService", { name: s.swarm.name, mode: t(`swarmMode.${s.swarm.mode}`) })}
                  </Link>
                ) : s.containers.length === 0 ? (
                  <span className="text-muted">{t("noContainers")}</span>
                ) : (
                  <ul className="flex flex-col gap-0.5 leading-5">
                    {s.containers.map((c) => (
                      <li
                        key={c.id}
                        className="flex min-w-0 items-center gap-2"
                        title={c.status}
                        data-testid={`container-${c.name}`}
                      >
                        <StateBadge state={c.state} health={healthOfStatus(c.status)} />
                        <Link
                          className="truncate font-mono text-xs hover:underline"
                          href={`/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(c.id)}`}
                        >
                          {c.name}
                        </Link>
                        {exitCode(c.status) !== undefined && (
                          <span className="text-[11px] text-muted">
                            {t("exitCode", { code: exitCode(c.status) ?? "" })}
                          </span>
                        )}
                        {c.image !== s.image && (
                          <span className="truncate font-mono text-[11px] text-warn" title={t("otherImage")}>
                            {c.image}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-2 py-1 text-right">
                {/* A swarm service's tasks run on any node: their charts are on the service's own page. */}
                {!s.swarm && (
                  <ChartsToggle
                    open={charts === s.name}
                    onToggle={() => onCharts(charts === s.name ? undefined : s.name)}
                    label={t("charts")}
                    title={t("chartsHint")}
                    testId="service-charts"
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
