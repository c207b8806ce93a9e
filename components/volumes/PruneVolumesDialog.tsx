"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { formatBytes } from "@/lib/format";
import { usePruneVolumes } from "./queries";
import type { VolumeSummary } from "./volume-types";

/** Prune unused volumes of one host, then say what went and how much space came back. */
export function PruneVolumesDialog({
  hostId,
  volumes,
  onClose,
}: {
  hostId: string;
  volumes: VolumeSummary[];
  onClose: () => void;
}) {
  const prune = usePruneVolumes();
  const [all, setAll] = useState(false);
  // The engine prunes only anonymous volumes unless asked for all unused ones.
  const unused = volumes.filter((v) => v.hostId === hostId && v.usedBy.length === 0);
  const done = prune.data;
  if (done) {
    return (
      <ConfirmDialog open title="Volumes pruned" confirmLabel="Close" onConfirm={onClose} onCancel={onClose}>
        <p data-testid="prune-result">
          {done.deleted.length} removed · {formatBytes(done.spaceReclaimed)} reclaimed
        </p>
        {done.deleted.length > 0 && (
          <ul className="mt-2 max-h-40 overflow-auto font-mono text-xs">
            {done.deleted.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      open
      title={`Prune unused volumes on ${hostId}?`}
      confirmLabel={prune.isPending ? "Pruning…" : "Prune"}
      onCancel={onClose}
      onConfirm={() => prune.mutate({ hostId, all })}
    >
      <p className="mb-2">
        {unused.length} volume{unused.length === 1 ? " is" : "s are"} not used by any container.
      </p>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-0.5" checked={all} onChange={(e) => setAll(e.target.checked)} />
        <span>Include named volumes (by default only anonymous ones go)</span>
      </label>
      {prune.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorMessage(prune.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
