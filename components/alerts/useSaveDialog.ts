"use client";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useFieldErrors } from "@/components/ui/useFieldErrors";

/**
 * An alerts form dialog's save: `send` posts or puts the draft, and on success the list under `key`
 * refreshes and the dialog closes; on failure it stays open with each reason beside its field.
 * `dialog()` gives FormDialog its props, once the fields are rendered (see useFieldErrors).
 */
export function useSaveDialog(key: QueryKey, send: () => Promise<unknown>, onClose: () => void) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      onClose();
    },
  });
  const errors = useFieldErrors(save.error);
  return {
    errors,
    dialog: () => ({
      open: true,
      busy: save.isPending,
      error: errors.rest(),
      onSubmit: () => save.mutate(),
      onCancel: onClose,
    }),
  };
}
