/** Sorting and searching of the stack list: pure, so it is unit-tested. */
import { sortAndFilter, type SortState } from "@/components/volumes/table-sort";
import type { StackState, StackSummary } from "@/lib/stacks/types";

export const STACK_SORT_KEYS = ["name", "host", "services", "running", "state", "source", "updated"] as const;
export type StackSortKey = (typeof STACK_SORT_KEYS)[number];

export const stackKey = (s: Pick<StackSummary, "hostId" | "name">) => `${s.hostId}/${s.name}`;

/** Stacks that need a look first when sorted by state: partly running, then stopped, running, down. */
const STATE_ORDER = { partial: 0, stopped: 1, running: 2, down: 3 } as const satisfies Record<
  StackState,
  number
>;

const texts = (s: StackSummary) => [s.name, s.hostId, s.state, s.source, s.updatedBy ?? ""];

function value(s: StackSummary, key: StackSortKey): string | number {
  switch (key) {
    case "name":
      return s.name;
    case "host":
      return s.hostId;
    case "services":
      return s.services;
    case "running":
      return s.running;
    case "state":
      return STATE_ORDER[s.state];
    case "source":
      return s.source;
    case "updated":
      // Never deployed sorts last in a newest-first order.
      return s.updatedAt ?? -1;
  }
}

/** The rows to show: every term of the filter in one of a row's texts, in the chosen order. */
export function filterStacks(items: readonly StackSummary[], sort: SortState<StackSortKey>): StackSummary[] {
  return sortAndFilter(items, sort, texts, value);
}

/** Numbers and times read best largest or newest first; names and states from the top. */
export function firstDir(key: StackSortKey): "asc" | "desc" {
  return key === "services" || key === "running" || key === "updated" ? "desc" : "asc";
}
