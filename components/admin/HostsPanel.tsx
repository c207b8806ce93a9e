"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { api, errorMessage } from "@/components/api/client";
import { useHostsQuery } from "@/components/hooks/queries";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { checkWith, Field, fieldOf, FormError, inputClass, textareaClass } from "@/components/ui/Form";
import { StatePanel } from "@/components/ui/StatePanel";
import { useToast } from "@/components/ui/Toasts";
import { queryKeys } from "@/lib/query-keys";
import { hostCreateSchema } from "@/lib/schemas";
import type { HostSummary } from "@/lib/types";
import { AdminGate, PageHeader, Section } from "./AdminPage";
import { td, th } from "./bits";
import { FLEET_ONLY_NOTE, useFleetWide } from "./ScopeFields";

export function HostsPanel() {
  return (
    <AdminGate title="Hosts">
      <HostsView />
    </AdminGate>
  );
}

/** The host list lives under ["hosts"], with every container query below it: refresh the list only. */
function useRefreshHosts() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: queryKeys.hosts(), exact: true });
    void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
    void qc.invalidateQueries({ queryKey: queryKeys.auditAll() });
  };
}

function HostsView() {
  const hosts = useHostsQuery();
  const [deleting, setDeleting] = useState<HostSummary>();
  const fleetWide = useFleetWide();
  const items = hosts.data?.items ?? [];
  const up = items.filter((h) => h.status === "up").length;
  return (
    <div className="flex h-full flex-col">
      <PageHeader
        title="Hosts"
        sub={hosts.data ? `${items.length} hosts · ${up} up` : "the Docker engines Wharf manages"}
      />
      <div className="min-h-0 flex-1 overflow-auto">
        <Section
          title="Hosts"
          aside="Hosts from WHARF_HOSTS change only in that file; hosts added here are stored in Wharf's database."
        >
          {hosts.isPending ? (
            <StatePanel tone="loading" title="Loading hosts…" />
          ) : hosts.error ? (
            <StatePanel tone="error" title="Could not list hosts">
              {hosts.error.message}. Reload the page; if it persists, check the server log.
            </StatePanel>
          ) : items.length === 0 ? (
            <StatePanel title="No hosts yet">
              Add one below, or list your engines in WHARF_HOSTS and restart Wharf.
            </StatePanel>
          ) : (
            <table className="w-full border-collapse" data-testid="host-table">
              <thead className="border-b border-line text-muted">
                <tr>
                  <th className={th}>Host</th>
                  <th className={th}>Source</th>
                  <th className={th}>Kind</th>
                  <th className={th}>URL</th>
                  <th className={th}>Status</th>
                  <th className={th} />
                </tr>
              </thead>
              <tbody>
                {items.map((h) => (
                  <tr
                    key={h.id}
                    className="border-b border-line/60 hover:bg-panel-2"
                    data-testid={`hostrow-${h.id}`}
                  >
                    <td className={`${td} whitespace-nowrap`}>
                      <Link href={`/hosts/${h.id}`} className="font-medium hover:underline">
                        {h.name}
                      </Link>
                      {h.name !== h.id && (
                        <span className="ml-2 font-mono text-[11px] text-muted">{h.id}</span>
                      )}
                    </td>
                    <td className={`${td} whitespace-nowrap text-muted`}>
                      {h.source === "config" ? "from WHARF_HOSTS" : "added in Wharf"}
                    </td>
                    <td className={`${td} text-muted`}>{h.kind}</td>
                    <td className={`${td} max-w-80 truncate font-mono text-xs`} title={h.url}>
                      {h.url ?? "—"}
                    </td>
                    <td className={td}>
                      <span className="inline-flex items-center gap-1.5" title={h.error}>
                        <HostStatusDot status={h.status} />
                        {h.status}
                        {h.status === "up" && h.engineVersion && (
                          <span className="text-[11px] text-muted">engine {h.engineVersion}</span>
                        )}
                        {h.status === "down" && h.error && (
                          <span className="max-w-72 truncate text-[11px] text-bad">{h.error}</span>
                        )}
                      </span>
                    </td>
                    <td className={`${td} text-right whitespace-nowrap`}>
                      {h.source === "managed" && fleetWide ? (
                        <Button size="sm" variant="danger" onClick={() => setDeleting(h)}>
                          Remove
                        </Button>
                      ) : (
                        <span
                          className="text-[11px] text-muted"
                          title={
                            fleetWide ? "Edit WHARF_HOSTS and restart Wharf to change it" : FLEET_ONLY_NOTE
                          }
                        >
                          read-only
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section
          title="Add a host"
          testId="host-create"
          aside="TLS and SSH material is stored encrypted and never shown again."
        >
          {fleetWide ? (
            <AddHostForm taken={new Set(items.map((h) => h.id))} />
          ) : (
            <p className="p-3 text-muted" data-testid="fleet-only">
              {FLEET_ONLY_NOTE}
            </p>
          )}
        </Section>
      </div>
      {deleting && <RemoveDialog host={deleting} onClose={() => setDeleting(undefined)} />}
    </div>
  );
}

interface Draft {
  id: string;
  name: string;
  url: string;
  ca: string;
  cert: string;
  key: string;
  sshKey: string;
}
const EMPTY: Draft = { id: "", name: "", url: "", ca: "", cert: "", key: "", sshKey: "" };

function bodyOf(d: Draft) {
  const url = d.url.trim();
  const tls = url.startsWith("https://") && (d.ca.trim() || d.cert.trim() || d.key.trim());
  const ssh = url.startsWith("ssh://") && d.sshKey.trim();
  return {
    id: d.id.trim(),
    ...(d.name.trim() ? { name: d.name.trim() } : {}),
    url,
    ...(tls ? { tls: { ca: d.ca.trim(), cert: d.cert.trim(), key: d.key.trim() } } : {}),
    ...(ssh ? { ssh: { privateKey: d.sshKey.trim() } } : {}),
  };
}

function AddHostForm({ taken }: { taken: Set<string> }) {
  const toast = useToast();
  const refresh = useRefreshHosts();
  const [d, setD] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string>();
  const add = useMutation({
    mutationFn: (body: unknown) => api<HostSummary>("/api/v1/hosts", { method: "POST", body }),
    onSuccess: (h) => {
      toast(
        "ok",
        `Host ${h.name} added`,
        "Wharf is connecting to it; its status shows in the list and the sidebar.",
      );
      setD(EMPTY);
      setError(undefined);
    },
    onError: (e) => setError(errorMessage(e)),
    onSettled: refresh,
  });
  const bad = fieldOf(error);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const pem = (k: "ca" | "cert" | "key" | "sshKey", field: string, label: string, begin: string) => (
    <Field label={label} className="min-w-64 flex-1">
      <textarea
        name={k}
        rows={4}
        spellCheck={false}
        className={`${textareaClass} font-mono text-[11px]`}
        placeholder={`-----BEGIN ${begin}-----`}
        value={d[k]}
        aria-invalid={bad === field || undefined}
        onChange={set(k)}
      />
    </Field>
  );
  const scheme = /^(unix|tcp|https|ssh):\/\//.exec(d.url.trim())?.[1];
  return (
    <form
      className="flex flex-col gap-3 p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = bodyOf(d);
        const problem =
          checkWith(hostCreateSchema, body) ??
          (taken.has(body.id) ? `id: host "${body.id}" already exists` : undefined);
        setError(problem);
        if (!problem) add.mutate(body);
      }}
    >
      <div className="flex flex-wrap gap-3">
        <Field label="Id" hint="Lowercase letters, digits, - and _; used in URLs and scopes.">
          <input
            name="id"
            autoComplete="off"
            className={`${inputClass} w-44 font-mono text-xs`}
            placeholder="prod-1"
            value={d.id}
            aria-invalid={bad === "id" || undefined}
            onChange={set("id")}
          />
        </Field>
        <Field label="Name" hint="Optional; shown in the sidebar.">
          <input
            name="name"
            autoComplete="off"
            className={`${inputClass} w-48`}
            placeholder="Production 1"
            value={d.name}
            aria-invalid={bad === "name" || undefined}
            onChange={set("name")}
          />
        </Field>
        <Field
          label="URL"
          hint="unix://, tcp://, https:// (TLS) or ssh://user@host:port"
          className="min-w-72 flex-1"
        >
          <input
            name="url"
            autoComplete="off"
            className={`${inputClass} font-mono text-xs`}
            placeholder="https://10.0.0.6:2376"
            value={d.url}
            aria-invalid={bad === "url" || undefined}
            onChange={set("url")}
          />
        </Field>
      </div>
      {scheme === "https" && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-muted">TLS client certificate (PEM text; all three, or none)</legend>
          <div className="flex flex-wrap gap-3">
            {pem("ca", "tls.ca", "CA certificate", "CERTIFICATE")}
            {pem("cert", "tls.cert", "Client certificate", "CERTIFICATE")}
            {pem("key", "tls.key", "Client key", "PRIVATE KEY")}
          </div>
        </fieldset>
      )}
      {scheme === "ssh" && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-muted">SSH private key (PEM text, optional)</legend>
          <div className="flex">{pem("sshKey", "ssh.privateKey", "Private key", "OPENSSH PRIVATE KEY")}</div>
          <span className="text-[11px] text-muted">
            Wharf runs <code>docker system dial-stdio</code> on the far side.
          </span>
        </fieldset>
      )}
      {scheme !== "https" && scheme !== "ssh" && (
        <span className="text-[11px] text-muted">
          TLS certificates appear for https:// URLs, an SSH key for ssh:// URLs.
        </span>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add host"}
        </Button>
        <FormError message={error} />
      </div>
    </form>
  );
}

function RemoveDialog({ host, onClose }: { host: HostSummary; onClose: () => void }) {
  const toast = useToast();
  const refresh = useRefreshHosts();
  const remove = useMutation({
    mutationFn: () => api(`/api/v1/hosts/${encodeURIComponent(host.id)}`, { method: "DELETE" }),
    onSuccess: () => {
      toast("ok", `Host ${host.name} removed`);
      onClose();
    },
    onSettled: refresh,
  });
  return (
    <ConfirmDialog
      open
      title={`Remove ${host.name}?`}
      confirmLabel={remove.isPending ? "Removing…" : "Remove host"}
      onConfirm={() => remove.mutate()}
      onCancel={onClose}
    >
      Wharf stops watching this engine and forgets its stored certificates or key. Its containers keep
      running; nothing on the host changes. Users scoped to it keep the id in their scope until you edit them.
      {remove.error && (
        <span className="mt-2 block text-bad" role="alert" data-testid="dialog-error">
          {remove.error.message}
        </span>
      )}
    </ConfirmDialog>
  );
}
