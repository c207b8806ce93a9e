"use client";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useToast } from "@/components/ui/Toasts";
import type { HostSummary } from "@/lib/types";
import { useRemoveHost } from "./useHostMutations";

export function HostRemoveDialog({ host, onClose }: { host: HostSummary; onClose: () => void }) {
  const toast = useToast();
  const remove = useRemoveHost(host, () => {
    toast("ok", `Host ${host.name} removed`);
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={`Remove ${host.name}?`}
      confirmLabel={remove.isPending ? "Removing…" : "Remove host"}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      Wharf stops watching this engine and forgets its stored certificates or key. Its containers keep
      running; nothing on the host changes. Users scoped to it keep the id in their scope until you edit them.
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {remove.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
