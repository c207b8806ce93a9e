"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { RefObject } from "react";
import { useNow } from "@/components/hooks/useNow";
import { useFormat } from "@/components/i18n/useFormat";
import { VirtualBody } from "@/components/ui/VirtualBody";
import { shortId } from "@/lib/format";
import type { ImageSummary } from "@/lib/images/types";
import { imageKey, imageRef, NONE, type ImageFilter, type ImageSortKey } from "./image-filter";
import { UpdateBadge } from "./UpdateBadge";

export const imageHref = (i: Pick<ImageSummary, "hostId" | "id" | "repoTags">) =>
  `/hosts/${encodeURIComponent(i.hostId)}/images/${encodeURIComponent(imageRef(i))}`;

/** Tags of one image: the first as the name, the others after it. */
function Tags({ image }: { image: ImageSummary }) {
  if (image.dangling) return <span className="text-muted">{NONE}</span>;
  const [first, ...rest] = image.repoTags;
  return (
    <>
      <span className="font-medium">{first}</span>
      {rest.length > 0 && (
        <span className="ml-2 font-mono text-[11px] text-muted" title={rest.join("\n")}>
          +{rest.length}
        </span>
      )}
    </>
  );
}

export function ImageTable({
  items,
  showHost,
  sort,
  onSort,
  focused,
  onFocusRow,
  scrollRef,
}: {
  items: ImageSummary[];
  showHost: boolean;
  sort: Pick<ImageFilter, "sort" | "dir">;
  onSort: (key: ImageSortKey) => void;
  focused: number;
  onFocusRow: (i: number) => void;
  /** The panel's scrolling element, which the table's rows are virtualized against. */
  scrollRef?: RefObject<HTMLElement | null>;
}) {
  const now = useNow(10_000);
  const t = useTranslations("images");
  const format = useFormat();
  const header = (key: ImageSortKey, right = false) => (
    <th
      className={`px-2 py-1 font-medium ${right ? "text-right" : "text-left"}`}
      aria-sort={sort.sort === key ? (sort.dir === "desc" ? "descending" : "ascending") : "none"}
    >
      <button className="hover:text-fg" onClick={() => onSort(key)}>
        {t(`columns.${key}`)}
        {sort.sort === key ? (sort.dir === "desc" ? " ▾" : " ▴") : ""}
      </button>
    </th>
  );
  return (
    // Fixed widths: the columns must not follow whichever rows happen to be rendered.
    <table
      className="w-full min-w-[60rem] table-fixed border-collapse"
      data-testid="image-table"
      aria-rowcount={items.length + 1}
    >
      <colgroup>
        <col />
        {showHost && <col className="w-24" />}
        <col className="w-32" />
        <col className="w-28" />
        <col className="w-28" />
        <col className="w-32" />
        <col className="w-28" />
      </colgroup>
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>
          {header("name")}
          {showHost && header("host")}
          {header("id")}
          {header("size", true)}
          {header("shared", true)}
          {header("created")}
          {header("containers", true)}
        </tr>
      </thead>
      <VirtualBody
        items={items}
        rowKey={imageKey}
        estimateSize={28}
        columns={showHost ? 7 : 6}
        scrollRef={scrollRef}
        focused={focused}
        row={(i, n, props) => (
          <tr
            {...props}
            data-testid={`image-row-${i.repoTags[0] ?? shortId(i.id)}`}
            data-host={i.hostId}
            data-focused={n === focused}
            onMouseDown={() => onFocusRow(n)}
            className="border-b border-line/60 hover:bg-panel-2"
          >
            <td className="px-2 py-1">
              {/* The name gives way, not the badge. */}
              <span className="flex items-center gap-2">
                <Link className="min-w-0 truncate hover:underline" href={imageHref(i)}>
                  <Tags image={i} />
                </Link>
                <span className="shrink-0">
                  <UpdateBadge hostId={i.hostId} update={i.update} />
                </span>
              </span>
            </td>
            {showHost && <td className="truncate px-2 text-muted">{i.hostId}</td>}
            <td className="truncate px-2 font-mono text-xs text-muted" title={i.id}>
              {shortId(i.id)}
            </td>
            <td className="truncate px-2 text-right tabular-nums">{format.bytes(i.size)}</td>
            <td className="truncate px-2 text-right text-muted tabular-nums">
              {i.sharedSize < 0 ? "—" : format.bytes(i.sharedSize)}
            </td>
            <td className="truncate px-2 text-muted" title={new Date(i.created).toISOString()}>
              {t("ago", { age: format.age(i.created, now) })}
            </td>
            <td className={`px-2 text-right tabular-nums ${i.containers > 0 ? "" : "text-muted"}`}>
              {i.containers < 0 ? "—" : format.number(i.containers)}
            </td>
          </tr>
        )}
      />
    </table>
  );
}
