"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { SwarmNode } from "@/lib/swarm/types";
import { useRemoveNode } from "./queries";
import { isIn, NODE_STATUSES } from "./node-status";
import { nodeAddress } from "./swarm-host";

/**
 * Removing a node from the swarm. The engine removes only a node that is down (and not a manager)
 * unless forced; force is offered only for a down node, since forcing a running one out leaves an
 * engine that still thinks it is in the swarm. Any refusal is the engine's own, shown in the dialog.
 */
export function RemoveNodeDialog({
  hostId,
  node,
  onClose,
}: {
  hostId: string;
  node: SwarmNode;
  onClose: () => void;
}) {
  const t = useTranslations("swarm.nodes");
  const toast = useToast();
  const remove = useRemoveNode(hostId);
  const [force, setForce] = useState(false);
  const down = node.status === "down";
  // Nodes of one machine share a hostname: the address tells them apart.
  const address = nodeAddress(node);
  const name = address ? `${node.hostname} (${address})` : node.hostname;
  const status = isIn(NODE_STATUSES, node.status) ? t(`statuses.${node.status}`) : node.status;
  return (
    <ConfirmDialog
      open
      title={t("remove.title", { node: name })}
      confirmLabel={
        remove.isPending ? t("remove.removing") : force ? t("remove.forceConfirm") : t("remove.confirm")
      }
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { id: node.id, force: down && force },
          {
            onSuccess: () => {
              toast("ok", t("remove.removed", { node: name }));
              onClose();
            },
          },
        )
      }
    >
      <p className="mb-2">{t("remove.body")}</p>
      {!down && (
        <p className="mb-2 text-warn" data-testid="node-remove-running">
          {t("remove.running", { node: name, status })}
        </p>
      )}
      {node.role === "manager" && <p className="mb-2">{t("remove.manager")}</p>}
      {down && (
        <label className="mb-2 flex items-start gap-2" data-testid="node-remove-force">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={force}
            onChange={(e) => setForce(e.target.checked)}
          />
          <span>{t.rich("remove.force", { b: (c) => <b>{c}</b> })}</span>
        </label>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
    </ConfirmDialog>
  );
}
