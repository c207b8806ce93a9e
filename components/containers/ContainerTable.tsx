"use client";
import { useTranslations } from "next-intl";
import { IntentLink } from "@/components/ui/IntentLink";
import type { RefObject } from "react";
import type { ContainerSortKey, ContainerFilter } from "@/lib/container-filter";
import { shortId } from "@/lib/format";
import type { ContainerAction, ContainerSummary } from "@/lib/types";
import { usePendingContainerActions, type ActionTarget } from "@/components/hooks/useContainerActions";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { UpdateBadge } from "@/components/images/UpdateBadge";
import { stackOf } from "./stack-of-rows";
import { StackChip } from "./StackChip";
import type { ImageUpdateStatus } from "@/lib/images/types";
import { StatsCells } from "@/components/stats/StatsCells";
import { RowActions } from "./RowActions";
import { StateBadge } from "@/components/ui/StateBadge";
import { VirtualBody } from "@/components/ui/VirtualBody";

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
  scrollRef,
  canOperate,
  onAction,
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
  /** The panel's scrolling element, which the table's rows are virtualized against. */
  scrollRef?: RefObject<HTMLElement | null>;
  /** Whether the rows offer lifecycle actions, and how to run one. */
  canOperate: boolean;
  onAction: (target: ActionTarget, action: ContainerAction) => void;
}) {
  const t = useTranslations("containers.table");
  const pending = usePendingContainerActions();
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
    // Fixed widths: the columns must not follow whichever rows happen to be rendered.
    <table
      className="w-full min-w-[98rem] table-fixed border-collapse"
      data-testid="container-table"
      aria-rowcount={items.length + 1}
    >
      <colgroup>
        <col className="w-8" />
        <col />
        {showHost && <col className="w-24" />}
        <col />
        <col className="w-24" />
        <col className="w-48" />
        <col className="w-24" />
        <col className="w-36" />
        <col className="w-40" />
        <col className="w-32" />
        <col className="w-80" />
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          <th className="px-2">
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
      <VirtualBody
        items={items}
        rowKey={rowKey}
        estimateSize={29}
        columns={showHost ? 11 : 10}
        scrollRef={scrollRef}
        focused={focused}
        row={(c, i, props) => {
          const key = rowKey(c);
          // Most rows have no update to show: they skip the badge and the hooks behind it.
          const update = updateFor?.(c.hostId, c.image);
          const stack = stackOf(c);
          return (
            <tr
              {...props}
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
              <td className="px-2 py-1" title={c.name}>
                {/* The short id gives way first, then the stack's chip (to a few letters), then the name. */}
                <span className="flex min-w-0 items-baseline">
                  <IntentLink
                    className="min-w-0 truncate font-medium hover:underline"
                    href={`/hosts/${c.hostId}/containers/${c.id}`}
                  >
                    {c.name}
                  </IntentLink>
                  {stack && <StackChip hostId={c.hostId} {...stack} />}
                  <span className="ml-2 min-w-0 shrink-[100] truncate font-mono text-[11px] text-muted">
                    {shortId(c.id)}
                  </span>
                </span>
              </td>
              {showHost && <td className="truncate px-2 text-muted">{c.hostId}</td>}
              <td className="px-2 font-mono text-xs" title={c.image}>
                {/* The name gives way, not the badge: a long image name must not hide an update. */}
                <span className="flex items-center gap-1.5">
                  <span className="min-w-0 truncate">{c.image}</span>
                  {update && (
                    <span className="shrink-0 font-sans">
                      <UpdateBadge hostId={c.hostId} update={update} />
                    </span>
                  )}
                </span>
              </td>
              <td className="px-2">
                <StateBadge state={c.state} />
              </td>
              <td className="truncate px-2 text-muted" data-testid="status" title={c.status}>
                {c.status}
              </td>
              {/* Rendered on the server a moment before the browser takes over: the age may have moved. */}
              <td
                className="truncate px-2 text-muted"
                title={new Date(c.created * 1000).toISOString()}
                suppressHydrationWarning
              >
                {t("ago", { age: fmt.age(c.created * 1000, now) })}
              </td>
              <StatsCells hostId={c.hostId} id={c.id} running={c.state === "running"} />
              <td className="truncate px-2 font-mono text-xs text-muted" title={ports(c) || undefined}>
                {ports(c)}
              </td>
              <td className="px-2 py-0.5">
                <RowActions
                  target={{ hostId: c.hostId, id: c.id, name: c.name }}
                  state={c.state}
                  canOperate={canOperate}
                  pending={pending.get(key)}
                  onAction={onAction}
                />
              </td>
            </tr>
          );
        }}
      />
    </table>
  );
}
