"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useHostsQuery } from "@/components/hooks/queries";
import { useFormat } from "@/components/i18n/useFormat";
import { TableHead } from "@/components/ui/QueryGate";
import type { SwarmTask } from "@/lib/swarm/types";
import { swarmOfHost } from "./swarm-host";
import { TaskStateText } from "./TaskStateText";

const cell = "px-2 py-0.5 align-top";
const byRecent = (a: SwarmTask, b: SwarmTask) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "");

/**
 * A service's tasks by slot, as `docker service ps` lists them: the slot's current task first, then
 * the ones it replaced (the state history), dimmed, each with its error when it failed. A task whose
 * node Wharf reaches as a host links to its container's page there.
 */
export function TaskTable({ tasks, nodeName }: { tasks: SwarmTask[]; nodeName: (id?: string) => string }) {
  const t = useTranslations("swarm.tasks");
  const format = useFormat();
  const hosts = useHostsQuery();
  const hostOfNode = new Map(
    (hosts.data?.items ?? [])
      .filter((h) => h.status === "up" && swarmOfHost(h)?.nodeId)
      .map((h) => [swarmOfHost(h)?.nodeId ?? "", h.id]),
  );
  const containerHref = (task: SwarmTask) => {
    const hostId = task.nodeId ? hostOfNode.get(task.nodeId) : undefined;
    return hostId && task.containerId
      ? `/hosts/${encodeURIComponent(hostId)}/containers/${encodeURIComponent(task.containerId)}`
      : undefined;
  };
  const sorted = [...tasks].sort(
    (a, b) =>
      (a.slot ?? 0) - (b.slot ?? 0) || (a.nodeId ?? "").localeCompare(b.nodeId ?? "") || byRecent(a, b),
  );
  const current = new Set<string>();
  const seen = new Set<string>();
  for (const task of sorted) {
    const slot = String(task.slot ?? task.nodeId);
    if (!seen.has(slot)) {
      seen.add(slot);
      current.add(task.id);
    }
  }
  return (
    <table className="w-full border-collapse text-left [&_th]:px-2" data-testid="task-table">
      <TableHead labels={[t("name"), t("node"), t("desired"), t("state"), t("age"), t("error")]} />
      <tbody>
        {sorted.map((task) => {
          const old = !current.has(task.id);
          return (
            <tr
              key={task.id}
              className={`border-b border-line/60 ${old ? "text-muted opacity-70" : ""}`}
              data-testid="task-row"
              data-current={!old}
              data-state={task.state}
            >
              <td className={`${cell} font-mono text-xs`}>
                {old ? "\u00a0\u00a0\\_ " : ""}
                {containerHref(task) ? (
                  <Link
                    href={containerHref(task) ?? ""}
                    className="hover:underline"
                    title={t("openContainer")}
                    data-testid="task-container-link"
                  >
                    {task.name}
                  </Link>
                ) : (
                  task.name
                )}
              </td>
              <td className={`${cell} font-mono text-xs`}>{nodeName(task.nodeId)}</td>
              <td className={`${cell} font-mono text-xs`}>{task.desiredState}</td>
              <td className={cell}>
                <TaskStateText state={task.state} />
              </td>
              <td className={`${cell} text-xs whitespace-nowrap`}>
                {task.at ? format.age(Date.parse(task.at)) : ""}
              </td>
              <td className={`${cell} font-mono text-xs text-bad [overflow-wrap:anywhere]`}>
                {task.error ?? ""}
                {/* A shut-down task's 137 is the stop itself, not a failure worth reading. */}
                {task.exitCode && task.state === "failed" ? ` (${task.exitCode})` : ""}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
