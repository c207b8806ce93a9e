"use client";
import { useState } from "react";
import { errorMessage } from "@/components/api/client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import { useRemoveVolume } from "./queries";
import type { VolumeSummary } from "@/lib/volumes";

/**
 * Removing a volume in use is refused by the engine; the refusal is shown as the engine wrote it.
 * Force is offered with what it does and does not do, since it is easy to misread as "detach".
 */
export function RemoveVolumeDialog({ volume, onClose }: { volume: VolumeSummary; onClose: () => void }) {
  const toast = useToast();
  const remove = useRemoveVolume();
  const [force, setForce] = useState(false);
  const inUse = volume.usedBy.length > 0;
  return (
    <ConfirmDialog
      open
      title={`Remove volume ${volume.name}?`}
      confirmLabel={remove.isPending ? "Removing…" : force ? "Force remove" : "Remove volume"}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { hostId: volume.hostId, name: volume.name, force },
          {
            onSuccess: () => {
              toast("ok", `Volume ${volume.name} removed`);
              onClose();
            },
          },
        )
      }
    >
      <p className="mb-2">Its data on {volume.hostId} is deleted for good.</p>
      {inUse && (
        <p className="mb-2 text-warn" data-testid="volume-in-use">
          Used by {volume.usedBy.map((u) => u.name).join(", ")}: the engine refuses while a container (running
          or stopped) refers to it. Remove those containers first.
        </p>
      )}
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
        />
        <span>
          Force: also remove it from the engine&apos;s records when its driver cannot clean up. It does{" "}
          <b>not</b> detach containers that use it.
        </span>
      </label>
      {remove.error && (
        <span
          className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
          role="alert"
          data-testid="dialog-error"
        >
          {errorMessage(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
