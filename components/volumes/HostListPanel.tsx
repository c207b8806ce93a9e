"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useListKeyboard } from "@/components/hooks/useListKeyboard";
import { HostDownBanner, HostErrorsBanner, UnknownHostPanel } from "@/components/hosts/HostBanners";
import { Button } from "@/components/ui/Button";
import { ListStates } from "@/components/ui/ListStates";
import type { HostTableProps } from "./HostObjectTable";
import { HostPicker, ListHeader } from "./ListHeader";
import type { useHostList } from "./useHostList";

/**
 * The page of a host-object list (volumes, networks), for one host or all: the header with counts,
 * search, prune and create; the host's banners; the list's states around its table; the keys it
 * answers to; and the page's dialogs.
 */
export function HostListPanel<T, K extends string>({
  list,
  noun,
  plural,
  createLabel,
  counts,
  empty,
  keys,
  onOpen,
  onCreate,
  onPrune,
  table,
  dialogs,
}: {
  list: ReturnType<typeof useHostList<T, K>>;
  /** "volume", in the user's language: "No volume matches the filter". */
  noun: string;
  /** "volumes", in the user's language: "All volumes", "Loading volumes…". */
  plural: string;
  createLabel: string;
  counts: ReactNode;
  empty: { title: string; body: ReactNode };
  /** The footer's list of keys. */
  keys: ReactNode;
  /** Enter on the focused row. */
  onOpen: (item: T) => void;
  onCreate: () => void;
  onPrune: () => void;
  table: (props: HostTableProps<T, K>) => ReactNode;
  dialogs: ReactNode;
}) {
  const { hostId, query, canOperate, hosts, host, all, items, focused, setFocused, searchRef, target } = list;
  const t = useTranslations("volumes.list");
  useListKeyboard({
    count: items.length,
    focused,
    setFocused,
    open: (i) => {
      const item = items[i];
      if (item) onOpen(item);
    },
    focusSearch: () => searchRef.current?.focus(),
  });

  if (list.unknownHost && hostId) {
    return <UnknownHostPanel hostId={hostId} />;
  }
  return (
    <div className="flex h-full flex-col">
      <ListHeader
        ref={searchRef}
        host={host}
        title={host ? t("hostTitle", { host: host.name, plural }) : t("allTitle", { plural })}
        counts={counts}
        q={list.sort.q}
        onQ={list.onQ}
        placeholder={t("filterPlaceholder")}
      >
        {canOperate && target && (
          <>
            {!hostId && hosts.data && (
              <HostPicker hosts={hosts.data.items} value={target} onChange={list.setPickedHost} />
            )}
            <Button onClick={onPrune}>{t("prune")}</Button>
            <Button variant="primary" onClick={onCreate}>
              {createLabel}
            </Button>
          </>
        )}
      </ListHeader>
      <HostDownBanner host={host} />
      <HostErrorsBanner errors={query.data?.errors} />
      <div className="min-h-0 flex-1 overflow-auto">
        <ListStates
          noun={noun}
          plural={plural}
          query={query}
          total={all.length}
          shown={items.length}
          hostDown={host?.status === "down"}
          empty={empty}
        >
          {table({
            items,
            showHost: !hostId,
            sort: list.sort,
            onSort: list.onSort,
            focused,
            onFocusRow: setFocused,
            canOperate,
          })}
        </ListStates>
      </div>
      <footer className="border-t border-line px-3 py-1 text-[11px] text-muted">{keys}</footer>
      {dialogs}
    </div>
  );
}
