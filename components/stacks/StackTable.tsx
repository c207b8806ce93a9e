"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { RefObject } from "react";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { VirtualBody } from "@/components/ui/VirtualBody";
import { SortHeader } from "@/components/volumes/SortHeader";
import type { SortState } from "@/components/volumes/table-sort";
import type { StackSummary } from "@/lib/stacks/types";
import { stackHref } from "./queries";
import { stackKey, type StackSortKey } from "./stack-list";
import { StackSourceBadge } from "./StackSourceBadge";
import { StackStateBadge } from "./StackStateBadge";

/** The stacks of every host in scope: one dense row each, only those on screen rendered. */
export function StackTable({
  items,
  sort,
  onSort,
  focused,
  onFocusRow,
  scrollRef,
}: {
  items: StackSummary[];
  sort: SortState<StackSortKey>;
  onSort: (key: StackSortKey) => void;
  focused: number;
  onFocusRow: (i: number) => void;
  scrollRef?: RefObject<HTMLElement | null>;
}) {
  const t = useTranslations("stacks.list");
  const format = useFormat();
  const now = useNow(10_000);
  const h = (k: StackSortKey, className?: string) => (
    <SortHeader k={k} label={t(`column.${k}`)} state={sort} onSort={onSort} className={className} />
  );
  return (
    // Fixed widths: the columns must not follow whichever rows happen to be rendered.
    <table
      className="w-full min-w-[52rem] table-fixed border-collapse"
      data-testid="stack-table"
      aria-rowcount={items.length + 1}
    >
      <colgroup>
        <col />
        <col className="w-28" />
        <col className="w-24" />
        <col className="w-28" />
        <col className="w-28" />
        <col className="w-24" />
        <col className="w-56" />
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          {h("name")}
          {h("host")}
          {h("services", "text-right")}
          {h("running", "text-right")}
          {h("state")}
          {h("source")}
          {h("updated")}
        </tr>
      </thead>
      <VirtualBody
        items={items}
        rowKey={stackKey}
        estimateSize={28}
        columns={7}
        scrollRef={scrollRef}
        focused={focused}
        row={(s, i, props) => (
          <tr
            {...props}
            data-testid={`stack-row-${s.hostId}-${s.name}`}
            data-focused={i === focused}
            onMouseDown={() => onFocusRow(i)}
            className="border-b border-line/60 hover:bg-panel-2"
          >
            <td className="truncate px-2 py-1">
              <Link className="font-medium hover:underline" href={stackHref(s)} title={s.name}>
                {s.name}
              </Link>
            </td>
            <td className="truncate px-2 text-muted">{s.hostId}</td>
            <td className="px-2 text-right tabular-nums">{format.number(s.services)}</td>
            <td
              className={`px-2 text-right tabular-nums ${s.running < s.containers ? "text-warn" : ""}`}
              title={t("runningHint", { running: s.running, containers: s.containers })}
            >
              {format.number(s.running)}/{format.number(s.containers)}
            </td>
            <td className="px-2">
              <StackStateBadge state={s.state} />
            </td>
            <td className="px-2">
              <StackSourceBadge source={s.source} swarm={s.orchestrator === "swarm"} />
            </td>
            <td
              className="truncate px-2 text-muted"
              title={s.updatedAt ? `${format.dateTime(s.updatedAt)} · ${t("updatedHint")}` : undefined}
            >
              {s.updatedAt
                ? t("updated", { age: format.age(s.updatedAt, now), user: s.updatedBy ?? "?" })
                : "—"}
            </td>
          </tr>
        )}
      />
    </table>
  );
}
