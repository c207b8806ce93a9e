"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { formatBytes } from "@/lib/format";
import type { VolumeSummary } from "@/lib/volumes";
import { LabelFilterField, labelFilters } from "./LabelFilterField";
import { count } from "./plural";
import { usePruneVolumes } from "./queries";

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
  const [label, setLabel] = useState("");
  const unused = volumes.filter(
    (v) => v.hostId === hostId && v.usedBy.length === 0 && v.refCount <= 0 && v.prunable,
  );
  const kept = volumes.filter((v) => v.hostId === hostId && v.usedBy.length === 0 && !v.prunable).length;
  const done = prune.data;
  return (
    <ConfirmDialog
      open
      title={done ? "Volumes pruned" : `Prune unused volumes on ${hostId}?`}
      confirmLabel={done ? "Close" : prune.isPending ? "Pruning…" : "Prune"}
      onCancel={onClose}
      onConfirm={() => (done ? onClose() : prune.mutate({ hostId, all, labels: labelFilters(label) }))}
    >
      {done ? (
        <div data-testid="prune-result">
          <p>
            {done.deleted.length} removed · {formatBytes(done.spaceReclaimed)} reclaimed
            {done.covered === "anonymous" && " (anonymous volumes only)"}
          </p>
          <ul className="mt-2 max-h-40 overflow-auto font-mono text-xs">
            {done.deleted.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="mb-2">
            {unused.length} volume{unused.length === 1 ? " is" : "s are"} not used by any container:{" "}
            {unused.filter((v) => v.anonymous).length} anonymous, {unused.filter((v) => !v.anonymous).length}{" "}
            named.
            {kept > 0 && ` ${count(kept, "volume")} with driver options stay: the engine never prunes those.`}
          </p>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
            />
            <span>Include named volumes (by default only anonymous ones go)</span>
          </label>
          <LabelFilterField value={label} onChange={setLabel} />
        </>
      )}
      {prune.error && (
        <span
          className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
          role="alert"
          data-testid="dialog-error"
        >
          {errorMessage(prune.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
