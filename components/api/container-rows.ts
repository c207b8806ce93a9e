import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ContainerList, ContainerSummary } from "@/lib/types";

/** One list with a container's row replaced, added, or (row null) removed; the same list when nothing changes. */
export function withRow(
  list: ContainerList,
  hostId: string,
  containerId: string,
  row: ContainerSummary | null,
): ContainerList {
  const i = list.items.findIndex((c) => c.id === containerId && c.hostId === hostId);
  if (i < 0 && !row) return list;
  const items = list.items.slice();
  if (i < 0) items.push(row as ContainerSummary);
  else if (row) items[i] = row;
  else items.splice(i, 1);
  return { ...list, items };
}

/**
 * A container event that carries the row after the change: the host's list and the all-hosts list
 * take the row in place, with no refetch (at fleet scale a refetch is thousands of rows per event).
 */
export function patchContainerRow(
  qc: QueryClient,
  hostId: string,
  containerId: string,
  row: ContainerSummary | null,
): void {
  const patch = (old: ContainerList | undefined) => old && withRow(old, hostId, containerId, row);
  qc.setQueryData<ContainerList>(queryKeys.containers(hostId), patch);
  qc.setQueryData<ContainerList>(queryKeys.allContainers(), patch);
}
