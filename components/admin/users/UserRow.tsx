"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useScopeText } from "@/components/i18n/useScopeText";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toasts";
import type { UserRecord } from "@/lib/types";
import { RoleSelect, td, useRoleHelp } from "../bits";
import type { UserDialogState } from "./UserDialogs";
import { useUpdateUser, type UserPatch } from "./useUserMutations";

/** One user, with the changes that need no form; a failed change shows in a row beneath it. */
export function UserRow({
  user,
  self,
  onDialog,
}: {
  user: UserRecord;
  self: boolean;
  onDialog: (d: UserDialogState) => void;
}) {
  const update = useUpdateUser(user);
  const toast = useToast();
  const t = useTranslations("admin.users");
  const tc = useTranslations("common");
  const fmt = useFormat();
  const roleHelp = useRoleHelp();
  const scopeText = useScopeText();
  const errorLine = useErrorLine();
  const selfNote = t("selfNote");
  const run = (patch: UserPatch, done: string) =>
    update.mutate(patch, { onSuccess: () => toast("ok", done) });
  return (
    <>
      <tr
        className={`border-b border-line/60 hover:bg-panel-2 ${user.disabled ? "text-muted" : ""}`}
        data-testid={`user-${user.username}`}
      >
        <td className={`${td} font-medium`}>
          {user.username}
          {self && (
            <span className="ml-2 rounded border border-line px-1 text-[11px] text-muted">{t("you")}</span>
          )}
        </td>
        <td className={td}>
          <RoleSelect
            compact
            label={t("roleOf", { username: user.username })}
            value={user.role}
            disabled={self || update.isPending}
            title={self ? selfNote : roleHelp(user.role)}
            onChange={(role) =>
              run({ role }, t("roleChanged", { username: user.username, role: tc(`role.${role}`) }))
            }
          />
        </td>
        <td className={td}>
          <span className="mr-2" data-testid="scope">
            {scopeText(user)}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onDialog({ kind: "scope", user })}>
            {t("edit")}
          </Button>
        </td>
        <td className={td}>
          <span
            className={`rounded border px-1 text-[11px] leading-4 ${user.disabled ? "border-bad/40 text-bad" : "border-ok/40 text-ok"}`}
            data-testid="user-state"
          >
            {user.disabled ? t("disabled") : t("active")}
          </span>
        </td>
        <td className={`${td} whitespace-nowrap text-muted`}>{fmt.dateTime(user.createdAt)}</td>
        <td className={`${td} text-right whitespace-nowrap`}>
          <div className="inline-flex gap-1">
            <Button
              size="sm"
              disabled={(self && !user.disabled) || update.isPending}
              title={self ? selfNote : user.disabled ? t("enableTitle") : t("disableTitle")}
              onClick={() =>
                run(
                  { disabled: !user.disabled },
                  user.disabled
                    ? t("enabledDone", { username: user.username })
                    : t("disabledDone", { username: user.username }),
                )
              }
            >
              {user.disabled ? t("enable") : t("disable")}
            </Button>
            <Button size="sm" onClick={() => onDialog({ kind: "password", user })}>
              {t("resetPassword")}
            </Button>
            <Button
              size="sm"
              variant="danger"
              disabled={self}
              title={self ? selfNote : undefined}
              onClick={() => onDialog({ kind: "delete", user })}
            >
              {t("delete")}
            </Button>
          </div>
        </td>
      </tr>
      {update.error && (
        <tr className="border-b border-line/60 bg-bad/5">
          <td colSpan={6} className={`${td} text-bad`} role="alert" data-testid="row-error">
            {user.username}: {errorLine(update.error)}
            <button className="ml-2 text-muted hover:text-fg" onClick={() => update.reset()}>
              {t("dismiss")}
            </button>
          </td>
        </tr>
      )}
    </>
  );
}
