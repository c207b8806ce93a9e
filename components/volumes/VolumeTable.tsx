"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFormat } from "@/components/i18n/useFormat";
import { useStateText } from "@/components/ui/StateBadge";
import { HostDriverCells, HostObjectTable, RemoveButton, type HostTableProps } from "./HostObjectTable";
import { MoreList } from "./MoreList";
import type { VolumeSummary } from "@/lib/volumes";

export type VolumeSortKey = "name" | "host" | "driver" | "size" | "users";
export const volumeKey = (v: Pick<VolumeSummary, "hostId" | "name">) => `${v.hostId}/${v.name}`;

function Labels({ labels }: { labels: Record<string, string> }) {
  const entries = Object.entries(labels);
  if (!entries.length) return <span className="text-muted">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.slice(0, 3).map(([k, v]) => (
        <span key={k} className="rounded bg-panel-2 px-1 font-mono text-[11px]" title={`${k}=${v}`}>
          {k}={v.length > 16 ? `${v.slice(0, 16)}…` : v}
        </span>
      ))}
      {entries.length > 3 && <span className="text-[11px] text-muted">+{entries.length - 3}</span>}
    </span>
  );
}

export function VolumeTable({
  onRemove,
  ...table
}: HostTableProps<VolumeSummary, VolumeSortKey> & { onRemove: (v: VolumeSummary) => void }) {
  const { showHost, canOperate } = table;
  const t = useTranslations("volumes");
  const format = useFormat();
  const stateText = useStateText();
  return (
    <HostObjectTable
      {...table}
      testId="volume-table"
      rowKey={volumeKey}
      rowTestId={(v) => `volume-row-${v.name}`}
      head={(h) => (
        <>
          {h("name", t("column.name"))}
          {showHost && h("host", t("column.host"))}
          {h("driver", t("column.driver"))}
          <th className="px-2 py-1 text-left font-medium">{t("column.mountpoint")}</th>
          <th className="px-2 py-1 text-left font-medium">{t("column.labels")}</th>
          {h("size", t("column.size"), "text-right")}
          {h("users", t("column.users"))}
          <th className="px-2 py-1" />
        </>
      )}
      row={(v) => (
        <>
          <td className="max-w-72 truncate px-2 py-1 font-medium" title={v.name}>
            {v.anonymous ? (
              <span className="font-mono text-xs text-muted">{v.name.slice(0, 16)}…</span>
            ) : (
              v.name
            )}
            {v.anonymous && <span className="ml-1 text-[11px] text-muted">{t("anonymous")}</span>}
          </td>
          <HostDriverCells showHost={showHost} item={v} />
          <td className="max-w-72 truncate px-2 py-1 font-mono text-[11px] text-muted" title={v.mountpoint}>
            {v.mountpoint}
          </td>
          <td className="px-2 py-1">
            <Labels labels={v.labels} />
          </td>
          <td className="px-2 py-1 text-right whitespace-nowrap" data-testid="volume-size">
            {v.size < 0 ? (
              <span className="text-muted" title={v.sizeNote ?? t("notComputedNote")}>
                {t("notComputed")}
              </span>
            ) : (
              format.bytes(v.size)
            )}
          </td>
          <td className="px-2 py-1" data-testid="volume-users">
            <MoreList
              items={v.usedBy}
              keyOf={(u) => u.id}
              empty={t("unused")}
              render={(u) => (
                <span>
                  <Link className="hover:underline" href={`/hosts/${v.hostId}/containers/${u.id}`}>
                    {u.name}
                  </Link>{" "}
                  <span
                    className={`rounded px-1 text-[11px] ${u.rw ? "bg-warn/15 text-warn" : "bg-panel-2 text-muted"}`}
                    title={t("mountedAt", { destination: u.destination, state: stateText(u.state) })}
                  >
                    {u.rw ? "rw" : "ro"}
                  </span>
                </span>
              )}
            />
          </td>
          <td className="px-2 py-0.5 text-right">
            {canOperate && <RemoveButton name={v.name} onClick={() => onRemove(v)} />}
          </td>
        </>
      )}
    />
  );
}
