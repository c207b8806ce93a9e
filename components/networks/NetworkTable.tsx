"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { useStateText } from "@/components/ui/StateBadge";
import {
  HostDriverCells,
  HostObjectTable,
  RemoveButton,
  type HostTableProps,
} from "@/components/volumes/HostObjectTable";
import { MoreList } from "@/components/volumes/MoreList";
import type { NetworkEndpoint, NetworkSummary } from "@/lib/networks";

export type NetworkSortKey = "name" | "host" | "driver" | "scope" | "containers";
export const networkKey = (n: Pick<NetworkSummary, "hostId" | "id">) => `${n.hostId}/${n.id}`;

function Endpoint({
  n,
  e,
  onDisconnect,
}: {
  n: NetworkSummary;
  e: NetworkEndpoint;
  onDisconnect?: () => void;
}) {
  const t = useTranslations("networks");
  const stateText = useStateText();
  return (
    <span className="flex items-center gap-2" data-testid={`endpoint-${e.name}`}>
      <Link className="hover:underline" href={`/hosts/${n.hostId}/containers/${e.containerId}`}>
        {e.name}
      </Link>
      <span className="font-mono text-[11px] text-muted">
        {e.ipv4Address || e.ipv6Address || (e.state === "running" ? t("noAddress") : stateText(e.state))}
      </span>
      {e.aliases.length > 0 && (
        <span className="text-[11px] text-muted" title={t("aliasesNote")}>
          {t("aka", { aliases: e.aliases.join(", ") })}
        </span>
      )}
      {onDisconnect && (
        <button
          className="text-[11px] text-muted hover:text-bad"
          onClick={onDisconnect}
          aria-label={t("disconnectName", { name: e.name })}
        >
          {t("disconnectShort")}
        </button>
      )}
    </span>
  );
}

export function NetworkTable({
  onRemove,
  onConnect,
  onDisconnect,
  ...table
}: HostTableProps<NetworkSummary, NetworkSortKey> & {
  onRemove: (n: NetworkSummary) => void;
  onConnect: (n: NetworkSummary) => void;
  onDisconnect: (n: NetworkSummary, e: NetworkEndpoint) => void;
}) {
  const { showHost, canOperate } = table;
  const t = useTranslations("networks");
  return (
    <HostObjectTable
      {...table}
      testId="network-table"
      rowKey={networkKey}
      rowTestId={(n) => `network-row-${n.name}`}
      head={(h) => (
        <>
          {h("name", t("column.name"))}
          {showHost && h("host", t("column.host"))}
          {h("driver", t("column.driver"))}
          {h("scope", t("column.scope"))}
          <th className="px-2 py-1 text-left font-medium">{t("column.addressing")}</th>
          {h("containers", t("column.containers"))}
          <th className="px-2 py-1" />
        </>
      )}
      row={(n) => {
        const userNet = !n.predefined;
        return (
          <>
            <td className="px-2 py-1">
              <span className="font-medium">{n.name}</span>
              {n.internal && (
                <span
                  className="ml-2 rounded bg-panel-2 px-1 text-[11px] text-muted"
                  title={t("internalNote")}
                  data-testid="internal-flag"
                >
                  {t("internal")}
                </span>
              )}
              {n.predefined && <span className="ml-2 text-[11px] text-muted">{t("builtIn")}</span>}
              <div className="font-mono text-[11px] text-muted">{n.id.slice(0, 12)}</div>
            </td>
            <HostDriverCells showHost={showHost} item={n} />
            <td className="px-2 py-1 text-muted">{n.scope}</td>
            <td className="px-2 py-1 font-mono text-xs">
              {n.ipam.length === 0 ? (
                <span className="text-muted">—</span>
              ) : (
                n.ipam.map((c) => (
                  <div key={c.subnet}>
                    {c.subnet}
                    {c.gateway && <span className="text-muted"> {t("via", { gateway: c.gateway })}</span>}
                  </div>
                ))
              )}
            </td>
            <td className="px-2 py-1">
              <MoreList
                items={n.containers}
                keyOf={(e) => e.containerId}
                empty={t("none")}
                render={(e) => (
                  <Endpoint
                    n={n}
                    e={e}
                    onDisconnect={canOperate && userNet ? () => onDisconnect(n, e) : undefined}
                  />
                )}
              />
            </td>
            <td className="px-2 py-0.5 text-right whitespace-nowrap">
              {canOperate && userNet && (
                <span className="inline-flex gap-1">
                  <Button
                    size="sm"
                    onClick={() => onConnect(n)}
                    aria-label={t("connectTo", { name: n.name })}
                  >
                    {t("connectShort")}
                  </Button>
                  <RemoveButton name={n.name} onClick={() => onRemove(n)} />
                </span>
              )}
            </td>
          </>
        );
      }}
    />
  );
}
