"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useBulkAction, type ActionTarget } from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { BULK_ACTIONS, type BulkAction } from "@/lib/types";

export function BulkBar({ targets, onDone }: { targets: ActionTarget[]; onDone: () => void }) {
  const bulk = useBulkAction();
  const t = useTranslations("containers.bulk");
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [force, setForce] = useState(false);
  const run = (action: BulkAction) => bulk.mutate({ action, targets, force }, { onSuccess: onDone });
  return (
    <div
      className="flex items-center gap-2 border-b border-line bg-accent/10 px-3 py-1.5"
      data-testid="bulk-bar"
    >
      <span className="font-medium">{t("selected", { count: targets.length })}</span>
      {BULK_ACTIONS.filter((a) => a !== "remove").map((a) => (
        <Button key={a} size="sm" disabled={bulk.isPending} onClick={() => run(a)}>
          {t(`action.${a}`)}
        </Button>
      ))}
      <Link
        className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-panel-2"
        href={`/logs?${targets.map((c) => `c=${encodeURIComponent(`${c.hostId}/${c.id}`)}`).join("&")}`}
        data-testid="bulk-logs"
      >
        {t("mergedLogs")}
      </Link>
      <Button size="sm" variant="danger" disabled={bulk.isPending} onClick={() => setConfirmRemove(true)}>
        {t("remove")}
      </Button>
      {bulk.isPending && <span className="text-muted">{t("working")}</span>}
      <ConfirmDialog
        open={confirmRemove}
        title={t("removeTitle", { count: targets.length })}
        confirmLabel={t("removeConfirm")}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          run("remove");
        }}
      >
        <div className="mb-2 max-h-40 overflow-auto font-mono text-xs">
          {targets.map((c) => (
            <div key={`${c.hostId}/${c.id}`}>
              {c.hostId}/{c.name}
            </div>
          ))}
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t("force")}
        </label>
      </ConfirmDialog>
    </div>
  );
}
