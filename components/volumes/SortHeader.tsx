"use client";
import type { SortState } from "./table-sort";

/** A clickable column header that shows and flips the sort, with aria-sort for screen readers. */
export function SortHeader<K extends string>({
  k,
  label,
  state,
  onSort,
  className = "",
}: {
  k: K;
  label: string;
  state: SortState<K>;
  onSort: (k: K) => void;
  className?: string;
}) {
  const on = state.sort === k;
  return (
    <th
      className={`px-2 py-1 text-left font-medium ${className}`}
      aria-sort={on ? (state.dir === "desc" ? "descending" : "ascending") : "none"}
    >
      <button className="hover:text-fg" onClick={() => onSort(k)}>
        {label}
        {on ? (state.dir === "desc" ? " ▾" : " ▴") : ""}
      </button>
    </th>
  );
}
