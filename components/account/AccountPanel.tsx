"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { errorField } from "@/components/api/error-field";
import { useMeQuery } from "@/components/hooks/queries";
import { PageHeader, Section } from "@/components/admin/AdminPage";
import { RoleBadge } from "@/components/admin/bits";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { useScopeText } from "@/components/i18n/useScopeText";
import { LanguageSection } from "./LanguageSection";
import { TextField } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import { passwordChangeSchema } from "@/lib/schemas";
import type { SessionUser } from "@/lib/types";

/** /auth/me also says whether the caller is a user or an API token. */
type Me = SessionUser & { kind?: "user" | "token" };

export function AccountPanel() {
  const me = useMeQuery();
  const user = me.data?.user as Me | undefined;
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const scopeText = useScopeText();
  const errorLine = useErrorLine();
  return (
    <div className="flex h-full flex-col">
      <PageHeader title={t("title")} sub={user ? t("signedInAs", { username: user.username }) : undefined} />
      <div className="min-h-0 flex-1 overflow-auto">
        {me.isPending ? (
          <StatePanel tone="loading" title={t("loading")} />
        ) : me.error ? (
          <StatePanel tone="error" title={t("loadFailed")}>
            {errorLine(me.error)}. {t("loadFailedHint")}
          </StatePanel>
        ) : user ? (
          <>
            <Section title={t("you")}>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 p-3" data-testid="account-summary">
                <dt className="text-muted">{t("username")}</dt>
                <dd className="font-medium">{user.username}</dd>
                <dt className="text-muted">{t("role")}</dt>
                <dd>
                  <RoleBadge role={user.role} />{" "}
                  <span className="ml-1 text-muted">{tc(`roleHelp.${user.role}`)}</span>
                </dd>
                <dt className="text-muted">{t("scope")}</dt>
                <dd>{scopeText(user)}</dd>
              </dl>
              <p className="border-t border-line px-3 py-2 text-[11px] text-muted">{t("setByAdmin")}</p>
            </Section>
            <LanguageSection isToken={user.kind === "token"} saved={user.locale} />
            <Section title={t("password.title")} testId="password-change">
              {user.kind === "token" ? (
                <StatePanel title={t("password.tokenTitle")}>{t("password.tokenHint")}</StatePanel>
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
  const t = useTranslations("account.password");
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
      toast("ok", t("changed"), t("changedToast"));
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
          (next !== confirm ? fieldProblem("confirm", t("mismatch")) : undefined) ??
          (next === current ? fieldProblem("newPassword", t("same")) : undefined);
        setError(problem);
        setDone(false);
        if (!problem) change.mutate(body);
      }}
    >
      {/* Lets password managers tie the new password to the right account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly value={username} />
      <div className="flex flex-wrap gap-3">
        <TextField
          {...password(t("current"), "currentPassword", "current-password")}
          value={current}
          onValue={setCurrent}
        />
        <TextField
          {...password(t("new"), "newPassword", "new-password")}
          hint={t("newHint")}
          value={next}
          onValue={setNext}
        />
        <TextField
          {...password(t("confirm"), "confirm", "new-password")}
          value={confirm}
          onValue={setConfirm}
        />
      </div>
      <SubmitRow label={t("submit")} busyLabel={t("busy")} busy={change.isPending} error={error}>
        {done && (
          <span className="text-ok" role="status" data-testid="password-changed">
            {t("changedInline")}
          </span>
        )}
      </SubmitRow>
      <p className="text-[11px] text-muted">{t("signsOutOthers")}</p>
    </PageForm>
  );
}
