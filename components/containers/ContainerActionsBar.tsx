"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CopyDockerRunButton } from "@/components/create/CopyDockerRunButton";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import {
  useContainerAction,
  useRemoveContainer,
  type ActionTarget,
} from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { ContainerAction, ContainerState } from "@/lib/types";

const LINK =
  "inline-flex items-center rounded border border-line bg-panel px-1.5 py-0.5 text-xs hover:bg-panel-2";

export function ContainerActionsBar({ target, state }: { target: ActionTarget; state: ContainerState }) {
  const router = useRouter();
  const action = useContainerAction();
  const remove = useRemoveContainer();
  const [confirm, setConfirm] = useState(false);
  const [force, setForce] = useState(false);
  const [volumes, setVolumes] = useState(false);
  const canOperate = useCan("operate");
  const running = state === "running" || state === "restarting";
  const btn = (a: ContainerAction, label: string, enabled: boolean) => (
    <Button
      size="sm"
      disabled={!enabled || action.isPending}
      onClick={() => action.mutate({ target, action: a })}
      data-testid={`action-${a}`}
    >
      {action.isPending && action.variables?.action === a ? "…" : label}
    </Button>
  );
  if (!canOperate)
    return (
      <div className="flex items-center gap-2">
        <CopyDockerRunButton hostId={target.hostId} id={target.id} />
        <span className="text-[11px] text-muted">read-only access</span>
      </div>
    );
  return (
    <div className="flex flex-wrap gap-1">
      {btn("restart", "↻ Restart", state !== "removing")}
      {btn("start", "▶ Start", !running && state !== "paused")}
      {btn("stop", "■ Stop", running || state === "paused")}
      {btn("kill", "Kill", running)}
      {state === "paused" ? btn("unpause", "Unpause", true) : btn("pause", "Pause (freeze)", running)}
      <CopyDockerRunButton hostId={target.hostId} id={target.id} />
      <Link className={LINK} href={`/hosts/${target.hostId}/create?from=${encodeURIComponent(target.id)}`}>
        Duplicate
      </Link>
      <Link
        className={LINK}
        href={`/hosts/${target.hostId}/create?recreate=${encodeURIComponent(target.id)}`}
        data-testid="edit-recreate"
      >
        Edit and recreate
      </Link>
      <Button size="sm" variant="danger" onClick={() => setConfirm(true)} disabled={remove.isPending}>
        Remove…
      </Button>
      <ConfirmDialog
        open={confirm}
        title={`Remove ${target.name}?`}
        confirmLabel="Remove"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          remove.mutate(
            { target, force, volumes },
            { onSuccess: () => router.push(`/hosts/${target.hostId}`) },
          );
        }}
      >
        <p className="mb-2">This deletes the container and its writable layer.</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force: kill
          it first if running
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> Also
          remove its anonymous volumes
        </label>
      </ConfirmDialog>
    </div>
  );
}
