"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { api } from "@/components/api/client";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useFormat } from "@/components/i18n/useFormat";
import { formatPercent } from "@/components/stats/format";
import { Sparkline } from "@/components/stats/Sparkline";
import { StatePanel } from "@/components/ui/StatePanel";
import { alertVolume } from "@/lib/alerts";
import type { HistoryAnswer } from "@/lib/metrics";
import type { Overview, OverviewHost } from "@/lib/overview";
import { useAlertText } from "@/components/alerts/useAlertText";
import { useSocketRefresh } from "@/components/hooks/useSocketRefresh";
import { DiskRow } from "./DiskRow";
import { UsageBar } from "./UsageBar";

/**
 * How often the overview asks again for its figures (CPU, memory, the sparklines). Host status,
 * container states and alerts are pushed, and refetch it as they change.
 */
const REFRESH_MS = 15_000;

/** The last hour of the host's CPU, from the stored history (hosts the caller sees whole only). */
function CpuSparkline({ hostId }: { hostId: string }) {
  const q = useQuery({
    queryKey: ["hosts", hostId, "history", "cpu", "1h"],
    queryFn: () =>
      api<HistoryAnswer>(
        `/api/v1/hosts/${encodeURIComponent(hostId)}/history?metric=cpu&from=${Date.now() - 3600_000}`,
      ),
    refetchInterval: 30_000,
  });
  return (
    <Sparkline
      values={(q.data?.points ?? []).map((p) => p.avg)}
      width={120}
      height={18}
      className="text-accent"
    />
  );
}

