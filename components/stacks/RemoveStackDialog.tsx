"use client";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

/** Forget a stack that is down: Wharf drops its files and revisions; nothing runs to be removed. */
export function RemoveStackDialog({
  name,
  onConfirm,
  onCancel,
}: {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("stacks.remove");
  return (
    <ConfirmDialog
      open
      title={t("title", { name })}
      confirmLabel={t("confirm")}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {t("body")}
    </ConfirmDialog>
  );
}
