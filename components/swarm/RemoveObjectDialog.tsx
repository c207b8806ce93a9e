"use client";
import { useTranslations } from "next-intl";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { SwarmObject, SwarmObjectKind } from "./object-form";
import { useRemoveSwarmObject } from "./queries";

/**
 * A config or a secret goes for good; the engine refuses while a service mounts it, and that refusal
 * (naming the services) stays in the dialog.
 */
export function RemoveObjectDialog({
  hostId,
  kind,
  object,
  onClose,
}: {
  hostId: string;
  kind: SwarmObjectKind;
  object: SwarmObject;
  onClose: () => void;
}) {
  const t = useTranslations("swarm");
  const toast = useToast();
  const remove = useRemoveSwarmObject(hostId, kind);
  return (
    <ConfirmDialog
      open
      title={t(`${kind}.removeTitle`, { name: object.name })}
      confirmLabel={remove.isPending ? t("objects.removing") : t("objects.confirm")}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(object.id, {
          onSuccess: () => {
            toast("ok", t(`${kind}.removed`, { name: object.name }));
            onClose();
          },
        })
      }
    >
      <p className="mb-2">{t(`${kind}.removeBody`)}</p>
      {remove.error && <ErrorNotice error={remove.error} />}
    </ConfirmDialog>
  );
}
