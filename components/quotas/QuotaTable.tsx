"use client";
import { useTranslations } from "next-intl";
import { VirtualBody } from "@/components/ui/VirtualBody";
import type { QuotaRow } from "@/lib/quotas";
import { QuotaRowView } from "./QuotaRowView";

/**
 * The limit columns with their widths; each has a head and a title naming the engine's field under
 * `quotas.head.<key>`. The widths are fixed so the columns hold still as rows scroll in and out; a
 * column with a usage bar is wider.
 */
const HEAD = [
  ["cpus", "w-36"],
  ["shares", "w-28"],
  ["cpuset", "w-28"],
  ["memory", "w-36"],
  ["reserve", "w-32"],
  ["swap", "w-32"],
  ["oomKill", "w-24"],
  ["pids", "w-36"],
  ["blkio", "w-28"],
  ["restart", "w-36"],
] as const;

const rowKey = (r: QuotaRow) => `${r.hostId}/${r.id}`;

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
    <table
      className="w-full min-w-[88rem] table-fixed border-collapse"
      data-testid="quota-table"
      aria-rowcount={rows.length + 1}
    >
      <colgroup>
        <col />
        {showHost && <col className="w-24" />}
        {HEAD.map(([key, width]) => (
          <col key={key} className={width} />
        ))}
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">{t("container")}</th>
          {showHost && <th className="px-2 py-1 font-medium">{t("host")}</th>}
          {HEAD.map(([key]) => (
            <th key={key} className="px-2 py-1 font-medium" title={t(`${key}.title`)}>
              {t(`${key}.label`)}
            </th>
          ))}
        </tr>
      </thead>
      <VirtualBody
        items={rows}
        rowKey={rowKey}
        estimateSize={46}
        columns={HEAD.length + (showHost ? 2 : 1)}
        row={(r, _i, props) => (
          <QuotaRowView rowProps={props} row={r} showHost={showHost} canEdit={canEdit} />
        )}
      />
    </table>
  );
}
