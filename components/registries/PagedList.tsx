"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";

/** One column of the browser: a filterable list of names, paged by the registry ("load more"). */
export function PagedList({
  kind,
  items,
  selected,
  onSelect,
  pending,
  error,
  hasMore,
  loadingMore,
  onLoadMore,
  testId,
}: {
  /** What the column lists: its title and states are worded for it. */
  kind: "repos" | "tags";
  items: string[];
  selected?: string;
  onSelect: (item: string) => void;
  pending: boolean;
  error?: Error | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  testId: string;
}) {
  const t = useTranslations("registries.list");
  const errorLine = useErrorLine();
  const title = t(`${kind}.title`);
  const [filter, setFilter] = useState("");
  const shown = filter ? items.filter((i) => i.toLowerCase().includes(filter.toLowerCase())) : items;
  return (
    <section className="flex min-h-0 flex-col border-r border-line" data-testid={testId} aria-label={title}>
      <div className="flex items-center gap-2 border-b border-line bg-panel px-2 py-1.5">
        <h2 className="font-medium">{title}</h2>
        {!pending && !error && (
          <span className="text-[11px] text-muted">
            {items.length}
            {hasMore ? "+" : ""}
          </span>
        )}
      </div>
      {pending ? (
        <StatePanel tone="loading" title={t(`${kind}.loading`)} />
      ) : error ? (
        <StatePanel tone="error" title={t(`${kind}.failed`)}>
          {errorLine(error)}
        </StatePanel>
      ) : items.length === 0 ? (
        <StatePanel title={t(`${kind}.empty`)} />
      ) : (
        <>
          <div className="border-b border-line p-1.5">
            <input
              type="search"
              aria-label={t(`${kind}.filter`)}
              placeholder={hasMore ? t("filterLoaded") : t("filterAll")}
              className={`${inputClass} w-full`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          <ul className="min-h-0 flex-1 overflow-auto py-1">
            {shown.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className={`w-full truncate px-2 py-0.5 text-left font-mono text-xs ${item === selected ? "bg-panel-2 font-medium" : "hover:bg-panel-2"}`}
                  aria-current={item === selected || undefined}
                  title={item}
                  onClick={() => onSelect(item)}
                >
                  {item}
                </button>
              </li>
            ))}
            {hasMore && (
              <li className="p-2">
                <Button size="sm" disabled={loadingMore} onClick={onLoadMore}>
                  {loadingMore ? t("loadingMore") : t("loadMore")}
                </Button>
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
