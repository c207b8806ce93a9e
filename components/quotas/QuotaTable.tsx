"use client";
import { useTranslations } from "next-intl";
import type { QuotaRow } from "@/lib/quotas";
import { QuotaRowView } from "./QuotaRowView";

/** The limit columns; each has a head and a title naming the engine's field under `quotas.head.<key>`. */
const HEAD = [
  "cpus",
  "shares",
  "cpuset",
  "memory",
  "reserve",
  "swap",
  "oomKill",
  "pids",
  "blkio",
  "restart",
] as const;

export function QuotaTable({
  rows,
  showHost,
  canEdit,
}: {
  rows: QuotaRow[];
  showHost: boolean;
  canEdit: boolean;
}) {
  const t = useTranslations("quotas.head");
  return (
    <table className="w-full border-collapse" data-testid="quota-table">
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">{t("container")}</th>
          {showHost && <th className="px-2 py-1 font-medium">{t("host")}</th>}
          {HEAD.map((key) => (
            <th key={key} className="px-2 py-1 font-medium" title={t(`${key}.title`)}>
              {t(`${key}.label`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <QuotaRowView key={`${r.hostId}/${r.id}`} row={r} showHost={showHost} canEdit={canEdit} />
        ))}
      </tbody>
    </table>
  );
}
