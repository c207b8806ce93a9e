"use client";
import { useTranslations } from "next-intl";
import type { ActionTarget } from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import { IntentLink } from "@/components/ui/IntentLink";
import type { ContainerAction, ContainerState } from "@/lib/types";
import { useHostDisabled } from "@/components/hooks/useHostDisabled";

/**
 * One-click restart on every row, plus the start/stop that fits the state. The table runs the
 * actions and says which one is running on the row, so a row holds no mutation of its own; it reads
 * the shared host list only to know whether its host can unpause.
 */
export function RowActions({
  target,
  state,
  canOperate,
  pending,
  onAction,
}: {
  target: ActionTarget;
  state: ContainerState;
  canOperate: boolean;
  /** The action running on this container, if any. */
  pending?: ContainerAction;
  onAction: (target: ActionTarget, action: ContainerAction) => void;
}) {
  const t = useTranslations("containers.row");
  const pauseOff = useHostDisabled(target.hostId, "pause");
  const name = target.name;
  const open = (
    <IntentLink
      className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
      href={`/hosts/${target.hostId}/containers/${target.id}`}
      aria-label={t("openOf", { name })}
    >
      {t("open")}
    </IntentLink>
  );
  if (!canOperate) return <div className="flex justify-end">{open}</div>;
  const busy = pending !== undefined;
  const running = state === "running" || state === "restarting";
  return (
    <div className="flex justify-end gap-1">
      <Button
        size="sm"
        disabled={busy || state === "removing"}
        onClick={() => onAction(target, "restart")}
        aria-label={t("restartOf", { name })}
        data-testid="restart"
        title={t("restartTitle")}
      >
        {pending === "restart" ? "…" : "↻"} {t("restart")}
      </Button>
      {running ? (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => onAction(target, "stop")}
          aria-label={t("stopOf", { name })}
        >
          {t("stop")}
        </Button>
      ) : state === "paused" ? (
        <Button
          size="sm"
          disabled={busy || !!pauseOff}
          onClick={() => onAction(target, "unpause")}
          title={pauseOff}
          data-testid="unpause"
        >
          {t("unpause")}
        </Button>
      ) : (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => onAction(target, "start")}
          aria-label={t("startOf", { name })}
        >
          {t("start")}
        </Button>
      )}
      <IntentLink
        className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
        href={`/hosts/${target.hostId}/containers/${target.id}?tab=logs`}
        aria-label={t("logsOf", { name })}
        data-testid="open-logs"
      >
        {t("logs")}
      </IntentLink>
      {running && (
        <IntentLink
          className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
          href={`/hosts/${target.hostId}/containers/${target.id}?tab=terminal`}
          aria-label={t("shellOf", { name })}
          data-testid="open-terminal"
        >
          {t("shell")}
        </IntentLink>
      )}
      {open}
    </div>
  );
}
