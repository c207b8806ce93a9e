"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import { specToDockerRun } from "@/lib/container-spec/docker-run";
import { specOf, type SpecDraft } from "./spec-draft";

/** Start-after-create, the submit button, and the `docker run` line the form amounts to. */
export function CreateFooter({
  draft,
  mode,
  busy,
  fieldError,
  onStartChange,
  keepRunState,
  onKeepRunState,
}: {
  draft: SpecDraft;
  mode: "new" | "duplicate" | "recreate";
  busy: boolean;
  fieldError?: string;
  onStartChange: (start: boolean) => void;
  /** Recreate only: leave the new container running or stopped as the old one was. */
  keepRunState?: boolean;
  onKeepRunState?: (keep: boolean) => void;
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
        {mode === "recreate" && onKeepRunState ? (
          <label className="flex items-center gap-1.5">
            Afterwards
            <select
              name="run-state"
              className={inputClass}
              value={keepRunState ? "same" : draft.spec.start ? "start" : "stop"}
              onChange={(e) => {
                onKeepRunState(e.target.value === "same");
                if (e.target.value !== "same") onStartChange(e.target.value === "start");
              }}
            >
              <option value="same">running or stopped, as it was</option>
              <option value="start">started</option>
              <option value="stop">left stopped</option>
            </select>
          </label>
        ) : (
          <label className="flex items-center gap-1.5">
            <input
              type="checkbox"
              name="start"
              checked={draft.spec.start}
              onChange={(e) => onStartChange(e.target.checked)}
            />
            Start after create
          </label>
        )}
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
