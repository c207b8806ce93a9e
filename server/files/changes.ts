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
    dial<{ Path: string; Kind: number }[] | null | Buffer>(host, {
      path: `/containers/${encodeURIComponent(container)}/changes`,
      method: "GET",
      abortSignal,
      statusCodes: OK,
    }),
  );
  // No change at all is the engine's `null`, which the modem hands over as the bytes it read.
  const items: ContainerChange[] = (Array.isArray(raw) ? raw : []).map((c) => ({
    path: c.Path,
    kind: KINDS[c.Kind] ?? "C",
  }));
  return { items, tree: changesTree(items), counts: changeCounts(items) };
}
