"use client";
import { useTranslations } from "next-intl";
import type { Rollout } from "./rollout";

/** Tasks updated of the total as a bar, with the engine's update state; calm green once done. */
export function RolloutProgress({ rollout, message }: { rollout: Rollout; message?: string }) {
  const t = useTranslations("swarm.rollout");
  const share = rollout.total > 0 ? rollout.updated / rollout.total : 1;
  const bad = rollout.state.includes("paused") || rollout.state.startsWith("rollback");
  const tone = rollout.done && !bad ? "bg-ok" : bad ? "bg-warn" : "bg-info";
  return (
    <div
      className="flex flex-col gap-1"
      data-testid="rollout"
      data-done={rollout.done}
      data-state={rollout.state}
    >
      <div className="flex items-center gap-2">
        <span className="font-medium" data-testid="rollout-text">
          {rollout.done
            ? t("done", { total: rollout.total })
            : t("progress", { updated: rollout.updated, total: rollout.total })}
        </span>
        <span className="text-[11px] text-muted">
          {t(`state.${known(rollout.state)}`, { state: rollout.state })}
        </span>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded bg-panel-2"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={rollout.total}
        aria-valuenow={rollout.updated}
      >
        <div
          className={`h-full transition-[width] ${tone}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
      {message && <div className="font-mono text-[11px] text-muted">{message}</div>}
    </div>
  );
}

const STATES = [
  "updating",
  "paused",
  "completed",
  "rollback_started",
  "rollback_paused",
  "rollback_completed",
] as const;
/** A state the catalog names, or "other" (which says the engine's word). */
const known = (s: string): (typeof STATES)[number] | "other" =>
  (STATES as readonly string[]).includes(s) ? (s as (typeof STATES)[number]) : "other";
