"use client";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { draftField, Field, TextField, textareaClass } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import { useToast } from "@/components/ui/Toasts";
import { hostCreateSchema } from "@/lib/schemas";
import { EMPTY_HOST_DRAFT, hostBodyOf, hostScheme, type HostDraft } from "./host-draft";
import { useAddHost } from "./useHostMutations";

/** Adds a managed host; `taken` holds the ids in use, so a clash is caught before the request. */
export function HostAddForm({ taken }: { taken: Set<string> }) {
  const toast = useToast();
  const [d, setD] = useState<HostDraft>(EMPTY_HOST_DRAFT);
  const [error, setError] = useState<Error>();
  const add = useAddHost({
    onSuccess: (h) => {
      toast(
        "ok",
        `Host ${h.name} added`,
        "Wharf is connecting to it; its status shows in the list and the sidebar.",
      );
      setD(EMPTY_HOST_DRAFT);
      setError(undefined);
    },
    onError: setError,
  });
  const bad = errorField(error);
  const field = draftField(d, setD, (k) => bad === k);
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
        onChange={(e) => setD({ ...d, [k]: e.target.value })}
      />
    </Field>
  );
  const scheme = hostScheme(d.url);
  return (
    <PageForm
      onSubmit={() => {
        const body = hostBodyOf(d);
        const problem =
          checkWith(hostCreateSchema, body) ??
          (taken.has(body.id) ? fieldProblem("id", `host "${body.id}" already exists`) : undefined);
        setError(problem);
        if (!problem) add.mutate(body);
      }}
    >
      <div className="flex flex-wrap gap-3">
        <TextField
          label="Id"
          hint="Lowercase letters, digits, - and _; used in URLs and scopes."
          {...field("id")}
          autoComplete="off"
          className="w-44 font-mono text-xs"
          placeholder="prod-1"
        />
        <TextField
          label="Name"
          hint="Optional; shown in the sidebar."
          {...field("name")}
          autoComplete="off"
          className="w-48"
          placeholder="Production 1"
        />
        <TextField
          label="URL"
          hint="unix://, tcp://, https:// (TLS) or ssh://user@host:port"
          fieldClassName="min-w-72 flex-1"
          {...field("url")}
          autoComplete="off"
          className="font-mono text-xs"
          placeholder="https://10.0.0.6:2376"
        />
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
      <SubmitRow label="Add host" busyLabel="Adding…" busy={add.isPending} error={error?.message} />
    </PageForm>
  );
}
