import type { ContainerState } from "@/lib/types";

const STYLE = {
  running: "text-ok border-ok/40",
  restarting: "text-warn border-warn/40",
  paused: "text-info border-info/40",
  created: "text-muted border-line",
  removing: "text-warn border-warn/40",
  exited: "text-muted border-line",
  dead: "text-bad border-bad/40",
} as const satisfies Record<ContainerState, string>;

export function StateBadge({ state, health }: { state: ContainerState; health?: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded border px-1 text-[11px] leading-4 ${STYLE[state]}`} data-testid="state">
        {state}
      </span>
      {health && (
        <span
          className={`text-[11px] ${health === "healthy" ? "text-ok" : health === "unhealthy" ? "text-bad" : "text-warn"}`}
        >
          {health}
        </span>
      )}
    </span>
  );
}
