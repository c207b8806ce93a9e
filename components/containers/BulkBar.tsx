"use client";
import Link from "next/link";
import { useState } from "react";
import { useBulkAction, type ActionTarget } from "@/components/hooks/useContainerActions";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { BULK_ACTIONS, type BulkAction } from "@/lib/types";

export function BulkBar({ targets, onDone }: { targets: ActionTarget[]; onDone: () => void }) {
  const bulk = useBulkAction();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [force, setForce] = useState(false);
  const run = (action: BulkAction) => bulk.mutate({ action, targets, force }, { onSuccess: onDone });
  return (
    <div
      className="flex items-center gap-2 border-b border-line bg-accent/10 px-3 py-1.5"
      data-testid="bulk-bar"
    >
      <span className="font-medium">{targets.length} selected</span>
      {BULK_ACTIONS.filter((a) => a !== "remove").map((a) => (
        <Button key={a} size="sm" disabled={bulk.isPending} onClick={() => run(a)}>
          {a}
        </Button>
      ))}
      <Link
        className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-panel-2"
        href={`/logs?${targets.map((t) => `c=${encodeURIComponent(`${t.hostId}/${t.id}`)}`).join("&")}`}
        data-testid="bulk-logs"
      >
        merged logs
      </Link>
      <Button size="sm" variant="danger" disabled={bulk.isPending} onClick={() => setConfirmRemove(true)}>
        remove…
      </Button>
      {bulk.isPending && <span className="text-muted">working…</span>}
      <ConfirmDialog
        open={confirmRemove}
        title={`Remove ${targets.length} containers?`}
        confirmLabel="Remove"
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          run("remove");
        }}
      >
        <div className="mb-2 max-h-40 overflow-auto font-mono text-xs">
          {targets.map((t) => (
            <div key={`${t.hostId}/${t.id}`}>
              {t.hostId}/{t.name}
            </div>
          ))}
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force (kill
          running containers first)
        </label>
      </ConfirmDialog>
    </div>
  );
}
