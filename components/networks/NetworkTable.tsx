"use client";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { keepInView } from "@/components/volumes/keep-in-view";
import { MoreList } from "@/components/volumes/MoreList";
import { SortHeader } from "@/components/volumes/SortHeader";
import type { SortState } from "@/components/volumes/table-sort";
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
  return (
    <span className="flex items-center gap-2" data-testid={`endpoint-${e.name}`}>
      <Link className="hover:underline" href={`/hosts/${n.hostId}/containers/${e.containerId}`}>
        {e.name}
      </Link>
      <span className="font-mono text-[11px] text-muted">
        {e.ipv4Address || e.ipv6Address || (e.state === "running" ? "no address" : e.state)}
      </span>
      {e.aliases.length > 0 && (
        <span className="text-[11px] text-muted" title="DNS aliases on this network">
          aka {e.aliases.join(", ")}
        </span>
      )}
      {onDisconnect && (
        <button
          className="text-[11px] text-muted hover:text-bad"
          onClick={onDisconnect}
          aria-label={`Disconnect ${e.name}`}
        >
          disconnect
        </button>
      )}
    </span>
  );
}

export function NetworkTable({
  items,
  showHost,
  sort,
  onSort,
  focused,
  onFocusRow,
  canOperate,
  onRemove,
  onConnect,
  onDisconnect,
}: {
  items: NetworkSummary[];
  showHost: boolean;
  sort: SortState<NetworkSortKey>;
  onSort: (k: NetworkSortKey) => void;
  focused: number;
  onFocusRow: (i: number) => void;
  canOperate: boolean;
  onRemove: (n: NetworkSummary) => void;
  onConnect: (n: NetworkSummary) => void;
  onDisconnect: (n: NetworkSummary, e: NetworkEndpoint) => void;
}) {
  const h = (k: NetworkSortKey, label: string) => (
    <SortHeader k={k} label={label} state={sort} onSort={onSort} />
  );
  return (
    <table className="w-full border-collapse" data-testid="network-table">
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          {h("name", "Name")}
          {showHost && h("host", "Host")}
          {h("driver", "Driver")}
          {h("scope", "Scope")}
          <th className="px-2 py-1 text-left font-medium">Subnet / gateway</th>
          {h("containers", "Containers")}
          <th className="px-2 py-1" />
        </tr>
      </thead>
      <tbody>
        {items.map((n, i) => {
          const userNet = !n.predefined;
          return (
            <tr
              key={networkKey(n)}
              data-testid={`network-row-${n.name}`}
              data-focused={i === focused}
              ref={i === focused ? keepInView : undefined}
              onMouseDown={() => onFocusRow(i)}
              className="border-b border-line/60 align-top hover:bg-panel-2 data-[focused=true]:bg-panel-2"
            >
              <td className="px-2 py-1">
                <span className="font-medium">{n.name}</span>
                {n.internal && (
                  <span
                    className="ml-2 rounded bg-panel-2 px-1 text-[11px] text-muted"
                    title="No route out of the host"
                    data-testid="internal-flag"
                  >
                    internal
                  </span>
                )}
                {n.predefined && <span className="ml-2 text-[11px] text-muted">built-in</span>}
                <div className="font-mono text-[11px] text-muted">{n.id.slice(0, 12)}</div>
              </td>
              {showHost && <td className="px-2 py-1 text-muted">{n.hostId}</td>}
              <td className="px-2 py-1">{n.driver}</td>
              <td className="px-2 py-1 text-muted">{n.scope}</td>
              <td className="px-2 py-1 font-mono text-xs">
                {n.ipam.length === 0 ? (
                  <span className="text-muted">—</span>
                ) : (
                  n.ipam.map((c) => (
                    <div key={c.subnet}>
                      {c.subnet}
                      {c.gateway && <span className="text-muted"> via {c.gateway}</span>}
                    </div>
                  ))
                )}
              </td>
              <td className="px-2 py-1">
                {n.containers.length === 0 ? (
                  <span className="text-muted">none</span>
                ) : (
                  <MoreList
                    items={n.containers}
                    keyOf={(e) => e.containerId}
                    render={(e) => (
                      <Endpoint
                        n={n}
                        e={e}
                        onDisconnect={canOperate && userNet ? () => onDisconnect(n, e) : undefined}
                      />
                    )}
                  />
                )}
              </td>
              <td className="px-2 py-0.5 text-right whitespace-nowrap">
                {canOperate && userNet && (
                  <span className="inline-flex gap-1">
                    <Button
                      size="sm"
                      onClick={() => onConnect(n)}
                      aria-label={`Connect a container to ${n.name}`}
                    >
                      Connect…
                    </Button>
                    <Button
                      size="sm"
                      variant="danger"
                      onClick={() => onRemove(n)}
                      aria-label={`Remove ${n.name}`}
                    >
                      Remove…
                    </Button>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
