"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { useMeQuery } from "@/components/hooks/queries";
import { PageHeader, Section } from "@/components/admin/AdminPage";
import { RoleBadge, ROLE_HELP } from "@/components/admin/bits";
import { TextField } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { describeScope } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { passwordChangeSchema } from "@/lib/schemas";
import type { SessionUser } from "@/lib/types";

/** /auth/me also says whether the caller is a user or an API token. */
type Me = SessionUser & { kind?: "user" | "token" };

export function AccountPanel() {
  const me = useMeQuery();
  const user = me.data?.user as Me | undefined;
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Account" sub={user ? `signed in as ${user.username}` : undefined} />
      <div className="min-h-0 flex-1 overflow-auto">
        {me.isPending ? (
          <StatePanel tone="loading" title="Loading your account…" />
        ) : me.error ? (
          <StatePanel tone="error" title="Could not load your account">
            {me.error.message}. Reload the page, or sign in again.
          </StatePanel>
        ) : user ? (
          <>
            <Section title="You">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 p-3" data-testid="account-summary">
                <dt className="text-muted">Username</dt>
                <dd className="font-medium">{user.username}</dd>
                <dt className="text-muted">Role</dt>
                <dd>
                  <RoleBadge role={user.role} />{" "}
                  <span className="ml-1 text-muted">{ROLE_HELP[user.role]}</span>
                </dd>
                <dt className="text-muted">Scope</dt>
                <dd>{describeScope(user)}</dd>
              </dl>
              <p className="border-t border-line px-3 py-2 text-[11px] text-muted">
                Role and scope are set by an admin. Ask one if you need to see or do more.
              </p>
            </Section>
            <Section title="Change your password" testId="password-change">
              {user.kind === "token" ? (
                <StatePanel title="API tokens have no password">
                  Ask an admin to revoke this token and create a new one.
                </StatePanel>
              ) : (
                <PasswordForm username={user.username} />
              )}
            </Section>
          </>
        ) : null}
      </div>
    </div>
  );
}

function PasswordForm({ username }: { username: string }) {
  const toast = useToast();
  const qc = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<{ ok: true }>("/api/v1/auth/password", { method: "POST", body }),
    onSuccess: () => {
      toast("ok", "Password changed", "Your other sessions were signed out; this one continues.");
      setCurrent("");
      setNext("");
      setConfirm("");
      setError(undefined);
      setDone(true);
      void qc.invalidateQueries({ queryKey: queryKeys.sessions() });
    },
    onError: setError,
  });
  const bad = errorField(error);
  const password = (label: string, name: string, autoComplete: string) => ({
    label,
    name,
    type: "password",
    autoComplete,
    className: "w-56",
    invalid: bad === name,
  });
  return (
    <PageForm
      onSubmit={() => {
        const body = { currentPassword: current, newPassword: next };
        const problem =
          checkWith(passwordChangeSchema, body) ??
          (next !== confirm ? fieldProblem("confirm", "does not match the new password") : undefined) ??
          (next === current ? fieldProblem("newPassword", "is the same as the current one") : undefined);
        setError(problem);
        setDone(false);
        if (!problem) change.mutate(body);
      }}
    >
      {/* Lets password managers tie the new password to the right account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value={username} />
      <div className="flex flex-wrap gap-3">
        <TextField
          {...password("Current password", "currentPassword", "current-password")}
          value={current}
          onValue={setCurrent}
        />
        <TextField
          {...password("New password", "newPassword", "new-password")}
          hint="At least 8 characters."
          value={next}
          onValue={setNext}
        />
        <TextField
          {...password("Confirm new password", "confirm", "new-password")}
          value={confirm}
          onValue={setConfirm}
        />
      </div>
      <SubmitRow label="Change password" busyLabel="Changing…" busy={change.isPending} error={error?.message}>
        {done && (
          <span className="text-ok" role="status" data-testid="password-changed">
            Password changed. Your other sessions were signed out.
          </span>
        )}
      </SubmitRow>
      <p className="text-[11px] text-muted">
        Changing it signs out every other browser where you are signed in.
      </p>
    </PageForm>
  );
}
