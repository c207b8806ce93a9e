"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorLine } from "@/components/i18n/useErrorText";
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
  const t = useTranslations("volumes.remove");
  const errorLine = useErrorLine();
  const remove = useRemoveVolume();
  const [force, setForce] = useState(false);
  const inUse = volume.usedBy.length > 0;
  return (
    <ConfirmDialog
      open
      title={t("title", { name: volume.name })}
      confirmLabel={remove.isPending ? t("removing") : force ? t("force") : t("confirm")}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(
          { hostId: volume.hostId, name: volume.name, force },
          {
            onSuccess: () => {
              toast("ok", t("removed", { name: volume.name }));
              onClose();
            },
          },
        )
      }
    >
      <p className="mb-2">{t("dataGone", { host: volume.hostId })}</p>
      {inUse && (
        <p className="mb-2 text-warn" data-testid="volume-in-use">
          {t("inUse", { names: volume.usedBy.map((u) => u.name).join(", ") })}
        </p>
      )}
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={force}
          onChange={(e) => setForce(e.target.checked)}
        />
        <span>{t.rich("forceHint", { b: (c) => <b>{c}</b> })}</span>
      </label>
      {remove.error && (
        <span
          className="mt-2 block break-words text-bad [overflow-wrap:anywhere]"
          role="alert"
          data-testid="dialog-error"
        >
          {errorLine(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
