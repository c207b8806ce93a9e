"use client";
import { useMutation, useQuery, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef } from "react";
import { api } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import { QueryGate, TableHead } from "@/components/ui/QueryGate";
import { StatePanel } from "@/components/ui/StatePanel";
import { VirtualBody } from "@/components/ui/VirtualBody";
import { alertVolume, type AlertView } from "@/lib/alerts";
import { useSocketRefresh } from "@/components/hooks/useSocketRefresh";
import { ALERTS_KEY } from "./query-keys";
import { useAddSilence } from "./SilencesPanel";
import { useAlertText } from "./useAlertText";

function StateMark({ a }: { a: AlertView }) {
  const t = useTranslations("alerts");
  const firing = a.state === "firing";
  return (
    <span
      className={`rounded border px-1 text-[11px] leading-4 whitespace-nowrap ${firing ? "border-bad/40 text-bad" : "border-line text-muted"}`}
      data-testid="alert-state"
    >
      {t(`state.${a.state}`)}
      {a.silenced ? ` · ${t("silenced")}` : ""}
    </span>
  );
}

function Delivery({ a }: { a: AlertView }) {
  const t = useTranslations("alerts");
  if (!a.deliveries.length) return <span className="text-muted">{t("delivery.none")}</span>;
  const failed = a.deliveries.filter((d) => d.status === "failed").length;
  const pending = a.deliveries.filter((d) => d.status === "pending").length;
  const sent = a.deliveries.length - failed - pending;
  const error = a.deliveries.find((d) => d.error)?.error;
  return (
    <span className={failed ? "text-bad" : pending ? "text-warn" : "text-ok"} title={error}>
      {t("delivery.summary", { sent, pending, failed })}
    </span>
  );
}

/**
 * Alerts in scope, firing first. Each alert that opens, is acknowledged or resolves is pushed
 * (`alert:update`); a slow poll still picks up delivery retries and anything missed while offline.
 */
export function AlertList() {
  const t = useTranslations("alerts");
  const canAck = useCan("operate");
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ALERTS_KEY,
    queryFn: () => api<{ items: AlertView[] }>("/api/v1/alerts?limit=1000"),
    refetchInterval: 30_000,
  });
  useSocketRefresh([ALERTS_KEY], { alerts: true });
  const ack = useMutation({
    mutationFn: (id: number) => api(`/api/v1/alerts/${id}/ack`, { method: "POST", body: {} }),
    onSettled: () => qc.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
  return (
    <QueryGate query={q} loading={t("loading")} failed={t("failed")}>
      {({ items }) =>
        items.length ? (
          <AlertTable items={items} canAck={canAck} ack={ack} />
        ) : (
          <StatePanel title={t("empty")}>{t("emptyHint")}</StatePanel>
        )
      }
    </QueryGate>
  );
}

/** The alerts, firing first; only the rows on screen are rendered, so a long history stays light. */
function AlertTable({
  items,
  canAck,
  ack,
}: {
  items: AlertView[];
  canAck: boolean;
  ack: UseMutationResult<unknown, Error, number>;
}) {
  const t = useTranslations("alerts");
  const fmt = useFormat();
  const what = useAlertText();
  const silence = useAddSilence();
  const scrollRef = useRef<HTMLDivElement>(null);
  const firing = items.filter((a) => a.state === "firing").length;
  const cols = (["state", "rule", "subject", "what", "started", "delivery"] as const).map((c) =>
    t(`col.${c}`),
  );
  return (
    <div className="flex min-h-0 flex-1 flex-col p-3">
      <div className="mb-2 text-muted" data-testid="alerts-summary">
        {t("summary", { firing, total: items.length })}
      </div>
      {(ack.error ?? silence.error) && <ErrorNotice error={ack.error ?? silence.error} />}
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        <table
          className="w-full min-w-[56rem] table-fixed border-collapse text-left"
          data-testid="alerts-table"
          aria-rowcount={items.length + 1}
        >
          <colgroup>
            <col className="w-28" />
            <col className="w-40" />
            <col className="w-52" />
            <col />
            <col className="w-44" />
            <col className="w-40" />
            <col className="w-28" />
          </colgroup>
          <TableHead labels={[...cols, ""]} sticky />
          <VirtualBody
            items={items}
            rowKey={alertKey}
            estimateSize={44}
            columns={7}
            scrollRef={scrollRef}
            row={(a, _i, props) => (
              <tr
                {...props}
                className="border-b border-line/60 align-top"
                data-testid="alert-row"
                data-kind={a.kind}
              >
                <td className="py-1 pr-2">
                  <StateMark a={a} />
                </td>
                <td className="truncate py-1 pr-2" title={a.ruleName}>
                  {a.ruleName}
                </td>
                <td className="truncate py-1 pr-2">
                  <SubjectLink a={a} />
                  <div className="truncate text-[11px] text-muted">
                    {a.hostId}
                    {a.project ? ` · ${a.project}${a.service ? `/${a.service}` : ""}` : ""}
                  </div>
                </td>
                <td className="py-1 pr-2">
                  {what(a)}
                  {a.count > 1 && <span className="ml-1 text-muted">{t("times", { count: a.count })}</span>}
                </td>
                <td className="py-1 pr-2 whitespace-nowrap tabular-nums">
                  {fmt.dateTime(a.startedAt)}
                  {a.resolvedAt && (
                    <div className="text-[11px] text-muted">
                      {t("resolvedAt", { at: fmt.dateTime(a.resolvedAt) })}
                    </div>
                  )}
                </td>
                <td className="py-1 pr-2">
                  <Delivery a={a} />
                </td>
                <td className="py-1 text-right whitespace-nowrap">
                  {a.ackedBy ? (
                    <span className="text-[11px] text-muted">{t("ackedBy", { user: a.ackedBy })}</span>
                  ) : (
                    canAck &&
                    a.state === "firing" && (
                      <Button size="sm" onClick={() => ack.mutate(a.id)} data-testid="alert-ack">
                        {t("ack")}
                      </Button>
                    )
                  )}
                  {canAck && a.state === "firing" && !a.silenced && (
                    <Button
                      size="sm"
                      className="ml-1"
                      title={t("silence1hHint")}
                      onClick={() => silence.mutate(silenceFor(a, t("silenceComment")))}
                      data-testid="alert-silence"
                    >
                      {t("silence1h")}
                    </Button>
                  )}
                </td>
              </tr>
            )}
          />
        </table>
      </div>
    </div>
  );
}

const alertKey = (a: AlertView) => String(a.id);

/** A silence of this alert's rule on its host and subject (its container, or the host itself), for an hour. */
function silenceFor(a: AlertView, comment: string) {
  return {
    ruleId: a.ruleId,
    hostId: a.hostId,
    ...(a.containerName ? { subject: a.containerName } : {}),
    comment,
    endsAt: Date.now() + 3600_000,
  };
}

function SubjectLink({ a }: { a: AlertView }) {
  const t = useTranslations("alerts");
  const volume = alertVolume(a);
  if (a.containerId)
    return (
      <Link className="hover:underline" href={`/hosts/${a.hostId}/containers/${a.containerId}`}>
        {a.containerName ?? a.containerId.slice(0, 12)}
      </Link>
    );
  return (
    <Link className="hover:underline" href={volume ? `/hosts/${a.hostId}/volumes` : `/hosts/${a.hostId}`}>
      {volume ? t("volume", { name: volume }) : a.hostId}
    </Link>
  );
}
