"use client";
import { useMemo, useRef, useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { usePageHost } from "@/components/hosts/usePageHost";
import type { HostListError } from "@/lib/types";
import { nextSort, sortAndFilter, type SortState } from "./table-sort";

/** The list query of a host-object page: its rows, and the hosts it could not reach. */
export interface HostListQuery<T> {
  isPending: boolean;
  error: Error | null;
  data?: { items: T[]; errors?: HostListError[] };
}

/**
 * The state a host-object list page keeps (volumes, networks): the host it shows, the sorted and
 * filtered rows, the focused row, the search box, whether the user may change things, and the host
 * a create or prune goes to. `texts` and `value` must be stable (module-level) functions.
 */
export function useHostList<T, K extends string>(opts: {
  hostId?: string;
  query: HostListQuery<T>;
  initialSort: K;
  texts: (t: T) => readonly string[];
  value: (t: T, key: K) => string | number;
}) {
  const { hostId, query, texts, value } = opts;
  const { hosts, host, unknownHost } = usePageHost(hostId);
  const canOperate = useCan("operate");
  const [sort, setSort] = useState<SortState<K>>({ sort: opts.initialSort, dir: "asc", q: "" });
  const [focused, setFocused] = useState(-1);
  const [pickedHost, setPickedHost] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const rows = query.data?.items;
  const all = useMemo(() => rows ?? [], [rows]);
  const items = useMemo(() => sortAndFilter(all, sort, texts, value), [all, sort, texts, value]);
  return {
    hostId,
    query,
    canOperate,
    hosts,
    host,
    unknownHost,
    all,
    items,
    sort,
    onSort: (key: K) => setSort((s) => nextSort(s, key)),
    onQ: (q: string) => setSort((s) => ({ ...s, q })),
    focused,
    setFocused,
    searchRef,
    setPickedHost,
    /** Where a create or prune goes: the page's host, else the picked one, else the first host up. */
    target: hostId ?? pickedHost ?? hosts.data?.items.find((h) => h.status === "up")?.id,
  };
}
