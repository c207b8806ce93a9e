"use client";
import { useTranslations } from "next-intl";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { HostSummary } from "@/lib/types";
import { useRemoveHost } from "./useHostMutations";

export function HostRemoveDialog({ host, onClose }: { host: HostSummary; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("admin.hosts");
  const errorLine = useErrorLine();
  const remove = useRemoveHost(host, () => {
    toast("ok", t("removed", { name: host.name }));
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={t("removeTitle", { name: host.name })}
      confirmLabel={remove.isPending ? t("removing") : t("removeConfirm")}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      {t("removeBody")}
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(remove.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
