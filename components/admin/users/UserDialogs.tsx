"use client";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { errorField } from "@/components/api/error-field";
import { Field, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
import { describeScope } from "@/lib/permissions";
import type { UserRecord } from "@/lib/types";
import { draftOf, ScopeFields, scopeBody, type ScopeDraft } from "../ScopeFields";
import { useDeleteUser, useUpdateUser } from "./useUserMutations";

export type UserDialogState = { kind: "scope" | "password" | "delete"; user: UserRecord } | null;

/** The one dialog open on the users page, if any. */
export function UserDialog({ dialog, onClose }: { dialog: UserDialogState; onClose: () => void }) {
  switch (dialog?.kind) {
    case "scope":
      return <ScopeDialog user={dialog.user} onClose={onClose} />;
    case "password":
      return <PasswordDialog user={dialog.user} onClose={onClose} />;
    case "delete":
      return <DeleteDialog user={dialog.user} onClose={onClose} />;
    default:
      return null;
  }
}

function ScopeDialog({ user, onClose }: { user: UserRecord; onClose: () => void }) {
  const hosts = useHostsQuery();
  const update = useUpdateUser(user);
  const toast = useToast();
  const [scope, setScope] = useState<ScopeDraft>(() => draftOf(user));
  return (
    <FormDialog
      open
      title={`Scope of ${user.username}`}
      submitLabel="Save scope"
      busy={update.isPending}
      error={update.error?.message}
      onCancel={onClose}
      onSubmit={() =>
        update.mutate(scopeBody(scope, true), {
          onSuccess: (u) => {
            toast("ok", `${u.username} now sees ${describeScope(u)}`);
            onClose();
          },
        })
      }
    >
      <ScopeFields
        value={scope}
        onChange={setScope}
        hosts={hosts.data?.items}
        invalidField={errorField(update.error)}
      />
    </FormDialog>
  );
}

function PasswordDialog({ user, onClose }: { user: UserRecord; onClose: () => void }) {
  const update = useUpdateUser(user);
  const toast = useToast();
  const [password, setPassword] = useState("");
  return (
    <FormDialog
      open
      title={`Reset the password of ${user.username}`}
      submitLabel="Reset password"
      busy={update.isPending}
      error={update.error?.message}
      onCancel={onClose}
      onSubmit={() =>
        update.mutate(
          { password },
          {
            onSuccess: () => {
              toast(
                "ok",
                `Password of ${user.username} reset`,
                "Their sessions ended; tell them the new password.",
              );
              onClose();
            },
          },
        )
      }
    >
      <Field label="New password" hint="At least 8 characters. Every session of this user ends at once.">
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          className={inputClass}
          value={password}
          aria-invalid={!!update.error || undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

function DeleteDialog({ user, onClose }: { user: UserRecord; onClose: () => void }) {
  const toast = useToast();
  const del = useDeleteUser(user, (r) => {
    toast(
      "ok",
      `User ${user.username} deleted`,
      r.sessionsEnded ? `${r.sessionsEnded} sessions ended.` : undefined,
    );
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={`Delete ${user.username}?`}
      confirmLabel={del.isPending ? "Deleting…" : "Delete user"}
      onConfirm={() => del.mutate()}
      onCancel={onClose}
    >
      Their sessions end at once and they can no longer sign in. The audit log keeps their entries. To only
      block sign-in for now, disable the user instead.
      {del.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {del.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
