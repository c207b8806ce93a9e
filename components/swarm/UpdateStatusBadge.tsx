"use client";
import { useTranslations } from "next-intl";
import type { ServiceUpdateStatus } from "@/lib/swarm/types";

/** The engine's update states, each with its message key under swarm.update.state and its colour. */
const TONE = {
  updating: "text-info border-info/40",
  paused: "text-warn border-warn/40",
  completed: "text-ok border-ok/40",
  rollback_started: "text-warn border-warn/40",
  rollback_paused: "text-bad border-bad/40",
  rollback_completed: "text-warn border-warn/40",
} as const;
type Known = keyof typeof TONE;
const known = (s: string): s is Known => s in TONE;

/** A service's update state in a word; the engine's message, when it has one, is the tooltip. */
export function UpdateStatusBadge({ status }: { status?: ServiceUpdateStatus }) {
  const t = useTranslations("swarm.update.state");
  if (!status) return <span className="text-muted">{t("none")}</span>;
  const tone = known(status.state) ? TONE[status.state] : "text-muted border-line";
  return (
    <span
      className={`rounded border px-1 text-[11px] leading-4 whitespace-nowrap ${tone}`}
      title={status.cause ?? status.message}
      data-testid="update-state"
      data-state={status.state}
    >
      {known(status.state) ? t(status.state) : status.state}
    </span>
  );
}
