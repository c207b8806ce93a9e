"use client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { TokenRecord } from "@/lib/types";
import { useRevokeToken } from "./useTokenMutations";

export function TokenRevokeDialog({ token, onClose }: { token: TokenRecord; onClose: () => void }) {
  const toast = useToast();
  const revoke = useRevokeToken(token, () => {
    toast("ok", `Token ${token.name} revoked`);
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={`Revoke ${token.name}?`}
      confirmLabel={revoke.isPending ? "Revoking…" : "Revoke token"}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
    >
      Every request with this token fails from now on, including any job still using it. This cannot be
      undone.
      {revoke.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {revoke.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
