"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { useErrorLine } from "@/components/i18n/useErrorText";
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
  const t = useTranslations("images.remove");
  const errorLine = useErrorLine();
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
      title={t("title", { name, host: hostId })}
      confirmLabel={remove.isPending ? t("removing") : force ? t("forceSubmit") : t("submit")}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      {inUse > 0 ? t("inUse", { count: inUse }) : t("unused")}
      <label className="mt-2 flex items-center gap-2 text-fg">
        <input
          type="checkbox"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
          data-testid="remove-force"
        />
        {t("force")}
      </label>
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
