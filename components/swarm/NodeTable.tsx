"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { TableHead } from "@/components/ui/QueryGate";
import type { SwarmNode } from "@/lib/swarm/types";
import { LabelChips } from "./LabelChips";
import { NodeActions } from "./NodeActions";
import { isIn, NODE_STATUSES, REACHABILITIES } from "./node-status";
import { nodeAddress } from "./swarm-host";

const cell = "px-2 py-1 align-middle";

const TONE: Record<string, string> = { ready: "text-ok", down: "text-bad", disconnected: "text-bad" };
const AVAILABILITY_TONE: Record<string, string> = {
  active: "text-ok",
  pause: "text-warn",
  drain: "text-bad",
};

/** The cluster's nodes, one dense row each; actions for admins only. */
export function NodeTable({
  hostId,
  nodes,
  canAdmin,
  onLabels,
  onRemove,
}: {
  hostId: string;
  nodes: SwarmNode[];
  canAdmin: boolean;
  onLabels: (n: SwarmNode) => void;
  onRemove: (n: SwarmNode) => void;
}) {
  const t = useTranslations("swarm.nodes");
  const format = useFormat();
  const labels = [
    t("hostname"),
    t("role"),
    t("availability"),
    t("status"),
    t("manager"),
    t("engine"),
    t("resources"),
    t("labels"),
    t("tasks"),
  ];
  return (
    <table className="w-full border-collapse text-left [&_th]:px-2" data-testid="node-table">
      <TableHead labels={canAdmin ? [...labels, ""] : labels} sticky />
      <tbody>
        {nodes.map((n) => (
          <tr
            key={n.id}
            className="border-b border-line/60 hover:bg-panel-2"
            data-testid={`node-${n.id}`}
            data-availability={n.availability}
          >
            <td className={`${cell} font-medium`} title={n.id}>
              {n.hostname}
              <span className="ml-1 font-mono text-[11px] text-muted">{nodeAddress(n)}</span>
            </td>
            <td className={cell}>{t(`roles.${n.role}`)}</td>
            <td
              className={`${cell} ${AVAILABILITY_TONE[n.availability] ?? ""}`}
              data-testid="node-availability"
            >
              {t(`availabilities.${n.availability}`)}
            </td>
            <td className={`${cell} ${TONE[n.status] ?? "text-warn"}`} title={n.message}>
              {isIn(NODE_STATUSES, n.status) ? t(`statuses.${n.status}`) : n.status}
            </td>
            <td className={cell}>
              {n.leader ? (
                <span className="rounded border border-accent/50 px-1 text-[11px] text-accent">
                  {t("leader")}
                </span>
              ) : (
                <span className="text-muted">
                  {!n.reachability
                    ? "—"
                    : isIn(REACHABILITIES, n.reachability)
                      ? t(`reachabilities.${n.reachability}`)
                      : n.reachability}
                </span>
              )}
            </td>
            <td className={`${cell} font-mono text-xs`}>{n.engineVersion ?? ""}</td>
            <td className={`${cell} text-xs whitespace-nowrap`}>
              {n.nanoCpus !== undefined && t("cpus", { cpus: n.nanoCpus / 1e9 })}
              {n.memoryBytes !== undefined && ` · ${format.bytes(n.memoryBytes)}`}
            </td>
            <td className={cell}>
              <LabelChips labels={n.labels} />
            </td>
            <td className={`${cell} tabular-nums`} data-testid="node-tasks">
              {n.runningTasks}
            </td>
            {canAdmin && (
              <td className={cell}>
                <NodeActions
                  hostId={hostId}
                  node={n}
                  onLabels={() => onLabels(n)}
                  onRemove={() => onRemove(n)}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
