"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "@/components/api/client";
import { useHostsQuery, useMeQuery } from "@/components/hooks/queries";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { checkWith, Field, fieldOf, FormDialog, FormError, inputClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { describeScope, type Role } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { userCreateSchema, userUpdateSchema } from "@/lib/schemas";
import type { UserRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { formatLocal, ROLE_HELP, RoleSelect, td, th } from "./bits";
import { useUsersQuery } from "./queries";
import { draftOf, ScopeFields, useOwnScope, scopeBody, type ScopeDraft } from "./ScopeFields";

type UserPatch = {
  role?: Role;
  hosts?: "*" | string[];
  labelSelector?: string | null;
  disabled?: boolean;
  password?: string;
};

/** Users change sessions (disable, reset) and always write the audit log. */
function useInvalidateAccess() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.users() });
    void qc.invalidateQueries({ queryKey: queryKeys.sessions() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

function useUpdateUser(user: UserRecord) {
  const invalidate = useInvalidateAccess();
  return useMutation({
    mutationFn: (patch: UserPatch) => {
      const problem = checkWith(userUpdateSchema, patch);
      if (problem) return Promise.reject(new Error(problem));
      return api<UserRecord>(`/api/v1/users/${user.id}`, { method: "PATCH", body: patch });
    },
    onSettled: invalidate,
  });
}

export function UsersPanel() {
  return (
    <AdminGate title="Users">
      <UsersView />
    </AdminGate>
  );
}

type DialogState = { kind: "scope" | "password" | "delete"; user: UserRecord } | null;

function UsersView() {
  const users = useUsersQuery();
  const me = useMeQuery();
  const [dialog, setDialog] = useState<DialogState>(null);
  const items = users.data?.items ?? [];
  const admins = items.filter((u) => u.role === "admin" && !u.disabled).length;
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Users"
        sub={
          users.data
            ? `${items.length} users · ${admins} enabled admins`
            : "who may sign in, with which role and scope"
        }
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title="New user" testId="user-create" aside="Role and scope can be changed later.">
          <CreateUserForm />
        </Section>
        <Section
          title="Users"
          aside="Role and scope apply from the user's next request; disabling or resetting a password signs them out."
        >
          {users.isPending ? (
            <StatePanel tone="loading" title="Loading users…" />
          ) : users.error ? (
            <StatePanel tone="error" title="Could not list users">
              {users.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No users yet">Create one above.</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="user-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>Username</th>
                  <th className={th}>Role</th>
                  <th className={th}>Scope</th>
                  <th className={th}>State</th>
                  <th className={th}>Created</th>
                  <th className={th} />
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <UserRow key={u.id} user={u} self={me.data?.user.id === u.id} onDialog={setDialog} />
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>
      {dialog?.kind === "scope" && <ScopeDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === "password" && <PasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === "delete" && <DeleteDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </div>
  );
}

function CreateUserForm() {
  const hosts = useHostsQuery();
  const toast = useToast();
  const invalidate = useInvalidateAccess();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const own = useOwnScope().draft;
  const [scope, setScope] = useState<ScopeDraft>(own);
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: (body: unknown) => api<UserRecord>("/api/v1/users", { method: "POST", body }),
    onSuccess: (u) => {
      toast("ok", `User ${u.username} created`, `${u.role} · ${describeScope(u)}`);
      setUsername("");
      setPassword("");
      setScope(own);
      setError(undefined);
    },
    onError: (e) => setError(errorMessage(e)),
    onSettled: invalidate,
  });
  const bad = fieldOf(error);
  return (
    <form
      className="flex flex-wrap items-start gap-x-6 gap-y-3 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { username: username.trim(), password, role, ...scopeBody(scope, false) };
        const problem = checkWith(userCreateSchema, body);
        setError(problem);
        if (!problem) create.mutate(body);
      }}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-3">
          <Field label="Username">
            <input
              name="username"
              autoComplete="off"
              className={`${inputClass} w-48`}
              value={username}
              aria-invalid={bad === "username" || undefined}
              onChange={(e) => setUsername(e.target.value)}
            />
          </Field>
          <Field label="Password" hint="At least 8 characters.">
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              className={`${inputClass} w-48`}
              value={password}
              aria-invalid={bad === "password" || undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Field label="Role" hint={ROLE_HELP[role]}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
          <FormError message={error} />
        </div>
      </div>
      <ScopeFields value={scope} onChange={setScope} hosts={hosts.data?.items} invalidField={bad} />
    </form>
  );
}

function UserRow({
  user,
  self,
  onDialog,
}: {
  user: UserRecord;
  self: boolean;
  onDialog: (d: DialogState) => void;
}) {
  const update = useUpdateUser(user);
  const toast = useToast();
  const selfNote = "You cannot demote, disable or delete yourself; ask another admin.";
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
            title={self ? selfNote : ROLE_HELP[user.role]}
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
                  ? selfNote
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
              title={self ? selfNote : undefined}
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
        invalidField={fieldOf(update.error?.message)}
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
  const invalidate = useInvalidateAccess();
  const del = useMutation({
    mutationFn: () =>
      api<{ ok: true; sessionsEnded: number }>(`/api/v1/users/${user.id}`, { method: "DELETE" }),
    onSuccess: (r) => {
      toast(
        "ok",
        `User ${user.username} deleted`,
        r.sessionsEnded ? `${r.sessionsEnded} sessions ended.` : undefined,
      );
      onClose();
    },
    onSettled: invalidate,
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
