"use client";
import { useTranslations } from "next-intl";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { TokenRecord } from "@/lib/types";
import { useRevokeToken } from "./useTokenMutations";

export function TokenRevokeDialog({ token, onClose }: { token: TokenRecord; onClose: () => void }) {
  const toast = useToast();
  const t = useTranslations("admin");
  const errorLine = useErrorLine();
  const revoke = useRevokeToken(token, () => {
    toast("ok", t("tokens.revoked", { name: token.name }));
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={t("tokens.revokeTitle", { name: token.name })}
      confirmLabel={revoke.isPending ? t("revoking") : t("tokens.revokeConfirm")}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
    >
      {t("tokens.revokeBody")}
      {revoke.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(revoke.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
