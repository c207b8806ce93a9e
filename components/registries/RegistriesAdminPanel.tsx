"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { AdminGate, PageHeader, Section } from "@/components/admin/AdminPage";
import { FLEET_ONLY_NOTE, useFleetWide } from "@/components/admin/ScopeFields";
import { formatLocal, td, th } from "@/components/admin/bits";
import { api, errorMessage } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { errorField } from "@/components/api/error-field";
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
  return (
    <AdminGate title="Registries">
      <RegistriesView />
    </AdminGate>
  );
}

function RegistriesView() {
  const list = useRegistriesQuery();
  const [editing, setEditing] = useState<RegistryRecord>();
  const [removing, setRemoving] = useState<RegistryRecord>();
  const fleetWide = useFleetWide();
  const items = list.data?.items ?? [];
  return (
    <div className="flex h-full flex-col">
      <PageHeader title="Registries" sub="container registries everyone can browse; credentials stay here">
        <Link className="text-accent hover:underline" href="/registries">
          Open the browser
        </Link>
      </PageHeader>
      <div className="min-h-0 flex-1 overflow-auto">
        <Section title="Registries" aside="Passwords are stored encrypted and never sent back to a browser.">
          {list.isPending ? (
            <StatePanel tone="loading" title="Loading registries…" />
          ) : list.error ? (
            <StatePanel tone="error" title="Could not list registries">
              {list.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No registries yet">Add one below, e.g. localhost:5000.</StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="registry-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>URL</th>
                  <th className={th}>Username</th>
                  <th className={th}>Password</th>
                  <th className={th}>Added</th>
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
                    <td className={`${td} whitespace-nowrap text-muted`}>{formatLocal(r.createdAt)}</td>
                    <td className={`${td} text-right whitespace-nowrap`}>
                      <span className="inline-flex gap-1">
                        <TestButton registry={r} />
                        {fleetWide && (
                          <>
                            <Button size="sm" onClick={() => setEditing(r)}>
                              Edit
                            </Button>
                            <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                              Remove
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
        <Section title="Add a registry" testId="registry-create">
          {fleetWide ? (
            <AddForm />
          ) : (
            <p className="p-3 text-muted" data-testid="fleet-only">
              {FLEET_ONLY_NOTE}
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
  const test = useMutation({
    mutationFn: () => api<RegistryPage>(`${registryPaths.repos(registry.id)}?n=1`),
    onSuccess: () => toast("ok", `${registry.name} answers`, "The address and the credentials work."),
    onError: (e) => toast("error", `${registry.name} failed`, errorMessage(e)),
  });
  return (
    <Button size="sm" disabled={test.isPending} onClick={() => test.mutate()}>
      {test.isPending ? "Testing…" : "Test"}
    </Button>
  );
}

function AddForm() {
  const toast = useToast();
  const refresh = useRefreshRegistries();
  const [d, setD] = useState(EMPTY_DRAFT);
  const [error, setError] = useState<Error>();
  const add = useMutation({
    mutationFn: (body: unknown) => api<RegistryRecord>(registryPaths.list(), { method: "POST", body }),
    onSuccess: (r) => {
      toast(
        "ok",
        `Registry ${r.name} added`,
        r.hasPassword ? "Its password is saved, encrypted." : undefined,
      );
      setD(EMPTY_DRAFT);
      setError(undefined);
    },
    onError: setError,
    onSettled: refresh,
  });
  return (
    <PageForm onSubmit={() => submitChecked(registryCreateSchema, createBody(d), setError, add.mutate)}>
      <RegistryFields value={d} onChange={setD} invalidField={errorField(error)} />
      <SubmitRow label="Add registry" busyLabel="Adding…" busy={add.isPending} error={error?.message} />
    </PageForm>
  );
}
