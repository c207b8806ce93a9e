"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { HostListPanel } from "@/components/volumes/HostListPanel";
import { useHostList } from "@/components/volumes/useHostList";
import type { NetworkEndpoint, NetworkSummary } from "@/lib/networks";
import { ConnectDialog } from "./ConnectDialog";
import { CreateNetworkDialog } from "./CreateNetworkDialog";
import { DisconnectDialog, PruneNetworksDialog, RemoveNetworkDialog } from "./NetworkDialogs";
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
  const t = useTranslations("networks");
  const query = useNetworksQuery(hostId);
  const [dialog, setDialog] = useState<Dialog>();
  const list = useHostList({ hostId, query, initialSort: FIRST_SORT, texts, value });
  const { all, target, canOperate } = list;
  const userNets = all.filter((n) => !n.predefined);
  const close = () => setDialog(undefined);

  return (
    <HostListPanel
      list={list}
      noun={t("noun")}
      plural={t("plural")}
      createLabel={t("create")}
      counts={t("counts", {
        count: all.length,
        user: userNets.length,
        unused: userNets.filter((n) => !n.containers.length).length,
      })}
      empty={{ title: t("empty.title"), body: t("empty.body") }}
      keys={t("keys")}
      onOpen={(n) => {
        if (canOperate && !n.predefined) setDialog({ kind: "connect", n });
      }}
      onCreate={() => setDialog({ kind: "create" })}
      onPrune={() => setDialog({ kind: "prune" })}
      table={(props) => (
        <NetworkTable
          {...props}
          onRemove={(n) => setDialog({ kind: "remove", n })}
          onConnect={(n) => setDialog({ kind: "connect", n })}
          onDisconnect={(n, e) => setDialog({ kind: "disconnect", n, e })}
        />
      )}
      dialogs={
        <>
          {dialog?.kind === "create" && target && <CreateNetworkDialog hostId={target} onClose={close} />}
          {dialog?.kind === "prune" && target && <PruneNetworksDialog hostId={target} onClose={close} />}
          {dialog?.kind === "remove" && <RemoveNetworkDialog network={dialog.n} onClose={close} />}
          {dialog?.kind === "connect" && <ConnectDialog network={dialog.n} onClose={close} />}
          {dialog?.kind === "disconnect" && (
            <DisconnectDialog network={dialog.n} endpoint={dialog.e} onClose={close} />
          )}
        </>
      }
    />
  );
}
