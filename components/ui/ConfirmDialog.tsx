"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./Button";
import { useModal } from "./useModal";

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useModal(open);
  const t = useTranslations("ui");
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[28rem] rounded border border-line bg-panel p-0 text-fg backdrop:bg-black/50"
    >
      <form
        method="dialog"
        className="p-4"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2 className="mb-2 text-base font-semibold">{title}</h2>
        <div className="mb-4 text-muted">{children}</div>
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>{t("cancel")}</Button>
          <Button type="submit" variant="danger" autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
