"use client";
import { useTranslations } from "next-intl";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { Button } from "@/components/ui/Button";
import type { StackRevisionInfo } from "@/lib/stacks/types";

/**
 * A stack's saved revisions, newest first: who saved each and why, and when it was deployed. The
 * one deployed last is marked live; the newest is the current file.
 */
export function StackRevisionsTable({
  items,
  current,
  canOperate,
  busy,
  onDiff,
  onDeploy,
}: {
  items: StackRevisionInfo[];
  /** The current (newest stored) revision. */
  current?: number;
  canOperate: boolean;
  /** A job runs on the stack: nothing else may start. */
  busy: boolean;
  onDiff: (revision: number) => void;
  onDeploy: (revision: number, rollback: boolean) => void;
}) {
  const t = useTranslations("stacks.revisions");
  const format = useFormat();
  const now = useNow(10_000);
  const live = items.reduce<StackRevisionInfo | undefined>(
    (best, r) => (r.deployedAt !== undefined && (!best || r.deployedAt > (best.deployedAt ?? 0)) ? r : best),
    undefined,
  );
  const reason = !canOperate ? t("viewer") : busy ? t("busy") : undefined;
  return (
    <table className="w-full table-fixed border-collapse" data-testid="stack-revisions">
      <colgroup>
        <col className="w-14" />
        <col />
        <col className="w-28" />
        <col className="w-32" />
        <col className="w-40" />
        <col className="w-64" />
      </colgroup>
      <thead className="border-b border-line text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">{t("column.revision")}</th>
          <th className="px-2 py-1 font-medium">{t("column.message")}</th>
          <th className="px-2 py-1 font-medium">{t("column.author")}</th>
          <th className="px-2 py-1 font-medium">{t("column.saved")}</th>
          <th className="px-2 py-1 font-medium">{t("column.deployed")}</th>
          <th className="px-2 py-1" />
        </tr>
      </thead>
      <tbody>
        {items.map((r) => {
          const isLive = r.revision === live?.revision;
          const rollback = !!live && r.revision < live.revision;
          return (
            <tr
              key={r.revision}
              className="border-b border-line/60"
              data-testid={`revision-${r.revision}`}
              data-live={isLive}
            >
              <td className="px-2 py-1 font-mono tabular-nums">{t("number", { revision: r.revision })}</td>
              <td className="truncate px-2 py-1" title={r.message}>
                {r.message || <span className="text-muted">{t("noMessage")}</span>}
                {r.revision === current && (
                  <span className="ml-2 rounded border border-line px-1 text-[11px] text-muted">
                    {t("current")}
                  </span>
                )}
              </td>
              <td className="truncate px-2 py-1 text-muted">{r.author}</td>
              <td className="truncate px-2 py-1 text-muted" title={format.dateTime(r.at)}>
                {t("ago", { age: format.age(r.at, now) })}
              </td>
              <td
                className="truncate px-2 py-1"
                title={r.deployedAt ? format.dateTime(r.deployedAt) : undefined}
              >
                {isLive ? (
                  <span className="rounded border border-ok/40 px-1 text-[11px] text-ok" data-testid="live">
                    {t("live")}
                  </span>
                ) : null}{" "}
                {r.deployedAt !== undefined ? (
                  <span className="text-muted">
                    {t("deployedAgo", { age: format.age(r.deployedAt, now) })}
                  </span>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className="px-2 py-0.5 text-right whitespace-nowrap">
                <span className="inline-flex gap-1">
                  <Button
                    size="sm"
                    disabled={r.revision === current}
                    title={
                      r.revision === current ? t("diffCurrent") : t("diffHint", { revision: r.revision })
                    }
                    onClick={() => onDiff(r.revision)}
                    data-testid="revision-diff"
                  >
                    {t("diff")}
                  </Button>
                  {!isLive && (
                    <Button
                      size="sm"
                      disabled={!!reason}
                      title={reason ?? (rollback ? t("rollbackHint") : t("deployHint"))}
                      onClick={() => onDeploy(r.revision, rollback)}
                      data-testid="revision-deploy"
                    >
                      {rollback ? t("rollback") : t("deploy")}
                    </Button>
                  )}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