function HostCard({ h }: { h: OverviewHost }) {
  const t = useTranslations("overview");
  const fmt = useFormat();
  const running = h.containers.running ?? 0;
  const total = Object.values(h.containers).reduce((a, b) => a + b, 0);
  const stopped = total - running;
  const cpuCap = (h.cpus ?? 0) * 100;
  return (
    <section
      className="flex flex-col gap-2 rounded border border-line bg-panel p-3"
      data-testid={`overview-host-${h.id}`}
    >
      <header className="flex items-center gap-2">
        <HostStatusDot status={h.status} />
        <Link href={`/hosts/${h.id}`} className="font-semibold hover:underline">
          {h.name}
        </Link>
        <span className="text-[11px] text-muted" data-testid="overview-host-status">
          {t(`status.${h.status}`)}
          {h.engineVersion ? ` · ${t("engine", { version: h.engineVersion })}` : ""}
        </span>
        {h.firing > 0 && (
          <Link
            href="/alerts"
            className="ml-auto rounded border border-bad/40 px-1 text-[11px] text-bad"
            data-testid="overview-host-firing"
          >
            {t("firing", { count: h.firing })}
          </Link>
        )}
      </header>
      {h.status !== "up" ? (
        <div className="text-[12px] text-bad">{h.error ?? t("unreachable")}</div>
      ) : (
        <>
          <div className="grid grid-cols-[4rem_1fr_auto] items-center gap-x-2 gap-y-1 text-[12px]">
            <span className="text-muted">{t("cpu")}</span>
            <UsageBar used={h.cpuPercent ?? 0} total={cpuCap} testId="overview-cpu" />
            <span className="tabular-nums">
              {formatPercent(h.cpuPercent)}
              {h.cpus ? <span className="text-muted"> / {t("cpus", { count: h.cpus })}</span> : null}
            </span>
            <span className="text-muted">{t("memory")}</span>
            <UsageBar used={h.memoryBytes ?? 0} total={h.memoryTotal ?? 0} testId="overview-memory" />
            <span className="tabular-nums">
              {fmt.bytes(h.memoryBytes ?? 0)}
              {h.memoryTotal ? <span className="text-muted"> / {fmt.bytes(h.memoryTotal)}</span> : null}
            </span>
            <DiskRow disk={h.disk} />
          </div>
          {h.wholeHost && (
            <div className="flex items-center gap-2 text-[11px] text-muted">
              {t("lastHour")} <CpuSparkline hostId={h.id} />
            </div>
          )}
          <div className="flex flex-wrap gap-x-3 text-[12px]">
            <Link href={`/hosts/${h.id}`} className="hover:underline" data-testid="overview-containers">
              {t("containers", { running, stopped })}
            </Link>
            {h.stacks.running + h.stacks.partial + h.stacks.stopped > 0 && (
              <Link href="/stacks" className="text-muted hover:underline">
                {t("stacks", h.stacks)}
              </Link>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The landing page: every host at a glance, the fleet's firing alerts, and what just happened. */
export function OverviewPage() {
  const t = useTranslations("overview");
  const what = useAlertText();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ["overview"],
    queryFn: () => api<Overview>("/api/v1/overview"),
    refetchInterval: REFRESH_MS,
  });
  useSocketRefresh([["overview"]], { alerts: true, hosts: true, containers: true });
  return (
    <div className="flex flex-col gap-3 p-3">
      <h1 className="text-base font-semibold">{t("title")}</h1>
      {q.isPending && <StatePanel tone="loading" title={t("loading")} />}
      {q.isError && (
        <StatePanel tone="error" title={t("failed")}>
          <ErrorNotice error={q.error} />
        </StatePanel>
      )}
      {q.data && q.data.hosts.length === 0 && (
        <StatePanel title={t("noHosts")}>{t("noHostsHint")}</StatePanel>
      )}
      {q.data && (
        <>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2 2xl:grid-cols-3">
            {q.data.hosts.map((h) => (
              <HostCard key={h.id} h={h} />
            ))}
          </div>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <section className="rounded border border-line bg-panel" data-testid="overview-alerts">
              <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
                {t("firingAlerts")}
              </h2>
              {q.data.firing.length === 0 ? (
                <div className="px-3 py-2 text-muted">{t("noFiring")}</div>
              ) : (
                <ul className="divide-y divide-line/60">
                  {q.data.firing.slice(0, 12).map((a) => (
                    <li key={a.id} className="flex gap-2 px-3 py-1" data-testid="overview-alert">
                      <span className="text-bad">●</span>
                      <span className="font-medium">{a.ruleName}</span>
                      <span className="truncate">
                        {a.containerName ?? alertVolume(a) ?? a.hostId}{" "}
                        <span className="text-muted">· {a.hostId}</span>
                      </span>
                      <span className="ml-auto truncate text-muted">{what(a)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="rounded border border-line bg-panel" data-testid="overview-events">
              <h2 className="border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
                {t("events")}
              </h2>
              {q.data.events.length === 0 ? (
                <div className="px-3 py-2 text-muted">{t("noEvents")}</div>
              ) : (
                <ul className="divide-y divide-line/60">
                  {q.data.events.slice(0, 12).map((e) => (
                    <li
                      key={`${e.hostId}/${e.containerId}/${e.time}/${e.action}`}
                      className="flex gap-2 px-3 py-1"
                    >
                      <span className="text-muted tabular-nums">{fmt.dateTime(e.time)}</span>
                      <Link
                        className="truncate hover:underline"
                        href={`/hosts/${e.hostId}/containers/${e.containerId}`}
                      >
                        {e.name ?? e.containerId.slice(0, 12)}
                      </Link>
                      <span className="text-muted">{e.hostId}</span>
                      <span
                        className={`ml-auto ${e.action === "oom" || e.action.endsWith("unhealthy") || (e.exitCode && e.exitCode !== "0") ? "text-bad" : "text-muted"}`}
                      >
                        {e.action === "die"
                          ? t("died", { code: e.exitCode ?? "?" })
                          : e.action === "oom"
                            ? t("oom")
                            : e.action.endsWith("unhealthy")
                              ? t("unhealthy")
                              : t("healthy")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
