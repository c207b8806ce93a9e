"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHostsQuery } from "@/components/hooks/queries";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useScopeText } from "@/components/i18n/useScopeText";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { errorField } from "@/components/api/error-field";
import { Field, FormDialog, inputClass } from "@/components/ui/Form";
import { useToast } from "@/components/ui/Toasts";
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
  const t = useTranslations("admin.users");
  const scopeText = useScopeText();
  return (
    <FormDialog
      open
      title={t("scopeTitle", { username: user.username })}
      submitLabel={t("saveScope")}
      busy={update.isPending}
      error={update.error}
      onCancel={onClose}
      onSubmit={() =>
        update.mutate(scopeBody(scope, true), {
          onSuccess: (u) => {
            toast("ok", t("scopeSaved", { username: u.username, scope: scopeText(u) }));
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
  const t = useTranslations("admin.users");
  return (
    <FormDialog
      open
      title={t("passwordTitle", { username: user.username })}
      submitLabel={t("resetPassword")}
      busy={update.isPending}
      error={update.error}
      onCancel={onClose}
      onSubmit={() =>
        update.mutate(
          { password },
          {
            onSuccess: () => {
              toast("ok", t("passwordReset", { username: user.username }), t("passwordResetBody"));
              onClose();
            },
          },
        )
      }
    >
      <Field label={t("newPassword")} hint={t("newPasswordHint")}>
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
  const t = useTranslations("admin.users");
  const errorLine = useErrorLine();
  const del = useDeleteUser(user, (r) => {
    toast(
      "ok",
      t("deleted", { username: user.username }),
      r.sessionsEnded ? t("sessionsEnded", { count: r.sessionsEnded }) : undefined,
    );
    onClose();
  });
  return (
    <ConfirmDialog
      open
      title={t("deleteTitle", { username: user.username })}
      confirmLabel={del.isPending ? t("deleting") : t("deleteConfirm")}
      onConfirm={() => del.mutate()}
      onCancel={onClose}
    >
      {t("deleteBody")}
      {del.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {errorLine(del.error)}
        </span>
      )}
    </ConfirmDialog>
  );
}
