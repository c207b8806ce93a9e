"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, errorMessage } from "@/components/api/client";
import { useHostsQuery } from "@/components/hooks/queries";
import { useNow } from "@/components/hooks/useNow";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { checkWith, Field, fieldOf, FormError, inputClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { formatAge } from "@/lib/format";
import { describeScope, type Role } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { tokenCreateSchema } from "@/lib/schemas";
import type { TokenRecord } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { formatLocal, ROLE_HELP, RoleBadge, RoleSelect, td, th } from "./bits";
import { useTokensQuery } from "./queries";
import { ScopeFields, useOwnScope, scopeBody, type ScopeDraft } from "./ScopeFields";

export function TokensPanel() {
  return (
    <AdminGate title="API tokens">
      <TokensView />
    </AdminGate>
  );
}

function TokensView() {
  const tokens = useTokensQuery();
  const [created, setCreated] = useState<{ token: string; item: TokenRecord }>();
  const [revoking, setRevoking] = useState<TokenRecord>();
  const items = tokens.data?.items ?? [];
  const now = useNow(30_000);
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="API tokens" sub="for scripts and CI: send it as Authorization: Bearer <token>" />
      <div className="min-h-0 flex-1 overflow-auto">
        {created && <NewToken created={created} onDone={() => setCreated(undefined)} />}
        <Section
          title="New token"
          testId="token-create"
          aside="A token acts with its own role and scope, not its creator's."
        >
          <CreateTokenForm onCreated={setCreated} />
        </Section>
        <Section title="Tokens">
          {tokens.isPending ? (
            <StatePanel tone="loading" title="Loading tokens…" />
          ) : tokens.error ? (
            <StatePanel tone="error" title="Could not list tokens">
              {tokens.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No API tokens">
              Create one above for a script or a CI job; give it the smallest role and scope it needs.
            </StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="token-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Role</th>
                  <th className={th}>Scope</th>
                  <th className={th}>Created</th>
                  <th className={th}>Last used</th>
                  <th className={th} />
                </tr>
              </thead>
              <tbody>
                {items.map((t) => (
                  <tr
                    key={t.id}
                    className="border-b border-line/60 hover:bg-panel-2"
                    data-testid={`token-${t.name}`}
                  >
                    <td className={`${td} font-medium`}>{t.name}</td>
                    <td className={td}>
                      <RoleBadge role={t.role} />
                    </td>
                    <td className={td}>{describeScope(t)}</td>
                    <td className={`${td} whitespace-nowrap text-muted`}>
                      {formatLocal(t.createdAt)} by {t.createdBy}
                    </td>
                    <td
                      className={`${td} whitespace-nowrap text-muted`}
                      title={t.lastUsedAt ? formatLocal(t.lastUsedAt) : undefined}
                    >
                      {t.lastUsedAt ? `${formatAge(t.lastUsedAt, now)} ago` : "never"}
                    </td>
                    <td className={`${td} text-right`}>
                      <Button size="sm" variant="danger" onClick={() => setRevoking(t)}>
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>
      {revoking && <RevokeDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (c: { token: string; item: TokenRecord }) => void }) {
  const hosts = useHostsQuery();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const own = useOwnScope().draft;
  const [scope, setScope] = useState<ScopeDraft>(own);
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: (body: unknown) =>
      api<{ token: string; item: TokenRecord }>("/api/v1/tokens", { method: "POST", body }),
    onSuccess: (r) => {
      onCreated(r);
      setName("");
      setScope(own);
      setError(undefined);
    },
    onError: (e) => setError(errorMessage(e)),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.tokens() });
      void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
    },
  });
  const bad = fieldOf(error);
  return (
    <form
      className="flex flex-wrap items-start gap-x-6 gap-y-3 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { name: name.trim(), role, ...scopeBody(scope, false) };
        const problem = checkWith(tokenCreateSchema, body);
        setError(problem);
        if (!problem) create.mutate(body);
      }}
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-3">
          <Field label="Name" hint="What uses it, e.g. ci-deploy.">
            <input
              name="name"
              autoComplete="off"
              className={`${inputClass} w-56`}
              value={name}
              aria-invalid={bad === "name" || undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field label="Role" hint={ROLE_HELP[role]}>
            <RoleSelect value={role} onChange={setRole} />
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
          <FormError message={error} />
        </div>
      </div>
      <ScopeFields value={scope} onChange={setScope} hosts={hosts.data?.items} invalidField={bad} />
    </form>
  );
}

/** The secret, shown once: the server keeps only its hash. */
function NewToken({
  created,
  onDone,
}: {
  created: { token: string; item: TokenRecord };
  onDone: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "select">();
  const copy = () => {
    ref.current?.select();
    // The clipboard API needs a secure context (HTTPS or localhost); otherwise the text is selected for Ctrl+C.
    if (navigator.clipboard) {
      navigator.clipboard.writeText(created.token).then(
        () => setCopied("yes"),
        () => setCopied("select"),
      );
    } else setCopied("select");
  };
  return (
    <section
      className="m-3 rounded border border-warn/60 bg-warn/10 p-3"
      data-testid="new-token"
      role="status"
    >
      <div className="mb-2 font-medium">
        Token <b>{created.item.name}</b> created ({created.item.role}, {describeScope(created.item)})
      </div>
      <div className="flex items-center gap-2">
        <input
          ref={ref}
          readOnly
          aria-label="New API token"
          className={`${inputClass} flex-1 font-mono text-xs`}
          value={created.token}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="new-token-value"
        />
        <Button variant="primary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button onClick={onDone}>I saved it</Button>
      </div>
      <p className="mt-2 text-warn">
        Copy it now: you will not see this token again. Wharf stores only its hash; if it is lost, revoke it
        and create a new one.
        {copied === "select" && " The browser would not copy it here: the text is selected, press Ctrl+C."}
      </p>
    </section>
  );
}

function RevokeDialog({ token, onClose }: { token: TokenRecord; onClose: () => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => api(`/api/v1/tokens/${token.id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", `Token ${token.name} revoked`);
      onClose();
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.tokens() });
      void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
    },
  });
  return (
    <ConfirmDialog
      open
      title={`Revoke ${token.name}?`}
      confirmLabel={revoke.isPending ? "Revoking…" : "Revoke token"}
      onConfirm={() => revoke.mutate()}
      onCancel={onClose}
    >
      Every request with this token fails from now on, including any job still using it. This cannot be
      undone.
      {revoke.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {revoke.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
