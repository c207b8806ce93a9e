"use client";
import { useTranslations } from "next-intl";
import { useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { useFittedColumns } from "@/components/ui/useFittedColumns";
import { VirtualBody } from "@/components/ui/VirtualBody";
import { SortHeader } from "./SortHeader";
import type { SortState } from "./table-sort";

/** What a host-object list page hands its table (volumes, networks). */
export interface HostTableProps<T, K extends string> {
  items: T[];
  showHost: boolean;
  sort: SortState<K>;
  onSort: (k: K) => void;
  focused: number;
  onFocusRow: (i: number) => void;
  canOperate: boolean;
}

/** A sortable column header of the table. */
type SortColumn<K extends string> = (k: K, label: string, className?: string) => ReactNode;

/**
 * The table of a host-object list: sortable headers under a sticky head, one row per object (only
 * those on screen are rendered), the keyboard-focused row marked and kept in view, a click focusing
 * the row it lands on. The callers choose the columns, so their widths are fitted to the first rows
 * shown and then held while scrolling.
 */
export function HostObjectTable<T, K extends string>({
  testId,
  rowKey,
  rowTestId,
  items,
  sort,
  onSort,
  focused,
  onFocusRow,
  head,
  row,
}: HostTableProps<T, K> & {
  testId: string;
  rowKey: (t: T) => string;
  rowTestId: (t: T) => string;
  /** The header cells, with `h` for a sortable one. */
  head: (h: SortColumn<K>) => ReactNode;
  /** The cells of one row. */
  row: (t: T) => ReactNode;
}) {
  const h: SortColumn<K> = (k, label, className) => (
    <SortHeader k={k} label={label} state={sort} onSort={onSort} className={className} />
  );
  const tableRef = useRef<HTMLTableElement>(null);
  const widths = useFittedColumns(tableRef, items.length > 0, items);
  return (
    <table
      ref={tableRef}
      className={`w-full border-collapse ${widths ? "table-fixed" : ""}`}
      data-testid={testId}
      aria-rowcount={items.length + 1}
    >
      {widths && (
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
      )}
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-muted">
        <tr>{head(h)}</tr>
      </thead>
      <VirtualBody
        items={items}
        rowKey={rowKey}
        estimateSize={31}
        columns={widths?.length}
        focused={focused}
        row={(t, i, props) => (
          <tr
            {...props}
            data-testid={rowTestId(t)}
            data-focused={i === focused}
            onMouseDown={() => onFocusRow(i)}
            className="border-b border-line/60 align-top hover:bg-panel-2 data-[focused=true]:bg-panel-2 [&>td]:[overflow-wrap:anywhere]"
          >
            {row(t)}
          </tr>
        )}
      />
    </table>
  );
}

/** The host (in the all-hosts view) and driver cells that follow an object's name. */
export function HostDriverCells({
  showHost,
  item,
}: {
  showHost: boolean;
  item: { hostId: string; driver: string };
}) {
  return (
    <>
      {showHost && <td className="px-2 py-1 text-muted">{item.hostId}</td>}
      <td className="px-2 py-1">{item.driver}</td>
    </>
  );
}

export function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  const t = useTranslations("volumes.list");
  return (
    <Button size="sm" variant="danger" onClick={onClick} aria-label={t("removeName", { name })}>
      {t("remove")}
    </Button>
  );
}
