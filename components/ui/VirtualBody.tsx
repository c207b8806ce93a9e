"use client";
import { Fragment, useCallback, useMemo, useRef, type ReactNode, type RefObject } from "react";
import { useVirtualRows } from "./useVirtualRows";

/** What a rendered row puts on its `<tr>`: the measuring ref, its index, and its place for assistive tech. */
export interface VirtualRowProps {
  ref?: (el: HTMLTableRowElement | null) => void;
  "data-index": number;
  /** The head is row 1, so the first body row is row 2; the table carries aria-rowcount. */
  "aria-rowindex": number;
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" style={{ height }} data-spacer="">
      <td colSpan={columns} className="p-0" />
    </tr>
  );
}

/**
 * A table body that renders only the rows its scroll element shows (plus overscan) between two spacer
 * rows, so a table of thousands keeps a few dozen rows in the DOM. Rows are keyed by `rowKey`, so a row
 * that moves or changes keeps its element, its measured height and the focus. Give the table
 * `aria-rowcount={items.length + 1}` and fixed column widths, so the columns hold still as rows come
 * and go.
 */
export function VirtualBody<T>({
  items,
  rowKey,
  estimateSize,
  columns = 1,
  scrollRef,
  focused,
  row,
}: {
  items: readonly T[];
  rowKey: (item: T) => string;
  /** A typical row's height in pixels. */
  estimateSize: number;
  /** How many columns the spacer rows span; an empty cell in the first column is enough if unknown. */
  columns?: number;
  /** The element that scrolls the table; its nearest scrolling ancestor when left out. */
  scrollRef?: RefObject<HTMLElement | null>;
  /** The keyboard-focused row, scrolled into view whenever the focus moves to another row. */
  focused?: number;
  /** One row: a `<tr>` that spreads `props`. */
  row: (item: T, index: number, props: VirtualRowProps) => ReactNode;
}) {
  // One key per row, made once per list: the virtualizer asks for every row's key when it lays out.
  const keys = useMemo(() => items.map(rowKey), [items, rowKey]);
  const keyAt = useCallback((i: number) => keys[i] as string, [keys]);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const v = useVirtualRows({ bodyRef, count: items.length, keyAt, estimateSize, scrollRef, focused });
  return (
    <tbody ref={bodyRef} onMouseDownCapture={v.onMouseDownCapture}>
      {v.before > 0 && <Spacer height={v.before} columns={columns} />}
      {v.indexes.map((i) => {
        const item = items[i] as T;
        return (
          <Fragment key={keys[i]}>
            {row(item, i, { ref: v.measure, "data-index": i, "aria-rowindex": i + 2 })}
          </Fragment>
        );
      })}
      {v.after > 0 && <Spacer height={v.after} columns={columns} />}
    </tbody>
  );
}
