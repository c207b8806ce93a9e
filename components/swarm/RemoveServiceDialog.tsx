"use client";
import { useTranslations } from "next-intl";
import { ErrorNotice } from "@/components/i18n/ErrorNotice";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { SwarmService } from "@/lib/swarm/types";
import { useRemoveService } from "./queries";

/** Removing a service stops every one of its tasks on every node; said before it happens. */
export function RemoveServiceDialog({
  hostId,
  service,
  onClose,
  onRemoved,
}: {
  hostId: string;
  service: SwarmService;
  onClose: () => void;
  onRemoved?: () => void;
}) {
  const t = useTranslations("swarm.remove");
  const toast = useToast();
  const remove = useRemoveService(hostId);
  return (
    <ConfirmDialog
      open
      title={t("title", { name: service.name })}
      confirmLabel={remove.isPending ? t("removing") : t("confirm")}
      onCancel={onClose}
      onConfirm={() =>
        remove.mutate(service.id, {
          onSuccess: () => {
            toast("ok", t("removed", { name: service.name }));
            onClose();
            onRemoved?.();
          },
        })
      }
    >
      <p className="mb-2">{t("body", { count: service.running })}</p>
      {remove.error && <ErrorNotice error={remove.error} />}
    </ConfirmDialog>
  );
}
