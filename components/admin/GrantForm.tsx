"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { errorField } from "@/components/api/error-field";
import { useHostsQuery } from "@/components/hooks/queries";
import { Field } from "@/components/ui/Form";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import type { Role } from "@/lib/permissions";
import { RoleSelect, useRoleHelp } from "./bits";
import { ScopeFields, scopeBody, useOwnScope, type ScopeDraft } from "./ScopeFields";

/** What a new user or token is granted, a role and a scope (the admin's own to start), and the form's error. */
export function useGrantDraft() {
  const own = useOwnScope().draft;
  const [role, setRole] = useState<Role>("viewer");
  const [scope, setScope] = useState<ScopeDraft>(own);
  const [error, setError] = useState<Error>();
  return {
    role,
    setRole,
    scope,
    setScope,
    error,
    setError,
    /** The request fields of the grant. */
    body: { role, ...scopeBody(scope, false) },
    /** After a create: the scope back to the default, the error gone; the role stays for the next one. */
    reset: () => {
      setScope(own);
      setError(undefined);
    },
  };
}

export type GrantDraft = ReturnType<typeof useGrantDraft>;

/** The create form of a user or token: its own fields, the role, the submit row, then the scope. */
export function GrantForm({
  grant,
  busy,
  submitLabel,
  onSubmit,
  children,
}: {
  grant: GrantDraft;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const hosts = useHostsQuery();
  const t = useTranslations("admin.grant");
  const roleHelp = useRoleHelp();
  return (
    <PageForm className="flex flex-wrap items-start gap-x-6 gap-y-3 p-3" onSubmit={onSubmit}>
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-3">
          {children}
          <Field label={t("role")} hint={roleHelp(grant.role)}>
            <RoleSelect value={grant.role} onChange={grant.setRole} />
          </Field>
        </div>
        <SubmitRow label={submitLabel} busyLabel={t("creating")} busy={busy} error={grant.error} />
      </div>
      <ScopeFields
        value={grant.scope}
        onChange={grant.setScope}
        hosts={hosts.data?.items}
        invalidField={errorField(grant.error)}
      />
    </PageForm>
  );
}
