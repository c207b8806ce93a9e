"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { useModal } from "@/components/ui/useModal";

/** A dialog for an action on one host: the page's host, or (on an all-hosts page) one it picks. */
export interface HostDialogProps {
  open: boolean;
  onClose: () => void;
  hostId?: string;
}

/**
 * A wide modal for long operations: the body changes from a form to live progress, so the footer is
 * the caller's. Escape closes it; the operation itself goes on and stays visible in the jobs tray.
 */
export function DialogShell({
  open,
  title,
  onClose,
  footer,
  children,
  testId,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  footer: ReactNode;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useModal(open);
  return (
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid={testId}
      className={`m-auto ${wide ? "w-[52rem]" : "w-[36rem]"} max-w-[95vw] rounded border border-line bg-panel p-0 text-fg backdrop:bg-black/50`}
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <h2 className="border-b border-line px-4 py-2 text-base font-semibold">{title}</h2>
          <div className="min-h-0 flex-1 overflow-auto p-4">{children}</div>
          <div className="flex items-center justify-end gap-2 border-t border-line px-4 py-2">{footer}</div>
        </div>
      )}
    </dialog>
  );
}

/**
 * The footer of an operation's dialog: Cancel and the action until it starts; then one button that
 * closes it, "Hide" while the operation runs on (it stays in the jobs tray), "Done" once it is over.
 */
export function OperationFooter({
  started,
  running = false,
  onClose,
  action,
  children,
}: {
  started: boolean;
  running?: boolean;
  onClose: () => void;
  action: ReactNode;
  /** Shown before the closing button once the operation has started. */
  children?: ReactNode;
}) {
  const t = useTranslations("images.dialog");
  return started ? (
    <>
      {children}
      <Button variant={running ? "default" : "primary"} onClick={onClose}>
        {running ? t("hide") : t("done")}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose}>{t("cancel")}</Button>
      {action}
    </>
  );
}
