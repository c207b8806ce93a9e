"use client";
import { useEffect, useLayoutEffect, useState, type RefObject } from "react";

/**
 * Column widths for a table whose columns its callers choose: the browser fits them to the first rows
 * shown, then they are held (give the table a `<colgroup>` of them and table-layout: fixed), so the
 * columns do not jump as a virtual body swaps rows while scrolling. They are fitted again when the
 * table's room changes, and when the rows themselves change (`rows`, the list as given): a row that
 * grew (a network that gained an endpoint) must not spill over its neighbours' cells.
 * `ready`: the table has rows to fit the columns to.
 */
export function useFittedColumns(ref: RefObject<HTMLTableElement | null>, ready: boolean, rows: unknown) {
  const [fit, setFit] = useState<{ room: number; widths: number[]; rows: unknown }>();
  // New rows: drop the held widths during render, so the browser lays the columns out afresh.
  if (fit && fit.rows !== rows) setFit(undefined);

  useLayoutEffect(() => {
    const table = ref.current;
    const cells = table?.tHead?.rows[0]?.cells;
    if (!ready || fit || !cells) return;
    setFit({
      room: table.parentElement?.clientWidth ?? 0,
      widths: Array.from(cells, (c) => c.getBoundingClientRect().width),
      rows,
    });
  }, [ref, ready, fit, rows]);

  // Held widths would be measured back: on a new width, let the browser lay the columns out afresh.
  useEffect(() => {
    const parent = ref.current?.parentElement;
    if (!parent) return;
    const ro = new ResizeObserver(() =>
      setFit((f) => (f && Math.abs(f.room - parent.clientWidth) >= 1 ? undefined : f)),
    );
    ro.observe(parent);
    return () => ro.disconnect();
  }, [ref]);

  return fit?.widths;
}
