import type { ContainerList, ContainerState, ContainerSummary } from "./types";

export const CONTAINER_SORT_KEYS = ["name", "state", "image", "created", "host", "status"] as const;
export type ContainerSortKey = (typeof CONTAINER_SORT_KEYS)[number];

export interface ContainerFilter {
  /** Case-insensitive substring of the name or the id prefix. */
  name?: string;
  state?: ContainerState[];
  /** `key` (present) or `key=value` (equal). All must match. */
  label?: string[];
  host?: string[];
  sort?: ContainerSortKey;
  dir?: "asc" | "desc";
  /** Only the first rows; see limitedList. */
  limit?: number;
}

export function parseLabelSelector(selector: string): { key: string; value?: string } {
  const eq = selector.indexOf("=");
  return eq < 0 ? { key: selector } : { key: selector.slice(0, eq), value: selector.slice(eq + 1) };
}

function matchesLabels(labels: Record<string, string>, selectors: string[]): boolean {
  return selectors.every((s) => {
    const { key, value } = parseLabelSelector(s);
    return value === undefined ? Object.hasOwn(labels, key) : labels[key] === value;
  });
}

const STATE_ORDER: Record<ContainerState, number> = {
  running: 0,
  restarting: 1,
  paused: 2,
  created: 3,
  removing: 4,
  exited: 5,
  dead: 6,
};

function compare(a: ContainerSummary, b: ContainerSummary, key: ContainerSortKey): number {
  switch (key) {
    case "name":
      return a.name.localeCompare(b.name);
    case "state":
      return STATE_ORDER[a.state] - STATE_ORDER[b.state];
    case "image":
      return a.image.localeCompare(b.image);
    case "created":
      return a.created - b.created;
    case "host":
      return a.hostId.localeCompare(b.hostId);
    case "status":
      return a.status.localeCompare(b.status);
  }
}

/** Pure and shared: the REST API filters with it, and the browser filters the cached list with it as the user types. */
export function filterContainers(items: readonly ContainerSummary[], f: ContainerFilter): ContainerSummary[] {
  const needle = f.name?.trim().toLowerCase();
  const out = items.filter(
    (c) =>
      (!needle || c.name.toLowerCase().includes(needle) || c.id.startsWith(needle)) &&
      (!f.state?.length || f.state.includes(c.state)) &&
      (!f.host?.length || f.host.includes(c.hostId)) &&
      (!f.label?.length || matchesLabels(c.labels, f.label)),
  );
  const key = f.sort ?? "name";
  const sign = f.dir === "desc" ? -1 : 1;
  // Ties fall back to host then name so the order is stable across refetches.
  const order = (a: ContainerSummary, b: ContainerSummary) =>
    sign * compare(a, b, key) || a.hostId.localeCompare(b.hostId) || a.name.localeCompare(b.name);
  // A list that comes sorted already (the merged list is, by name) costs one pass instead of a sort.
  return inOrder(out, order) ? out : out.sort(order);
}

/**
 * A list answer cut to `limit` rows (when asked for) that still counts the whole list, so a first
 * screen can say "40 of 5,000, 500 running" without the other 4,960 rows crossing the wire.
 */
export function limitedList(items: ContainerSummary[], limit: number | undefined): ContainerList {
  if (limit === undefined) return { items };
  let running = 0;
  for (const c of items) if (c.state === "running") running++;
  return { items: items.slice(0, limit), total: items.length, running };
}

function inOrder<T>(items: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (order(items[i - 1] as T, items[i] as T) > 0) return false;
  return true;
}
