import { changeCounts, changesTree } from "../../lib/files/changes-tree";
import type { ChangeKind, ChangesView, ContainerChange } from "../../lib/files/types";
import { engineCall } from "../engines/engine-call";
import { dial, OK } from "../engines/engine-dial";
import type { HostConnection } from "../engines/host-connection";

/** The engine's `Kind`: 0 modified, 1 added, 2 deleted (as `docker diff` prints C, A and D). */
const KINDS: Record<number, ChangeKind> = { 0: "C", 1: "A", 2: "D" };

/** `GET /containers/{id}/changes`: what the container's writable layer changed since it was created. */
export async function containerChanges(host: HostConnection, container: string): Promise<ChangesView> {
  const raw = await engineCall(host, (abortSignal) =>
    dial<{ Path: string; Kind: number }[] | null>(host, {
      path: `/containers/${encodeURIComponent(container)}/changes`,
      method: "GET",
      abortSignal,
      statusCodes: OK,
    }),
  );
  const items: ContainerChange[] = (raw ?? []).map((c) => ({ path: c.Path, kind: KINDS[c.Kind] ?? "C" }));
  return { items, tree: changesTree(items), counts: changeCounts(items) };
}
