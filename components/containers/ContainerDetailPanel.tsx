"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useCan } from "@/components/hooks/useCan";
import { ChangesTab } from "@/components/files/ChangesTab";
import { FilesTab } from "@/components/files/FilesTab";
import { ContainerLogsTab } from "@/components/logs/ContainerLogsTab";
import { NamespacesTab } from "@/components/namespaces/NamespacesTab";
import { ContainerLimitsSection } from "@/components/quotas/ContainerLimitsSection";
import { ContainerStatsTab } from "@/components/stats/ContainerStatsTab";
import { ContainerTerminalTab } from "@/components/terminal/ContainerTerminalTab";
import { useNow } from "@/components/hooks/useNow";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useFormat } from "@/components/i18n/useFormat";
import { useContainerQuery } from "@/components/hooks/queries";
import { StatePanel } from "@/components/ui/StatePanel";
import { readLimits } from "@/lib/quotas";
import { ContainerActionsBar } from "./ContainerActionsBar";
import { EnvList } from "@/components/ui/EnvList";
import { StateBadge } from "@/components/ui/StateBadge";
import { DetailSection as Section, KV } from "@/components/ui/DetailSection";
import { describeInspect } from "./inspect-view";

const TABS = ["overview", "stats", "logs", "terminal", "files", "changes", "namespaces", "inspect"] as const;
type Tab = (typeof TABS)[number];
const isTab = (t: string | null): t is Tab => !!t && (TABS as readonly string[]).includes(t);

const HEALTH = ["healthy", "unhealthy", "starting"] as const;
const isHealth = (h: string): h is (typeof HEALTH)[number] => (HEALTH as readonly string[]).includes(h);

export function ContainerDetailPanel({ hostId, id }: { hostId: string; id: string }) {
  const q = useContainerQuery(hostId, id);
  const params = useSearchParams();
  const requested = params.get("tab");
  const [tab, setTab] = useState<Tab>(isTab(requested) ? requested : "overview");
  // The Files tab's folder: from the address, or a changed file opened from the Changes tab.
  const [filesPath, setFilesPath] = useState(params.get("path") ?? "/");
  const canOperate = useCan("operate");
  const now = useNow(1000);
  const t = useTranslations("containers.detail");
  const errorLine = useErrorLine();
  const fmt = useFormat();
  if (q.isPending) return <StatePanel tone="loading" title={t("loading")} />;
  if (q.error) {
    return (
      <StatePanel tone="error" title={t("cannotShow", { id, hostId })}>
        {errorLine(q.error)}.{" "}
        <Link className="underline" href={`/hosts/${hostId}`}>
          {t("backToHost")}
        </Link>
      </StatePanel>
    );
  }
  const { derived } = q.data;
  const v = describeInspect(q.data.inspect, { notPublished: (port) => t("notPublished", { port }) });
  const health = derived.health;
  const target = { hostId, id: v.id, name: derived.name };
  return (
    <div className="flex flex-col">
      <header className="border-b border-line bg-panel px-3 py-2">
        <div className="mb-1 text-[11px] text-muted">
          <Link href={`/hosts/${hostId}`} className="hover:underline">
            {hostId}
          </Link>{" "}
          / {t("crumb")}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-base font-semibold" data-testid="container-name">
            {derived.name}
          </h1>
          <StateBadge state={derived.state} health={derived.health} />
          <span className="font-mono text-xs text-muted">{derived.shortId}</span>
          <span className="text-muted" data-testid="started-at" title={derived.startedAt}>
            {t("started", { time: fmt.engineTime(derived.startedAt) })}
            {derived.uptimeSeconds !== undefined &&
              ` · ${t("uptime", { age: fmt.age(Date.parse(derived.startedAt ?? ""), now) })}`}
          </span>
          <div className="ml-auto">
            <ContainerActionsBar target={target} state={derived.state} />
          </div>
        </div>
        <nav className="mt-2 flex gap-1" role="tablist">
          {TABS.filter((k) => canOperate || (k !== "terminal" && k !== "logs")).map((k) => (
            <button
              key={k}
              role="tab"
              aria-selected={tab === k}
              className={`rounded-t px-3 py-1 capitalize ${tab === k ? "bg-bg font-medium" : "text-muted hover:text-fg"}`}
              onClick={() => setTab(k)}
            >
              {t(`tab.${k}`)}
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
      ) : tab === "files" ? (
        <FilesTab key={filesPath} hostId={hostId} containerId={v.id} initialPath={filesPath} />
      ) : tab === "changes" ? (
        <ChangesTab
          hostId={hostId}
          containerId={v.id}
          onOpenFile={(path) => {
            setFilesPath(path);
            setTab("files");
          }}
        />
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
          <Section title={t("section.overview")}>
            <KV
              rows={[
                [
                  t("kv.image"),
                  <span key="i" className="font-mono text-xs">
                    {v.image}
                  </span>,
                ],
                [
                  t("kv.command"),
                  <code key="c" className="text-xs">
                    {v.command || "—"}
                  </code>,
                ],
                [t("kv.created"), fmt.engineTime(v.created)],
                [t("kv.started"), fmt.engineTime(derived.startedAt)],
                [t("kv.finished"), fmt.engineTime(derived.finishedAt)],
                [t("kv.exitCode"), v.exitCode ?? "—"],
                [t("kv.restartPolicy"), v.restartPolicy],
                [t("kv.restarts"), v.restartCount],
                [t("kv.pid"), v.pid || "—"],
                [
                  t("kv.health"),
                  health === undefined
                    ? t("noHealthcheck")
                    : isHealth(health)
                      ? t(`health.${health}`)
                      : health,
                ],
              ]}
            />
          </Section>
          <Section title={t("section.limits")}>
            <ContainerLimitsSection
              hostId={hostId}
              containerId={v.id}
              name={derived.name}
              limits={readLimits((q.data.inspect.HostConfig ?? {}) as Record<string, unknown>)}
            />
          </Section>
          <Section title={t("section.ports")}>
            {v.ports.length ? (
              <ul className="font-mono text-xs">
                {v.ports.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : (
              <div className="text-muted">{t("noPorts")}</div>
            )}
          </Section>
          <Section title={t("section.mounts")}>
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
              <div className="text-muted">{t("noMounts")}</div>
            )}
          </Section>
          <Section title={t("section.networks")}>
            <KV
              rows={[
                [t("kv.networkMode"), v.networkMode],
                ...v.networks.map((n): [string, ReactNode] => [
                  n.name,
                  `${n.ip || t("noAddress")}${n.aliases ? ` · ${t("aliases", { aliases: n.aliases })}` : ""}`,
                ]),
              ]}
            />
          </Section>
          <Section title={t("section.labels")}>
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
              <div className="text-muted">{t("noLabels")}</div>
            )}
          </Section>
          <Section title={t("section.env")}>
            <EnvList env={v.env} />
          </Section>
        </div>
      )}
    </div>
  );
}
