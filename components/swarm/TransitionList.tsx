"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import type { SwarmTaskTransition } from "@/lib/swarm/types";
import { TaskStateText } from "./TaskStateText";

/** The live task transitions of a rollout, newest first, as `swarm:task` told them. */
export function TransitionList({
  items,
  nodeName,
}: {
  items: SwarmTaskTransition[];
  nodeName: (id?: string) => string;
}) {
  const t = useTranslations("swarm.rollout");
  const format = useFormat();
  if (items.length === 0)
    return (
      <div className="text-muted" data-testid="transitions-empty">
        {t("noTransitions")}
      </div>
    );
  return (
    <ol className="max-h-56 overflow-auto font-mono text-xs" data-testid="transitions" aria-live="polite">
      {items.map((e) => (
        <li
          key={`${e.taskId}-${e.to}-${e.at}`}
          className="flex gap-2 border-b border-line/40 py-0.5"
          data-testid="transition"
          data-to={e.to}
        >
          <span className="text-muted tabular-nums">
            {new Date(e.at).toLocaleTimeString(format.locale, { hour12: false })}
          </span>
          <span className="w-16 shrink-0">
            {e.slot !== undefined ? t("slot", { slot: e.slot }) : e.taskId.slice(0, 8)}
          </span>
          <span className="w-24 shrink-0 truncate text-muted">{nodeName(e.nodeId)}</span>
          <span>
            {e.from ? <TaskStateText state={e.from} /> : <span className="text-muted">{t("new")}</span>}
            {" → "}
            <TaskStateText state={e.to} />
          </span>
          {e.error && <span className="text-bad">{e.error}</span>}
        </li>
      ))}
    </ol>
  );
}
