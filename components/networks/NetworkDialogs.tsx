"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { LabelFilterField, labelFilters } from "@/components/volumes/LabelFilterField";
import { useToast } from "@/components/ui/Toasts";
import type { NetworkEndpoint, NetworkSummary } from "@/lib/networks";
import { useConnectNetwork, usePruneNetworks, useRemoveNetwork } from "./queries";

function DialogError({ error }: { error: unknown }) {
  const errorLine = useErrorLine();
  if (!error) return null;
  return (
    <span
      className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
      role="alert"
      data-testid="dialog-error"
    >
      {errorLine(error)}
    </span>
  );
}

export function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("networks.remove");
  const remove = useRemoveNetwork();
  return (
    <ConfirmDialog
      open
      title={t("title", { name: network.name })}
      confirmLabel={remove.isPending ? t("removing") : t("confirm")}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { hostId: network.hostId, id: network.id },
          {
            onSuccess: () => {
              toast("ok", t("removed", { name: network.name }));
              onClose();
            },
          },
        )
      }
    >
      {network.containers.length > 0 ? (
        <p className="text-warn">
          {t("attached", { names: network.containers.map((c) => c.name).join(", ") })}
        </p>
      ) : (
        <p>{t("nothingAttached")}</p>
      )}
      <DialogError error={remove.error} />
    </ConfirmDialog>
  );
}

export function DisconnectDialog({
  network,
  endpoint,
  onClose,
}: {
  network: NetworkSummary;
  endpoint: NetworkEndpoint;
  onClose: () => void;
}) {
  const toast = useToast();
  const t = useTranslations("networks.disconnect");
  const disconnect = useConnectNetwork();
  const names = { container: endpoint.name, network: network.name };
  return (
    <ConfirmDialog
      open
      title={t("title", names)}
      confirmLabel={disconnect.isPending ? t("busy") : t("confirm")}
      onCancel={onClose}
      onConfirm={() =>
        disconnect.mutate(
          { hostId: network.hostId, id: network.id, container: endpoint.containerId, disconnect: true },
          {
            onSuccess: () => {
              toast("ok", t("done", names));
              onClose();
            },
          },
        )
      }
    >
      {t("body", { address: endpoint.ipv4Address ?? "" })}
      <DialogError error={disconnect.error} />
    </ConfirmDialog>
  );
}

export function PruneNetworksDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const t = useTranslations("networks.prune");
  const prune = usePruneNetworks();
  const [label, setLabel] = useState("");
  const done = prune.data;
  return (
    <ConfirmDialog
      open
      title={done ? t("doneTitle") : t("title", { host: hostId })}
      confirmLabel={done ? t("close") : prune.isPending ? t("pruning") : t("confirm")}
      onCancel={onClose}
      onConfirm={() => (done ? onClose() : prune.mutate({ hostId, labels: labelFilters(label) }))}
    >
      {done ? (
        <div data-testid="prune-result">
          {t("result", { count: done.deleted.length })}
          <ul className="mt-2 max-h-40 overflow-auto font-mono text-xs">
            {done.deleted.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>{t("body")}</p>
          <LabelFilterField value={label} onChange={setLabel} />
        </>
      )}
      <DialogError error={prune.error} />
    </ConfirmDialog>
  );
}
