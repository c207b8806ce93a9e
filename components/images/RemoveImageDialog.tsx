"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { imagePaths, invalidateImages } from "./queries";

/** Remove an image; force also untags an image that several tags share, or that stopped containers use. */
export function RemoveImageDialog({
  hostId,
  imageRef,
  name,
  inUse,
  onClose,
  onRemoved,
}: {
  hostId: string;
  imageRef: string;
  name: string;
  inUse: number;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const qc = useQueryClient();
  const [force, setForce] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      api(`${imagePaths.one(hostId, imageRef)}${force ? "?force=1" : ""}`, { method: "DELETE" }),
    onSuccess: () => {
      invalidateImages(qc, hostId);
      onRemoved();
    },
  });
  return (
    <ConfirmDialog
      open
      title={`Remove ${name} from ${hostId}?`}
      confirmLabel={remove.isPending ? "Removing…" : force ? "Force remove" : "Remove"}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      {inUse > 0
        ? `${inUse} container${inUse === 1 ? "" : "s"} use${inUse === 1 ? "s" : ""} this image; the engine refuses unless they are removed first, or you force it for stopped ones.`
        : "No container uses this image. Layers it shares with other images stay."}
      <label className="mt-2 flex items-center gap-2 text-fg">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="remove-force"
        />
        Force (untag every tag, remove even if stopped containers use it)
      </label>
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {remove.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
