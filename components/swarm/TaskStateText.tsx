"use client";

/** Task states by tone; the engine's own word is shown, as `docker service ps` shows it. */
const TONE: Record<string, string> = {
  running: "text-ok",
  complete: "text-muted",
  shutdown: "text-muted",
  failed: "text-bad",
  rejected: "text-bad",
  orphaned: "text-bad",
  remove: "text-muted",
};

export function TaskStateText({ state }: { state: string }) {
  return (
    <span className={`font-mono text-xs ${TONE[state] ?? "text-info"}`} data-testid="task-state">
      {state}
    </span>
  );
}
