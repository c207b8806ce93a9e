"use client";
import { useTranslations } from "next-intl";
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
import { useHostDisabled } from "@/components/hooks/useHostDisabled";

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
  const t = useTranslations("containers.actions");
  // A host that cannot freeze containers (docs/podman.md) can neither pause nor unpause them.
  const pauseOff = useHostDisabled(target.hostId, "pause");
  const running = state === "running" || state === "restarting";
  const btn = (a: ContainerAction, label: string, enabled: boolean, title?: string) => (
    <Button
      size="sm"
      disabled={!enabled || action.isPending}
      onClick={() => action.mutate({ target, action: a })}
      data-testid={`action-${a}`}
      title={title}
    >
      {action.isPending && action.variables?.action === a ? "…" : label}
    </Button>
  );
  if (!canOperate)
    return (
      <div className="flex items-center gap-2">
        <CopyDockerRunButton hostId={target.hostId} id={target.id} />
        <span className="text-[11px] text-muted">{t("readOnly")}</span>
      </div>
    );
  return (
    <div className="flex flex-wrap gap-1">
      {btn("restart", t("restart"), state !== "removing")}
      {btn("start", t("start"), !running && state !== "paused")}
      {btn("stop", t("stop"), running || state === "paused")}
      {btn("kill", t("kill"), running)}
      {state === "paused"
        ? btn("unpause", t("unpause"), !pauseOff, pauseOff)
        : btn("pause", t("pause"), running && !pauseOff, pauseOff)}
      <CopyDockerRunButton hostId={target.hostId} id={target.id} />
      <Link className={LINK} href={`/hosts/${target.hostId}/create?from=${encodeURIComponent(target.id)}`}>
        {t("duplicate")}
      </Link>
      <Link
        className={LINK}
        href={`/hosts/${target.hostId}/create?recreate=${encodeURIComponent(target.id)}`}
        data-testid="edit-recreate"
      >
        {t("editRecreate")}
      </Link>
      <Button size="sm" variant="danger" onClick={() => setConfirm(true)} disabled={remove.isPending}>
        {t("remove")}
      </Button>
      <ConfirmDialog
        open={confirm}
        title={t("removeTitle", { name: target.name })}
        confirmLabel={t("removeConfirm")}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          remove.mutate(
            { target, force, volumes },
            { onSuccess: () => router.push(`/hosts/${target.hostId}`) },
          );
        }}
      >
        <p className="mb-2">{t("removeBody")}</p>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t("force")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />{" "}
          {t("volumes")}
        </label>
      </ConfirmDialog>
    </div>
  );
}
