"use client";
import Link from "next/link";
import { useCan } from "@/components/hooks/useCan";
import { useContainerAction, type ActionTarget } from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import type { ContainerState } from "@/lib/types";

/** One-click restart on every row, plus the start/stop that fits the state. */
export function RowActions({ target, state }: { target: ActionTarget; state: ContainerState }) {
  const action = useContainerAction();
  const canOperate = useCan("operate");
  const open = (
    <Link
      className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-panel-2"
      href={`/hosts/${target.hostId}/containers/${target.id}`}
      aria-label={`Open ${target.name}`}
    >
      Open
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
        aria-label={`Restart ${target.name}`}
        data-testid="restart"
        title="Restart (r)"
      >
        {busy && action.variables?.action === "restart" ? "…" : "↻"} Restart
      </Button>
      {running ? (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => action.mutate({ target, action: "stop" })}
          aria-label={`Stop ${target.name}`}
        >
          ■ Stop
        </Button>
      ) : state === "paused" ? (
        <Button size="sm" disabled={busy} onClick={() => action.mutate({ target, action: "unpause" })}>
          ▶ Unpause
        </Button>
      ) : (
        <Button
          size="sm"
          disabled={busy}
          onClick={() => action.mutate({ target, action: "start" })}
          aria-label={`Start ${target.name}`}
        >
          ▶ Start
        </Button>
      )}
      <Link
        className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-panel-2"
        href={`/hosts/${target.hostId}/containers/${target.id}?tab=logs`}
        aria-label={`Logs of ${target.name}`}
        data-testid="open-logs"
      >
        Logs
      </Link>
      {running && (
        <Link
          className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-panel-2"
          href={`/hosts/${target.hostId}/containers/${target.id}?tab=terminal`}
          aria-label={`Shell in ${target.name}`}
          data-testid="open-terminal"
        >
          Shell
        </Link>
      )}
      {open}
    </div>
  );
}
