import type { RecreateContainerResult } from "@/lib/container-spec/api-types";

/** The steps a recreate went through, for the success message. */
export function recreateSteps(r: RecreateContainerResult): string {
  return [
    "set the old container aside, stopped",
    `created the new one${r.started ? " and started it" : ""}`,
    r.oldKeptAs ? `kept the old one as ${r.oldKeptAs}` : "removed the old one",
    r.changed.length ? `changed: ${r.changed.join(", ")}` : "no setting changed",
    ...r.warnings,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * A failed create or recreate: the server's message, and for a recreate what became of the old
 * container. The server puts the old one back on any failure, and says "while undoing" when it could not.
 */
export function RecreateOutcome({ recreate, message }: { recreate: boolean; message: string }) {
  const undoFailed = /while undoing/.test(message);
  return (
    <div className="rounded border border-bad/50 bg-bad/10 px-3 py-2" role="alert" data-testid="submit-error">
      <div className="font-medium text-bad">{recreate ? "Recreate failed" : "Create failed"}</div>
      <div className="font-mono text-xs break-words whitespace-pre-wrap">{message}</div>
      {recreate && (
        <div className="mt-1" data-testid="restore-state">
          {undoFailed
            ? "The old container could not be fully put back (see above); check the host's container list."
            : "The old container was restored as it was: same name, same settings, running if it was."}
        </div>
      )}
    </div>
  );
}
