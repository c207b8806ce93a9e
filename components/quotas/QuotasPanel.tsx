"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { api } from "@/components/api/client";
import { useCan } from "@/components/hooks/useCan";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { StatePanel } from "@/components/ui/StatePanel";
import type { HostQuotaSummary, QuotaRow } from "@/lib/quotas";
import { queryKeys } from "@/lib/query-keys";
import { HostQuotaCard } from "./HostQuotaCard";
import { QuotaTable } from "./QuotaTable";

interface QuotaAnswer {
  items: QuotaRow[];
  summaries?: HostQuotaSummary[];
  summary?: HostQuotaSummary;
  errors?: { hostId: string; message: string }[];
}

/** cgroup limits of every container beside the host's capacity, editable in place. */
export function QuotasPanel({ hostId }: { hostId?: string }) {
  const canEdit = useCan("operate");
  const t = useTranslations("quotas.panel");
  const errorLine = useErrorLine();
  const [onlyRunning, setOnlyRunning] = useState(true);
  const [filter, setFilter] = useState("");
  const q = useQuery({
    queryKey: hostId ? queryKeys.quotas(hostId) : queryKeys.allQuotas(),
    queryFn: () =>
      api<QuotaAnswer>(hostId ? `/api/v1/hosts/${encodeURIComponent(hostId)}/quotas` : "/api/v1/quotas"),
  });
  const rows = useMemo(
    () =>
      (q.data?.items ?? [])
        .filter((r) => !onlyRunning || r.state === "running")
        .filter((r) => !filter || r.name.toLowerCase().includes(filter.toLowerCase()))
        .sort((a, b) => a.hostId.localeCompare(b.hostId) || a.name.localeCompare(b.name)),
    [q.data, onlyRunning, filter],
  );
  const summaries = q.data?.summaries ?? (q.data?.summary ? [q.data.summary] : []);
  return (
    <div className="flex h-full flex-col">
      <header className="flex flex-wrap items-center gap-3 border-b border-line bg-panel px-3 py-2">
        <h1 className="text-base font-semibold">{hostId ? t("titleHost", { hostId }) : t("titleAll")}</h1>
        <span className="text-muted">{canEdit ? t("subEdit") : t("sub")}</span>
        <div className="ml-auto flex items-center gap-2">
          <input
            aria-label={t("filter")}
            placeholder={t("filter")}
            className="w-48 rounded border border-line bg-bg px-2 py-1"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={onlyRunning} onChange={(e) => setOnlyRunning(e.target.checked)} />{" "}
            {t("runningOnly")}
          </label>
        </div>
      </header>
      <div className="flex flex-col gap-2 p-3">
        {summaries.map((s) => (
          <HostQuotaCard key={s.hostId} s={s} />
        ))}
        {q.data?.errors?.map((e) => (
          <div key={e.hostId} className="rounded border border-bad/40 bg-bad/10 px-3 py-1" role="alert">
            {t.rich("hostError", { hostId: e.hostId, message: e.message, b: (c) => <b>{c}</b> })}
          </div>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {q.isPending ? (
          <StatePanel tone="loading" title={t("loading")} />
        ) : q.error ? (
          <StatePanel tone="error" title={t("failed")}>
            {errorLine(q.error)}
          </StatePanel>
        ) : rows.length === 0 ? (
          <StatePanel title={onlyRunning ? t("noRunning") : t("none")}>
            {onlyRunning ? t("noRunningHint") : t("noneHint")}
          </StatePanel>
        ) : (
          <QuotaTable rows={rows} showHost={!hostId} canEdit={canEdit} />
        )}
      </div>
    </div>
  );
}
