"use client";

/** Running of desired replicas as a small bar: full and green when all run, amber while short. */
export function ReplicaBar({ running, desired }: { running: number; desired: number }) {
  const share = desired > 0 ? Math.min(1, running / desired) : running > 0 ? 1 : 0;
  const tone = desired === 0 ? "bg-muted" : running >= desired ? "bg-ok" : "bg-warn";
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="replicas">
      <span className="font-mono text-xs tabular-nums" data-testid="replicas-text">
        {running}/{desired}
      </span>
      <span className="inline-block h-1.5 w-12 overflow-hidden rounded bg-panel-2" aria-hidden>
        <span className={`block h-full ${tone}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
    </span>
  );
}
