"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import type { ReactNode } from "react";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { HostHeader } from "@/components/hosts/HostHeader";
import { usePageHost } from "@/components/hosts/usePageHost";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { UnknownHostPanel } from "@/components/hosts/HostBanners";
import { DiskUsageChart } from "./DiskUsageChart";
import { EngineEventsTable } from "./EngineEventsTable";
import { eventsCoverage } from "./events-coverage";
import { EngineInfoGrid } from "./EngineInfoGrid";
import { PruneEverythingDialog } from "./PruneEverythingDialog";
import { useDiskUsageQuery, useEngineEventsQuery, useSystemInfoQuery } from "./queries";

function Card({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded border border-line bg-panel">
      <h2 className="flex items-center border-b border-line px-3 py-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
        {title}
        {aside && <span className="ml-auto font-normal tracking-normal normal-case">{aside}</span>}
      </h2>
      <div className="p-3">{children}</div>
    </section>
  );
}

/** A host's engine: what it is, what its disk holds, what it just did, and a guarded prune. */
export function SystemPanel({ hostId }: { hostId: string }) {
  const { host, unknownHost } = usePageHost(hostId);
  const info = useSystemInfoQuery(hostId);
  const df = useDiskUsageQuery(hostId);
  const events = useEngineEventsQuery(hostId);
  // Host-wide prunes and their preview are for admins only.
  const canPrune = useCan("admin");
  const [pruning, setPruning] = useState(false);
  const t = useTranslations("system");
  const fmt = useFormat();
  const tc = useTranslations("common");
  const errorLine = useErrorLine();
  if (unknownHost) {
    return <UnknownHostPanel hostId={hostId} />;
  }
  const down = host?.status === "down" ? ` ${t("downHint")}` : "";
  return (
    <div className="flex flex-col">
      <HostHeader host={host} title={t("title", { host: host?.name ?? hostId })}>
        {info.data && <span className="text-muted">{info.data.name}</span>}
        {canPrune && (
          <Button
            variant="danger"
            className="ml-auto"
            onClick={() => setPruning(true)}
            data-testid="prune-everything-open"
          >
            {t("pruneEverything")}
          </Button>
        )}
      </HostHeader>
      <div className="grid gap-3 p-3 xl:grid-cols-2">
        <Card title={t("engine")}>
          {info.isPending ? (
            <div className="text-muted">{tc("loading")}</div>
          ) : info.error ? (
            <div className="text-bad" role="alert">
              {errorLine(info.error)}.{down}
            </div>
          ) : (
            <EngineInfoGrid info={info.data} />
          )}
        </Card>
        <Card
          title={t("diskUsage")}
          aside={
            <Button size="sm" variant="ghost" onClick={() => void df.refetch()} disabled={df.isFetching}>
              {df.isFetching ? t("measuring") : t("measureAgain")}
            </Button>
          }
        >
          {df.isPending ? (
            <div className="text-muted">{t("measuringLong")}</div>
          ) : df.error ? (
            <div className="text-bad" role="alert">
              {errorLine(df.error)}.{down}
            </div>
          ) : (
            <DiskUsageChart df={df.data} />
          )}
        </Card>
        <div className="xl:col-span-2">
          <Card
            title={t("events")}
            aside={
              events.data ? (
                <span className="text-muted" data-testid="events-coverage">
                  {eventsCoverage(events.data, t, fmt.utcDateTime)}
                </span>
              ) : undefined
            }
          >
            {events.isPending ? (
              <div className="text-muted">{tc("loading")}</div>
            ) : events.error ? (
              <div className="text-bad" role="alert">
                {errorLine(events.error)}.{down}
              </div>
            ) : (
              <EngineEventsTable items={events.data.items} />
            )}
          </Card>
        </div>
      </div>
      {pruning && <PruneEverythingDialog hostId={hostId} onClose={() => setPruning(false)} />}
    </div>
  );
}
