"use client";
import { errorMessage } from "@/components/api/client";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { LabelFilterField, labelFilters } from "@/components/volumes/LabelFilterField";
import { useToast } from "@/components/ui/Toasts";
import type { NetworkEndpoint, NetworkSummary } from "@/lib/networks";
import { useConnectNetwork, usePruneNetworks, useRemoveNetwork } from "./queries";

function DialogError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <span
      className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
      role="alert"
      data-testid="dialog-error"
    >
      {errorMessage(error)}
    </span>
  );
}

export function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const toast = useToast();
  const remove = useRemoveNetwork();
  return (
    <ConfirmDialog
      open
      title={`Remove network ${network.name}?`}
      confirmLabel={remove.isPending ? "Removing…" : "Remove network"}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { hostId: network.hostId, id: network.id },
          {
            onSuccess: () => {
              toast("ok", `Network ${network.name} removed`);
              onClose();
            },
          },
        )
      }
    >
      {network.containers.length > 0 ? (
        <p className="text-warn">
          {network.containers.map((c) => c.name).join(", ")} still attached: the engine refuses until they are
          disconnected.
        </p>
      ) : (
        <p>No container is attached; nothing else changes.</p>
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
  const disconnect = useConnectNetwork();
  return (
    <ConfirmDialog
      open
      title={`Disconnect ${endpoint.name} from ${network.name}?`}
      confirmLabel={disconnect.isPending ? "Disconnecting…" : "Disconnect"}
      onCancel={onClose}
      onConfirm={() =>
        disconnect.mutate(
          { hostId: network.hostId, id: network.id, container: endpoint.containerId, disconnect: true },
          {
            onSuccess: () => {
              toast("ok", `${endpoint.name} disconnected from ${network.name}`);
              onClose();
            },
          },
        )
      }
    >
      It loses its address {endpoint.ipv4Address ?? ""} and aliases on this network; the container keeps
      running.
      <DialogError error={disconnect.error} />
    </ConfirmDialog>
  );
}

export function PruneNetworksDialog({ hostId, onClose }: { hostId: string; onClose: () => void }) {
  const prune = usePruneNetworks();
  const [label, setLabel] = useState("");
  const done = prune.data;
  return (
    <ConfirmDialog
      open
      title={done ? "Networks pruned" : `Prune unused networks on ${hostId}?`}
      confirmLabel={done ? "Close" : prune.isPending ? "Pruning…" : "Prune"}
      onCancel={onClose}
      onConfirm={() => (done ? onClose() : prune.mutate({ hostId, labels: labelFilters(label) }))}
    >
      {done ? (
        <div data-testid="prune-result">
          {done.deleted.length} removed
          <ul className="mt-2 max-h-40 overflow-auto font-mono text-xs">
            {done.deleted.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>
            Removes every user network with no container attached. The built-in bridge, host and none stay.
          </p>
          <LabelFilterField value={label} onChange={setLabel} />
        </>
      )}
      <DialogError error={prune.error} />
    </ConfirmDialog>
  );
}
