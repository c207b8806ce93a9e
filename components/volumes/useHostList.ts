"use client";
import { useMemo, useRef, useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { nextSort, sortAndFilter, type SortState } from "./table-sort";

/**
 * The state a host-object list page keeps (volumes, networks): the host it shows, the sorted and
 * filtered rows, the focused row, the search box, and the host a create or prune goes to.
 * `texts` and `value` must be stable (module-level) functions.
 */
export function useHostList<T, K extends string>(opts: {
  hostId?: string;
  items: T[] | undefined;
  initialSort: K;
  texts: (t: T) => readonly string[];
  value: (t: T, key: K) => string | number;
}) {
  const { hostId, texts, value } = opts;
  const hosts = useHostsQuery();
  const [sort, setSort] = useState<SortState<K>>({ sort: opts.initialSort, dir: "asc", q: "" });
  const [focused, setFocused] = useState(-1);
  const [pickedHost, setPickedHost] = useState<string>();
  const searchRef = useRef<HTMLInputElement>(null);
  const host = hostId ? hosts.data?.items.find((h) => h.id === hostId) : undefined;
  const all = useMemo(() => opts.items ?? [], [opts.items]);
  const items = useMemo(() => sortAndFilter(all, sort, texts, value), [all, sort, texts, value]);
  return {
    hosts,
    host,
    /** The page names a host that is not configured (or not in the caller's scope). */
    unknownHost: !!hostId && !!hosts.data && !host,
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
