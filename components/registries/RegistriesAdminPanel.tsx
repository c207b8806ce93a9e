"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import Link from "next/link";
import { useState } from "react";
import { AdminGate, PageHeader, Section } from "@/components/admin/AdminPage";
import { useFleetWide } from "@/components/admin/ScopeFields";
import { td, th } from "@/components/admin/bits";
import { api } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { errorField } from "@/components/api/error-field";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { submitChecked } from "@/components/ui/form-check";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { registryCreateSchema } from "@/lib/schemas";
import type { RegistryPage, RegistryRecord } from "@/lib/types";
import { registryPaths, useRegistriesQuery } from "@/components/hooks/registry-queries";
import { createBody, EMPTY_DRAFT, PasswordState, RegistryFields } from "./RegistryFields";
import { EditDialog, RemoveDialog, useRefreshRegistries } from "./RegistryDialogs";

export function RegistriesAdminPanel() {
  const t = useTranslations("registries");
  return (
    <AdminGate title={t("title")}>
      <RegistriesView />
    </AdminGate>
  );
}

function RegistriesView() {
  const fmt = useFormat();
  const list = useRegistriesQuery();
  const [editing, setEditing] = useState<RegistryRecord>();
  const [removing, setRemoving] = useState<RegistryRecord>();
  const fleetWide = useFleetWide();
  const t = useTranslations("registries");
  const errorLine = useErrorLine();
  const items = list.data?.items ?? [];
  return (
    <div className="flex h-full flex-col">
      <PageHeader title={t("title")} sub={t("admin.sub")}>
        <Link className="text-accent hover:underline" href="/registries">
          {t("admin.openBrowser")}
        </Link>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title={t("title")} aside={t("admin.passwordsNote")}>
          {list.isPending ? (
            <StatePanel tone="loading" title={t("loading")} />
          ) : list.error ? (
            <StatePanel tone="error" title={t("listFailed")}>
              {errorLine(list.error)}. {t("admin.reloadHint")}
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title={t("none")}>{t("admin.addBelow")}</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="registry-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>{t("admin.columns.name")}</th>
                  <th className={th}>{t("admin.columns.url")}</th>
                  <th className={th}>{t("admin.columns.username")}</th>
                  <th className={th}>{t("admin.columns.password")}</th>
                  <th className={th}>{t("admin.columns.added")}</th>
                  <th className={th} />
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr
                    key={r.id}
                    className="border-b border-line/60 hover:bg-panel-2"
                    data-testid={`registry-${r.id}`}
                  >
                    <td className={`${td} font-medium whitespace-nowrap`}>
                      <Link className="hover:underline" href={`/registries?registry=${r.id}`}>
                        {r.name}
                      </Link>
                    </td>
                    <td className={`${td} max-w-80 truncate font-mono text-xs`} title={r.url}>
                      {r.url}
                    </td>
                    <td className={`${td} text-muted`}>{r.username ?? "—"}</td>
                    <td className={td}>
                      <PasswordState saved={r.hasPassword} />
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`}>{fmt.dateTime(r.createdAt)}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>
                      <span className="inline-flex gap-1">
                        <TestButton registry={r} />
                        {fleetWide && (
                          <>
                            <Button size="sm" onClick={() => setEditing(r)}>
                              {t("admin.edit")}
                            </Button>
                            <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                              {t("admin.remove")}
                            </Button>
                          </>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title={t("admin.add")} testId="registry-create">
          {fleetWide ? (
            <AddForm />
          ) : (
            <p className="p-3 text-muted" data-testid="fleet-only">
              {t("admin.fleetOnly")}
            </p>
          )}
        </Section>
      </div>
      {editing && <EditDialog registry={editing} onClose={() => setEditing(undefined)} />}
      {removing && <RemoveDialog registry={removing} onClose={() => setRemoving(undefined)} />}
    </div>
  );
}

/** Asks for one repository: enough to prove the address and the credentials. */
function TestButton({ registry }: { registry: RegistryRecord }) {
  const toast = useToast();
  const t = useTranslations("registries.test");
  const errorLine = useErrorLine();
  const test = useMutation({
    mutationFn: () => api<RegistryPage>(`${registryPaths.repos(registry.id)}?n=1`),
    onSuccess: () => toast("ok", t("answers", { name: registry.name }), t("answersBody")),
    onError: (e) => toast("error", t("failed", { name: registry.name }), errorLine(e)),
  });
  return (
    <Button size="sm" disabled={test.isPending} onClick={() => test.mutate()}>
      {test.isPending ? t("testing") : t("submit")}
    </Button>
  );
}

function AddForm() {
  const toast = useToast();
  const t = useTranslations("registries.add");
  const refresh = useRefreshRegistries();
  const [d, setD] = useState(EMPTY_DRAFT);
  const [error, setError] = useState<Error>();
  const add = useMutation({
    mutationFn: (body: unknown) => api<RegistryRecord>(registryPaths.list(), { method: "POST", body }),
    onSuccess: (r) => {
      toast("ok", t("added", { name: r.name }), r.hasPassword ? t("passwordSaved") : undefined);
      setD(EMPTY_DRAFT);
      setError(undefined);
    },
    onError: setError,
    onSettled: refresh,
  });
  return (
    <PageForm onSubmit={() => submitChecked(registryCreateSchema, createBody(d), setError, add.mutate)}>
      <RegistryFields value={d} onChange={setD} invalidField={errorField(error)} />
      <SubmitRow label={t("submit")} busyLabel={t("adding")} busy={add.isPending} error={error} />
    </PageForm>
  );
}
