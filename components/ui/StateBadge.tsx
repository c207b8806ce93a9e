"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { CONTAINER_STATES, type ContainerState } from "@/lib/types";

const STYLE = {
  running: "text-ok border-ok/40",
  restarting: "text-warn border-warn/40",
  paused: "text-info border-info/40",
  created: "text-muted border-line",
  removing: "text-warn border-warn/40",
  exited: "text-muted border-line",
  dead: "text-bad border-bad/40",
} as const satisfies Record<ContainerState, string>;

const HEALTH = ["healthy", "unhealthy", "starting"] as const;
type Health = (typeof HEALTH)[number];
const isHealth = (h: string): h is Health => (HEALTH as readonly string[]).includes(h);
const isState = (s: string): s is ContainerState => (CONTAINER_STATES as readonly string[]).includes(s);

/** A container state in the user's language; a state Wharf does not know stays as the engine wrote it. */
export function useStateText(): (state: string) => string {
  const t = useTranslations("ui.state");
  return useCallback((state: string) => (isState(state) ? t(state) : state), [t]);
}

export function StateBadge({ state, health }: { state: ContainerState; health?: string }) {
  const t = useTranslations("ui");
  return (
    <span className="inline-flex items-center gap-1">
      <span
        className={`rounded border px-1 text-[11px] leading-4 whitespace-nowrap ${STYLE[state]}`}
        data-testid="state"
      >
        {t(`state.${state}`)}
      </span>
      {health && (
        <span
          className={`text-[11px] ${health === "healthy" ? "text-ok" : health === "unhealthy" ? "text-bad" : "text-warn"}`}
        >
          {isHealth(health) ? t(`health.${health}`) : health}
        </span>
      )}
    </span>
  );
}
