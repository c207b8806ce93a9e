"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useCan } from "@/components/hooks/useCan";
import { ContainerLogsTab } from "@/components/logs/ContainerLogsTab";
import { NamespacesTab } from "@/components/namespaces/NamespacesTab";
import { ContainerLimitsSection } from "@/components/quotas/ContainerLimitsSection";
import { ContainerStatsTab } from "@/components/stats/ContainerStatsTab";
import { ContainerTerminalTab } from "@/components/terminal/ContainerTerminalTab";
import { useNow } from "@/components/hooks/useNow";
import { useContainerQuery } from "@/components/hooks/queries";
import { StatePanel } from "@/components/ui/StatePanel";
import { formatAge, formatTimestamp } from "@/lib/format";
import { readLimits } from "@/lib/quotas";
import { ContainerActionsBar } from "./ContainerActionsBar";
import { EnvList } from "@/components/ui/EnvList";
import { StateBadge } from "@/components/ui/StateBadge";
import { DetailSection as Section, KV } from "@/components/ui/DetailSection";
import { describeInspect } from "./inspect-view";

const TABS = ["overview", "stats", "logs", "terminal", "namespaces", "inspect"] as const;
type Tab = (typeof TABS)[number];
const isTab = (t: string | null): t is Tab => !!t && (TABS as readonly string[]).includes(t);

export function ContainerDetailPanel({ hostId, id }: { hostId: string; id: string }) {
  const q = useContainerQuery(hostId, id);
  const params = useSearchParams();
  const requested = params.get("tab");
  const [tab, setTab] = useState<Tab>(isTab(requested) ? requested : "overview");
  const canOperate = useCan("operate");
  const now = useNow(1000);
  if (q.isPending) return <StatePanel tone="loading" title="Loading container…" />;
  if (q.error) {
    return (
      <StatePanel tone="error" title={`Cannot show ${id} on ${hostId}`}>
        {q.error.message}.{" "}
        <Link className="underline" href={`/hosts/${hostId}`}>
          Back to the host&apos;s containers
        </Link>
      </StatePanel>
    );
  }
  const { derived } = q.data;
  const v = describeInspect(q.data.inspect);
  const target = { hostId, id: v.id, name: derived.name };
  return (
    <div className="flex flex-col">
      <header className="border-b border-line bg-panel px-3 py-2">
        <div className="mb-1 text-[11px] text-muted">
          <Link href={`/hosts/${hostId}`} className="hover:underline">
            {hostId}
          </Link>{" "}
          / containers
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-base font-semibold" data-testid="container-name">
            {derived.name}
          </h1>
          <StateBadge state={derived.state} health={derived.health} />
          <span className="font-mono text-xs text-muted">{derived.shortId}</span>
          <span className="text-muted" data-testid="started-at" title={derived.startedAt}>
            started {formatTimestamp(derived.startedAt)}
            {derived.uptimeSeconds !== undefined &&
              ` · up ${formatAge(Date.parse(derived.startedAt ?? ""), now)}`}
          </span>
          <div className="ml-auto">
            <ContainerActionsBar target={target} state={derived.state} />
          </div>
        </div>
        <nav className="mt-2 flex gap-1" role="tablist">
          {TABS.filter((t) => canOperate || (t !== "terminal" && t !== "logs")).map((t) => (
            <button
              key={t}
              role="tab"
              aria-selected={tab === t}
              className={`rounded-t px-3 py-1 capitalize ${tab === t ? "bg-bg font-medium" : "text-muted hover:text-fg"}`}
              onClick={() => setTab(t)}
            >
              {t}
            </button>
          ))}
        </nav>
      </header>
      {tab === "stats" ? (
        <ContainerStatsTab hostId={hostId} containerId={v.id} />
      ) : tab === "logs" && canOperate ? (
        <ContainerLogsTab hostId={hostId} containerId={v.id} />
      ) : tab === "terminal" && canOperate ? (
        <ContainerTerminalTab hostId={hostId} containerId={v.id} />
      ) : tab === "namespaces" ? (
        <NamespacesTab hostId={hostId} containerId={v.id} />
      ) : tab === "inspect" ? (
        <pre
          className="m-3 overflow-auto rounded border border-line bg-panel p-3 font-mono text-xs"
          data-testid="inspect-json"
        >
          {JSON.stringify(q.data.inspect, null, 2)}
        </pre>
      ) : (
        <div className="grid gap-3 p-3 xl:grid-cols-2">
          <Section title="Overview">
            <KV
              rows={[
                [
                  "Image",
                  <span key="i" className="font-mono text-xs">
                    {v.image}
                  </span>,
                ],
                [
                  "Command",
                  <code key="c" className="text-xs">
                    {v.command || "—"}
                  </code>,
                ],
                ["Created", formatTimestamp(v.created)],
                ["Started", formatTimestamp(derived.startedAt)],
                ["Finished", formatTimestamp(derived.finishedAt)],
                ["Exit code", v.exitCode ?? "—"],
                ["Restart policy", v.restartPolicy],
                ["Restarts", v.restartCount],
                ["PID", v.pid || "—"],
                ["Health", derived.health ?? "no healthcheck"],
              ]}
            />
          </Section>
          <Section title="Limits (cgroup)">
            <ContainerLimitsSection
              hostId={hostId}
              containerId={v.id}
              name={derived.name}
              limits={readLimits((q.data.inspect.HostConfig ?? {}) as Record<string, unknown>)}
            />
          </Section>
          <Section title="Ports">
            {v.ports.length ? (
              <ul className="font-mono text-xs">
                {v.ports.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <div className="text-muted">No published ports.</div>
            )}
          </Section>
          <Section title="Mounts">
            {v.mounts.length ? (
              <table className="w-full text-xs">
                <tbody>
                  {v.mounts.map((m) => (
                    <tr key={m.destination} className="border-b border-line/50">
                      <td className="py-0.5 pr-2 text-muted">{m.type}</td>
                      <td className="pr-2 font-mono break-all">{m.source}</td>
                      <td className="pr-2 font-mono">→ {m.destination}</td>
                      <td className="font-mono">{m.mode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <div className="text-muted">No mounts.</div>
            )}
          </Section>
          <Section title="Networks">
            <KV
              rows={[
                ["Mode", v.networkMode],
                ...v.networks.map((n): [string, ReactNode] => [
                  n.name,
                  `${n.ip || "no address"}${n.aliases ? ` · aliases ${n.aliases}` : ""}`,
                ]),
              ]}
            />
          </Section>
          <Section title="Labels">
            {v.labels.length ? (
              <table className="w-full font-mono text-xs">
                <tbody>
                  {v.labels.map(([k, val]) => (
                    <tr key={k} className="border-b border-line/50">
                      <td className="w-1/2 py-0.5 pr-2 align-top break-all text-muted">{k}</td>
                      <td className="py-0.5 break-all">{val}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <div className="text-muted">No labels.</div>
            )}
          </Section>
          <Section title="Environment">
            <EnvList env={v.env} />
          </Section>
        </div>
      )}
    </div>
  );
}
