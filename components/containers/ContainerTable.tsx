"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ContainerSortKey, ContainerFilter } from "@/lib/container-filter";
import { shortId } from "@/lib/format";
import type { ContainerSummary } from "@/lib/types";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { UpdateBadge } from "@/components/images/UpdateBadge";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { StatsCells } from "@/components/stats/StatsCells";
import { RowActions } from "./RowActions";
import { StateBadge } from "@/components/ui/StateBadge";

export const rowKey = (c: Pick<ContainerSummary, "hostId" | "id">) => `${c.hostId}/${c.id}`;

function ports(c: ContainerSummary): string {
  return c.ports
    .filter((p) => p.publicPort)
    .map((p) => `${p.publicPort}→${p.privatePort}/${p.type}`)
    .join(", ");
}

export function ContainerTable({
  items,
  showHost,
  sort,
  onSort,
  selected,
  onToggle,
  onToggleAll,
  focused,
  onFocusRow,
  updateFor,
}: {
  items: ContainerSummary[];
  showHost: boolean;
  sort: Pick<ContainerFilter, "sort" | "dir">;
  onSort: (key: ContainerSortKey) => void;
  selected: Set<string>;
  onToggle: (key: string) => void;
  onToggleAll: (all: boolean) => void;
  focused: number;
  onFocusRow: (i: number) => void;
  /** "Update available" for a container's image, from the cached image list. */
  updateFor?: (hostId: string, image: string) => ImageUpdateStatus | undefined;
}) {
  const t = useTranslations("containers.table");
  const fmt = useFormat();
  const header = (key: ContainerSortKey, label: string) => (
    <th
      className="px-2 py-1 text-left font-medium"
      aria-sort={sort.sort === key ? (sort.dir === "desc" ? "descending" : "ascending") : "none"}
    >
      <button className="hover:text-fg" onClick={() => onSort(key)}>
        {label}
        {sort.sort === key ? (sort.dir === "desc" ? " ▾" : " ▴") : ""}
      </button>
    </th>
  );
  const allSelected = items.length > 0 && items.every((c) => selected.has(rowKey(c)));
  const now = useNow(5000);
  return (
    <table className="w-full border-collapse" data-testid="container-table">
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          <th className="w-7 px-2">
            <input
              type="checkbox"
              aria-label={t("selectAll")}
              checked={allSelected}
              onChange={(e) => onToggleAll(e.target.checked)}
            />
          </th>
          {header("name", t("name"))}
          {showHost && header("host", t("host"))}
          {header("image", t("image"))}
          {header("state", t("state"))}
          {header("status", t("status"))}
          {header("created", t("created"))}
          <th className="px-2 py-1 text-right font-medium">CPU</th>
          <th className="px-2 py-1 text-right font-medium">{t("mem")}</th>
          <th className="px-2 py-1 text-left font-medium">{t("ports")}</th>
          <th className="px-2 py-1" />
        </tr>
      </thead>
      <tbody>
        {items.map((c, i) => {
          const key = rowKey(c);
          return (
            <tr
              key={key}
              data-testid={`row-${c.name}`}
              data-focused={i === focused}
              onMouseDown={() => onFocusRow(i)}
              className="border-b border-line/60 hover:bg-panel-2"
            >
              <td className="px-2">
                <input
                  type="checkbox"
                  aria-label={t("select", { name: c.name })}
                  checked={selected.has(key)}
                  onChange={() => onToggle(key)}
                />
              </td>
              <td className="max-w-64 truncate px-2 py-1">
                <Link className="font-medium hover:underline" href={`/hosts/${c.hostId}/containers/${c.id}`}>
                  {c.name}
                </Link>
                <span className="ml-2 font-mono text-[11px] text-muted">{shortId(c.id)}</span>
              </td>
              {showHost && <td className="px-2 text-muted">{c.hostId}</td>}
              <td className="max-w-56 px-2 font-mono text-xs" title={c.image}>
                {/* The name gives way, not the badge: a long image name must not hide an update. */}
                <span className="flex items-center gap-1.5">
                  <span className="min-w-0 truncate">{c.image}</span>
                  {updateFor && (
                    <span className="shrink-0 font-sans">
                      <UpdateBadge hostId={c.hostId} update={updateFor(c.hostId, c.image)} />
                    </span>
                  )}
                </span>
              </td>
              <td className="px-2">
                <StateBadge state={c.state} />
              </td>
              <td className="px-2 whitespace-nowrap text-muted" data-testid="status">
                {c.status}
              </td>
              <td
                className="px-2 whitespace-nowrap text-muted"
                title={new Date(c.created * 1000).toISOString()}
              >
                {t("ago", { age: fmt.age(c.created * 1000, now) })}
              </td>
              <StatsCells hostId={c.hostId} id={c.id} running={c.state === "running"} />
              <td className="px-2 font-mono text-xs text-muted">{ports(c)}</td>
              <td className="px-2 py-0.5">
                <RowActions target={{ hostId: c.hostId, id: c.id, name: c.name }} state={c.state} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
