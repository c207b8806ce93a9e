"use client";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostDownBanner, HostErrorsBanner, UnknownHostPanel } from "@/components/hosts/HostBanners";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { Button } from "@/components/ui/Button";
import { ListStates } from "@/components/ui/ListStates";
import { HostPicker, ListHeader } from "@/components/volumes/ListHeader";
import { count } from "@/components/volumes/plural";
import { useHostList } from "@/components/volumes/useHostList";
import { ConnectDialog } from "./ConnectDialog";
import { CreateNetworkDialog } from "./CreateNetworkDialog";
import { DisconnectDialog, PruneNetworksDialog, RemoveNetworkDialog } from "./NetworkDialogs";
import type { NetworkEndpoint, NetworkSummary } from "@/lib/networks";
import { NetworkTable, type NetworkSortKey } from "./NetworkTable";
import { useNetworksQuery } from "./queries";

type Dialog =
  | { kind: "create" }
  | { kind: "prune" }
  | { kind: "remove"; n: NetworkSummary }
  | { kind: "connect"; n: NetworkSummary }
  | { kind: "disconnect"; n: NetworkSummary; e: NetworkEndpoint };

const texts = (n: NetworkSummary) => [
  n.name,
  n.id,
  n.driver,
  n.hostId,
  ...n.ipam.map((c) => c.subnet),
  ...n.containers.flatMap((c) => [c.ipv4Address ?? ""]),
  ...Object.entries(n.labels).map(([k, v]) => `${k}=${v}`),
  ...n.containers.flatMap((c) => [c.name, ...c.aliases]),
  n.internal ? "internal" : "",
];
const FIRST_SORT: NetworkSortKey = "name";
const value = (n: NetworkSummary, k: NetworkSortKey) =>
  k === "containers" ? n.containers.length : k === "host" ? n.hostId : n[k];

export function NetworksPanel({ hostId }: { hostId?: string }) {
  const list = useNetworksQuery(hostId);
  const canOperate = useCan("operate");
  const [dialog, setDialog] = useState<Dialog>();
  const {
    hosts,
    host,
    unknownHost,
    all,
    items,
    sort,
    onSort,
    onQ,
    focused,
    setFocused,
    searchRef,
    setPickedHost,
    target,
  } = useHostList({ hostId, items: list.data?.items, initialSort: FIRST_SORT, texts, value });
  const close = () => setDialog(undefined);

  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const n = items[i];
      if (n && canOperate && !n.predefined) setDialog({ kind: "connect", n });
    },
    toggle: () => {},
    restart: () => {},
    focusSearch: () => searchRef.current?.focus(),
  });

  if (unknownHost && hostId) {
    return <UnknownHostPanel hostId={hostId} />;
  }
  const userNets = all.filter((n) => !n.predefined);
  return (
    <div className="flex h-full flex-col">
      <ListHeader
        ref={searchRef}
        title={
          <>
            {host && <HostStatusDot status={host.status} />}
            {host ? `${host.name} · networks` : "All networks"}
          </>
        }
        counts={`${count(all.length, "network")} · ${userNets.length} user-defined · ${userNets.filter((n) => !n.containers.length).length} unused`}
        q={sort.q}
        onQ={onQ}
        placeholder="Filter (/)"
      >
        {canOperate && target && (
          <>
            {!hostId && hosts.data && (
              <HostPicker hosts={hosts.data.items} value={target} onChange={setPickedHost} />
            )}
            <Button onClick={() => setDialog({ kind: "prune" })}>Prune…</Button>
            <Button variant="primary" onClick={() => setDialog({ kind: "create" })}>
              + Network
            </Button>
          </>
        )}
      </ListHeader>
      <HostDownBanner host={host} />
      <HostErrorsBanner errors={list.data?.errors} />
      <div className="min-h-0 flex-1 overflow-auto">
        <ListStates
          noun="network"
          plural="networks"
          query={list}
          total={all.length}
          shown={items.length}
          hostDown={host?.status === "down"}
          empty={{
            title: "No networks",
            body: "Create an internal bridge with “+ Network” to let containers reach each other by name.",
          }}
        >
          <NetworkTable
            items={items}
            showHost={!hostId}
            sort={sort}
            onSort={onSort}
            focused={focused}
            onFocusRow={setFocused}
            canOperate={canOperate}
            onRemove={(n) => setDialog({ kind: "remove", n })}
            onConnect={(n) => setDialog({ kind: "connect", n })}
            onDisconnect={(n, e) => setDialog({ kind: "disconnect", n, e })}
          />
        </ListStates>
      </div>
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">
        Keys: j/k move · Enter connect a container · / filter
      </footer>
      {dialog?.kind === "create" && target && <CreateNetworkDialog hostId={target} onClose={close} />}
      {dialog?.kind === "prune" && target && <PruneNetworksDialog hostId={target} onClose={close} />}
      {dialog?.kind === "remove" && <RemoveNetworkDialog network={dialog.n} onClose={close} />}
      {dialog?.kind === "connect" && <ConnectDialog network={dialog.n} onClose={close} />}
      {dialog?.kind === "disconnect" && (
        <DisconnectDialog network={dialog.n} endpoint={dialog.e} onClose={close} />
      )}
    </div>
  );
}
