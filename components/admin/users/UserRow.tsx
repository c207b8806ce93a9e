"use client";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toasts";
import { describeScope } from "@/lib/permissions";
import type { UserRecord } from "@/lib/types";
import { formatLocal, ROLE_HELP, RoleSelect, td } from "../bits";
import type { UserDialogState } from "./UserDialogs";
import { useUpdateUser, type UserPatch } from "./useUserMutations";

const SELF_NOTE = "You cannot demote, disable or delete yourself; ask another admin.";

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
          {self && <span className="ml-2 rounded border border-line px-1 text-[11px] text-muted">you</span>}
        </td>
        <td className={td}>
          <RoleSelect
            compact
            label={`Role of ${user.username}`}
            value={user.role}
            disabled={self || update.isPending}
            title={self ? SELF_NOTE : ROLE_HELP[user.role]}
            onChange={(role) => run({ role }, `${user.username} is now ${role}`)}
          />
        </td>
        <td className={td}>
          <span className="mr-2" data-testid="scope">
            {describeScope(user)}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onDialog({ kind: "scope", user })}>
            Edit
          </Button>
        </td>
        <td className={td}>
          <span
            className={`rounded border px-1 text-[11px] leading-4 ${user.disabled ? "border-bad/40 text-bad" : "border-ok/40 text-ok"}`}
            data-testid="user-state"
          >
            {user.disabled ? "disabled" : "active"}
          </span>
        </td>
        <td className={`${td} whitespace-nowrap text-muted`}>{formatLocal(user.createdAt)}</td>
        <td className={`${td} text-right whitespace-nowrap`}>
          <div className="inline-flex gap-1">
            <Button
              size="sm"
              disabled={(self && !user.disabled) || update.isPending}
              title={
                self
                  ? SELF_NOTE
                  : user.disabled
                    ? "Allow sign-in again"
                    : "Block sign-in and end their sessions"
              }
              onClick={() =>
                run(
                  { disabled: !user.disabled },
                  user.disabled
                    ? `${user.username} enabled`
                    : `${user.username} disabled; their sessions ended`,
                )
              }
            >
              {user.disabled ? "Enable" : "Disable"}
            </Button>
            <Button size="sm" onClick={() => onDialog({ kind: "password", user })}>
              Reset password
            </Button>
            <Button
              size="sm"
              variant="danger"
              disabled={self}
              title={self ? SELF_NOTE : undefined}
              onClick={() => onDialog({ kind: "delete", user })}
            >
              Delete
            </Button>
          </div>
        </td>
      </tr>
      {update.error && (
        <tr className="border-b border-line/60 bg-bad/5">
          <td colSpan={6} className={`${td} text-bad`} role="alert" data-testid="row-error">
            {user.username}: {update.error.message}
            <button className="ml-2 text-muted hover:text-fg" onClick={() => update.reset()}>
              Dismiss
            </button>
          </td>
        </tr>
      )}
    </>
  );
}
