"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/**
 * A list cell that shows the first few items and opens the rest on demand, so one row cannot fill the
 * page; `empty` says what an empty list means.
 */
export function MoreList<T>({
  items,
  render,
  keyOf,
  empty,
  first = 5,
}: {
  items: T[];
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  empty: string;
  first?: number;
}) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("volumes.list");
  if (items.length === 0) return <span className="text-muted">{empty}</span>;
  const shown = open ? items : items.slice(0, first);
  return (
    <ul className="flex flex-col">
      {shown.map((i) => (
        <li key={keyOf(i)} className="flex items-center gap-2 whitespace-nowrap">
          {render(i)}
        </li>
      ))}
      {items.length > first && (
        <li>
          <button className="text-[11px] text-accent hover:underline" onClick={() => setOpen(!open)}>
            {open ? t("showFewer") : t("more", { count: items.length - first })}
          </button>
        </li>
      )}
    </ul>
  );
}
