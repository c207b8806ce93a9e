"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { QueryGate } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import type { SwarmNode } from "@/lib/swarm/types";
import { NodeLabelsDialog } from "./NodeLabelsDialog";
import { NodeTable } from "./NodeTable";
import { RemoveNodeDialog } from "./RemoveNodeDialog";
import { useNodesQuery } from "./queries";

/** The cluster's nodes: whole-host objects, so a label-scoped user is told calmly they are not theirs. */
export function NodesPanel({ hostId }: { hostId: string }) {
  const t = useTranslations("swarm.nodes");
  const query = useNodesQuery(hostId);
  const canAdmin = useCan("admin");
  const [dialog, setDialog] = useState<{ labels: SwarmNode } | { remove: SwarmNode }>();
  const close = () => setDialog(undefined);
  if (query.error instanceof ApiError && query.error.status === 403)
    return <StatePanel title={t("forbidden.title")}>{t("forbidden.body")}</StatePanel>;
  return (
    <div className="flex flex-col">
      <div className="flex items-center gap-3 border-b border-line px-3 py-1.5 text-muted">
        {query.data && (
          <span data-testid="node-count">
            {t("count", {
              count: query.data.items.length,
              ready: query.data.items.filter((n) => n.status === "ready").length,
            })}
          </span>
        )}
        {!canAdmin && query.data && <span className="ml-auto text-[11px]">{t("adminOnly")}</span>}
      </div>
      <QueryGate query={query} loading={t("loading")} failed={t("failedList")}>
        {({ items }) => (
          <NodeTable
            hostId={hostId}
            nodes={[...items].sort((a, b) => a.hostname.localeCompare(b.hostname))}
            canAdmin={canAdmin}
            onLabels={(n) => setDialog({ labels: n })}
            onRemove={(n) => setDialog({ remove: n })}
          />
        )}
      </QueryGate>
      {dialog && "labels" in dialog && (
        <NodeLabelsDialog hostId={hostId} node={dialog.labels} onClose={close} />
      )}
      {dialog && "remove" in dialog && (
        <RemoveNodeDialog hostId={hostId} node={dialog.remove} onClose={close} />
      )}
    </div>
  );
}
