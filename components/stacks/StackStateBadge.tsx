"use client";
import { useTranslations } from "next-intl";
import type { StackState } from "@/lib/stacks/types";

const STYLE = {
  running: "text-ok border-ok/40",
  partial: "text-warn border-warn/40",
  stopped: "text-muted border-line",
  down: "text-muted border-dashed border-line",
} as const satisfies Record<StackState, string>;

/** running, partly running, stopped, or down (files kept, no containers), with what it means on hover. */
export function StackStateBadge({ state }: { state: StackState }) {
  const t = useTranslations("stacks.state");
  return (
    <span
      className={`rounded border px-1 text-[11px] leading-4 whitespace-nowrap ${STYLE[state]}`}
      title={t(`hint.${state}`)}
      data-testid="stack-state"
      data-state={state}
    >
      {t(state)}
    </span>
  );
}
