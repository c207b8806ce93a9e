"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorField } from "@/components/api/error-field";
import { draftField, Field, TextField, textareaClass } from "@/components/ui/Form";
import { checkWith, fieldProblem } from "@/components/ui/form-check";
import { PageForm, SubmitRow } from "@/components/ui/PageForm";
import { useToast } from "@/components/ui/Toasts";
import { hostCreateSchema } from "@/lib/schemas";
import { EMPTY_HOST_DRAFT, hostBodyOf, hostScheme, type HostDraft } from "./host-draft";
import { useAddHost } from "./useHostMutations";

/** Examples in the fields: an id and an address, the same in every language. */
const EXAMPLE = { id: "prod-1", url: "https://10.0.0.6:2376" };

/** The first line of a PEM block, shown as the placeholder of a PEM field. */
const pemHeader = (kind: string) => `-----BEGIN ${kind}-----`;

/** Adds a managed host; `taken` holds the ids in use, so a clash is caught before the request. */
export function HostAddForm({ taken }: { taken: Set<string> }) {
  const toast = useToast();
  const t = useTranslations("admin.hosts");
  const [d, setD] = useState<HostDraft>(EMPTY_HOST_DRAFT);
  const [error, setError] = useState<Error>();
  const add = useAddHost({
    onSuccess: (h) => {
      toast("ok", t("added", { name: h.name }), t("addedBody"));
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
        placeholder={pemHeader(begin)}
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
          (taken.has(body.id) ? fieldProblem("id", t("exists", { id: body.id })) : undefined);
        setError(problem);
        if (!problem) add.mutate(body);
      }}
    >
      <div className="flex flex-wrap gap-3">
        <TextField
          label={t("id")}
          hint={t("idHint")}
          {...field("id")}
          autoComplete="off"
          className="w-44 font-mono text-xs"
          placeholder={EXAMPLE.id}
        />
        <TextField
          label={t("name")}
          hint={t("nameHint")}
          {...field("name")}
          autoComplete="off"
          className="w-48"
          placeholder={t("namePlaceholder")}
        />
        <TextField
          label={t("url")}
          hint={t("urlHint")}
          fieldClassName="min-w-72 flex-1"
          {...field("url")}
          autoComplete="off"
          className="font-mono text-xs"
          placeholder={EXAMPLE.url}
        />
      </div>
      {scheme === "https" && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-muted">{t("tlsLegend")}</legend>
          <div className="flex flex-wrap gap-3">
            {pem("ca", "tls.ca", t("ca"), "CERTIFICATE")}
            {pem("cert", "tls.cert", t("cert"), "CERTIFICATE")}
            {pem("key", "tls.key", t("key"), "PRIVATE KEY")}
          </div>
        </fieldset>
      )}
      {scheme === "ssh" && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-muted">{t("sshLegend")}</legend>
          <div className="flex">{pem("sshKey", "ssh.privateKey", t("sshKey"), "OPENSSH PRIVATE KEY")}</div>
          <span className="text-[11px] text-muted">
            {t.rich("dialStdio", { code: (c) => <code>{c}</code> })}
          </span>
        </fieldset>
      )}
      {scheme !== "https" && scheme !== "ssh" && (
        <span className="text-[11px] text-muted">{t("schemeHint")}</span>
      )}
      <SubmitRow label={t("submit")} busyLabel={t("adding")} busy={add.isPending} error={error} />
    </PageForm>
  );
}
