"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { specToDockerRun } from "@/lib/container-spec/docker-run";
import { specOf, type SpecDraft } from "./spec-draft";

/** Start-after-create, the submit button, and the `docker run` line the form amounts to. */
export function CreateFooter({
  draft,
  mode,
  busy,
  fieldError,
  onStartChange,
}: {
  draft: SpecDraft;
  mode: "new" | "duplicate" | "recreate";
  busy: boolean;
  fieldError?: string;
  onStartChange: (start: boolean) => void;
}) {
  const [showLine, setShowLine] = useState(false);
  const spec = showLine ? specOf(draft) : undefined;
  const label = mode === "recreate" ? "Recreate container" : "Create container";
  return (
    <footer className="border-t border-line bg-panel px-3 py-2">
      {showLine && (
        <pre
          className="mb-2 max-h-28 overflow-auto rounded bg-panel-2 p-2 font-mono text-[11px] break-all whitespace-pre-wrap"
          data-testid="docker-run-preview"
        >
          {spec && !("field" in spec) ? specToDockerRun(spec) : `(not valid yet: ${spec?.message})`}
        </pre>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            name="start"
            checked={draft.spec.start}
            onChange={(e) => onStartChange(e.target.checked)}
          />
          Start after {mode === "recreate" ? "recreate" : "create"}
        </label>
        <Button size="sm" variant="ghost" onClick={() => setShowLine((v) => !v)}>
          {showLine ? "Hide" : "Show"} as docker run
        </Button>
        {fieldError && (
          <span className="text-bad" role="status">
            {fieldError}
          </span>
        )}
        <Button
          type="submit"
          variant="primary"
          className="ml-auto"
          disabled={busy}
          data-testid="submit-create"
        >
          {busy ? (mode === "recreate" ? "Recreating…" : "Creating…") : label}
        </Button>
      </div>
    </footer>
  );
}
