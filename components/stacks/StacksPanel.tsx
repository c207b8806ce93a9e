"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostErrorsBanner } from "@/components/hosts/HostBanners";
import { useFormat } from "@/components/i18n/useFormat";
import { ListStates } from "@/components/ui/ListStates";
import { useKeyedFocus } from "@/components/ui/useKeyedFocus";
import { ListHeader } from "@/components/volumes/ListHeader";
import { primaryLink } from "./link-styles";
import { nextSort, type SortState } from "@/components/volumes/table-sort";
import { stackHref, useStacksQuery } from "./queries";
import { filterStacks, firstDir, stackKey, type StackSortKey } from "./stack-list";
import { StackTable } from "./StackTable";
import { useStackLiveUpdates } from "./useStackLiveUpdates";

/** Every host's compose stacks: those Wharf keeps, and projects the compose CLI made elsewhere. */
export function StacksPanel() {
  useStackLiveUpdates();
  const router = useRouter();
  const query = useStacksQuery();
  const canOperate = useCan("operate");
  const t = useTranslations("stacks.list");
  const format = useFormat();
  const [sort, setSort] = useState<SortState<StackSortKey>>({ sort: "name", dir: "asc", q: "" });
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = query.data?.items;
  const all = useMemo(() => rows ?? [], [rows]);
  const items = useMemo(() => filterStacks(all, sort), [all, sort]);
  const [focused, setFocused] = useKeyedFocus(items, stackKey);
  const running = all.filter((s) => s.state === "running").length;

  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const s = items[i];
      if (s) router.push(stackHref(s));
    },
    focusSearch: () => searchRef.current?.focus(),
  });

  const onSort = (key: StackSortKey) => setSort((s) => nextSort(s, key, firstDir(key)));

  const newStack = canOperate && (
    <Link href="/stacks/new" className={primaryLink} data-testid="new-stack">
      {t("new")}
    </Link>
  );
  return (
    <div className="flex h-full flex-col">
      <ListHeader
        ref={searchRef}
        title={t("title")}
        counts={
          items.length !== all.length
            ? t("countsFiltered", { shown: format.number(items.length), count: all.length, running })
            : t("counts", { count: all.length, running })
        }
        q={sort.q}
        onQ={(q) => setSort((s) => ({ ...s, q }))}
        placeholder={t("filterPlaceholder")}
      >
        {newStack}
      </ListHeader>
      <HostErrorsBanner errors={query.data?.errors} />
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto">
        <ListStates
          noun={t("noun")}
          plural={t("plural")}
          query={query}
          total={all.length}
          shown={items.length}
          hostDown={false}
          empty={{
            title: t("empty.title"),
            body: (
              <span className="flex flex-col items-center gap-2">
                <span>{canOperate ? t("empty.operator") : t("empty.viewer")}</span>
                <span>{t("empty.cli")}</span>
                {newStack}
              </span>
            ),
          }}
        >
          <StackTable
            items={items}
            sort={sort}
            onSort={onSort}
            focused={focused}
            onFocusRow={setFocused}
            scrollRef={scrollRef}
          />
        </ListStates>
      </div>
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">{t("keys")}</footer>
    </div>
  );
}
