"use client";
import { useTranslations } from "next-intl";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toasts";
import { NODE_AVAILABILITIES, type SwarmNode } from "@/lib/swarm/types";
import { useUpdateNode, type NodeChange } from "./queries";

/**
 * A node's availability and role changes, each written at the node's version, so a change made
 * meanwhile is refused (and said) rather than overwritten; its labels and its removal open dialogs.
 */
export function NodeActions({
  hostId,
  node,
  onLabels,
  onRemove,
}: {
  hostId: string;
  node: SwarmNode;
  onLabels: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("swarm.nodes");
  const toast = useToast();
  const errorLine = useErrorLine();
  const update = useUpdateNode(hostId);
  const change = (patch: Omit<NodeChange, "id" | "version">, done: string) =>
    update.mutate(
      { id: node.id, version: node.version, ...patch },
      {
        onSuccess: () => toast("ok", done),
        onError: (e) => toast("error", t("failed", { node: node.hostname }), errorLine(e)),
      },
    );
  const busy = update.isPending;
  return (
    <span className="flex flex-wrap justify-end gap-1">
      {NODE_AVAILABILITIES.filter((a) => a !== node.availability).map((a) => (
        <Button
          key={a}
          size="sm"
          variant={a === "drain" ? "danger" : "default"}
          disabled={busy}
          data-testid={`node-${a}`}
          onClick={() => change({ availability: a }, t(`done.${a}`, { node: node.hostname }))}
        >
          {t(`action.${a}`)}
        </Button>
      ))}
      <Button
        size="sm"
        disabled={busy}
        data-testid={node.role === "manager" ? "node-demote" : "node-promote"}
        onClick={() =>
          node.role === "manager"
            ? change({ role: "worker" }, t("done.demote", { node: node.hostname }))
            : change({ role: "manager" }, t("done.promote", { node: node.hostname }))
        }
      >
        {node.role === "manager" ? t("action.demote") : t("action.promote")}
      </Button>
      <Button size="sm" disabled={busy} onClick={onLabels} data-testid="node-labels">
        {t("action.labels")}
      </Button>
      <Button
        size="sm"
        variant="danger"
        disabled={busy}
        onClick={onRemove}
        data-testid="node-remove"
        aria-label={t("removeName", { node: node.hostname })}
      >
        {t("action.remove")}
      </Button>
    </span>
  );
}
