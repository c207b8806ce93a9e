"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCan } from "@/components/hooks/useCan";
import { useContainerAction, type ActionTarget } from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import type { ContainerState } from "@/lib/types";

/** One-click restart on every row, plus the start/stop that fits the state. */
export function RowActions({ target, state }: { target: ActionTarget; state: ContainerState }) {
  const action = useContainerAction();
  const canOperate = useCan("operate");
  const t = useTranslations("containers.row");
  const name = target.name;
  const open = (
    <Link
      className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
      href={`/hosts/${target.hostId}/containers/${target.id}`}
      aria-label={t("openOf", { name })}
    >
      {t("open")}
    </Link>
  );
  if (!canOperate) return <div className="flex justify-end">{open}</div>;
  const busy = action.isPending;
  const running = state === "running" || state === "restarting";
  return (
    <div className="flex justify-end gap-1">
      <Button
        size="sm"
        disabled={busy || state === "removing"}
        onClick={() => action.mutate({ target, action: "restart" })}
        aria-label={t("restartOf", { name })}
        data-testid="restart"
        title={t("restartTitle")}
      >
        {busy && action.variables?.action === "restart" ? "…" : "↻"} {t("restart")}
      </Button>
      {running ? (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => action.mutate({ target, action: "stop" })}
          aria-label={t("stopOf", { name })}
        >
          {t("stop")}
        </Button>
      ) : state === "paused" ? (
        <Button size="sm" disabled={busy} onClick={() => action.mutate({ target, action: "unpause" })}>
          {t("unpause")}
        </Button>
      ) : (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => action.mutate({ target, action: "start" })}
          aria-label={t("startOf", { name })}
        >
          {t("start")}
        </Button>
      )}
      <Link
        className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
        href={`/hosts/${target.hostId}/containers/${target.id}?tab=logs`}
        aria-label={t("logsOf", { name })}
        data-testid="open-logs"
      >
        {t("logs")}
      </Link>
      {running && (
        <Link
          className="rounded border border-line px-1.5 py-0.5 text-xs whitespace-nowrap hover:bg-panel-2"
          href={`/hosts/${target.hostId}/containers/${target.id}?tab=terminal`}
          aria-label={t("shellOf", { name })}
          data-testid="open-terminal"
        >
          {t("shell")}
        </Link>
      )}
      {open}
    </div>
  );
}
