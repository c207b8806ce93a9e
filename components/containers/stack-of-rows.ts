import { COMPOSE_LABELS } from "@/lib/stacks/types";
import type { ContainerSummary } from "@/lib/types";

/** The compose project a container belongs to, and its service there; undefined for a lone container. */
export function stackOf(c: Pick<ContainerSummary, "labels">): { name: string; service?: string } | undefined {
  const name = c.labels[COMPOSE_LABELS.project];
  if (!name) return undefined;
  const service = c.labels[COMPOSE_LABELS.service];
  return service ? { name, service } : { name };
}

/**
 * The one stack every row belongs to (same project on the same host), so the list can offer that
 * stack's actions; undefined when the rows are empty, mixed, or hold a container of no stack.
 */
export function stackOfRows(
  rows: readonly Pick<ContainerSummary, "labels" | "hostId">[],
): { hostId: string; name: string } | undefined {
  const first = rows[0];
  const name = first && stackOf(first)?.name;
  if (!first || !name) return undefined;
  const same = rows.every((c) => c.hostId === first.hostId && c.labels[COMPOSE_LABELS.project] === name);
  return same ? { hostId: first.hostId, name } : undefined;
}
