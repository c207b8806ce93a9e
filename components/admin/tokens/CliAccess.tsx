"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCreateToken, type CreatedToken } from "./useTokenMutations";
import { RoleSelect, useRoleHelp } from "@/components/admin/bits";
import { useOwnScope } from "@/components/admin/ScopeFields";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import { Field, FormDialog, TextField, inputClass } from "@/components/ui/Form";
import type { Role } from "@/lib/permissions";

/** The lines a user copies: a docker context for this host through Wharf, and the token in the CLI's config. */
export function cliLines(origin: string, hostId: string, token: string) {
  const url = new URL(origin);
  return {
    context: `docker context create ${hostId}-via-wharf --docker host=tcp://${url.host}/api/v1/hosts/${encodeURIComponent(hostId)}/docker`,
    config: JSON.stringify({ HttpHeaders: { Authorization: `Bearer ${token}` } }),
    use: `docker --context ${hostId}-via-wharf ps`,
  };
}

function CopyLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations("hosts.cli");
  const [copied, setCopied] = useState(false);
  return (
    <Field label={label}>
      <div className="flex items-center gap-2">
        <input
          readOnly
          className={`${inputClass} flex-1 font-mono text-xs`}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          data-testid={testId}
        />
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </Field>
  );
}

/**
 * "Use from the CLI" on a host's page (admins, who make tokens): a token for this host with the
 * chosen role and label scope, then the `docker context` and config.json lines to copy. The secret
 * is shown this once.
 */
export function CliAccess({ hostId }: { hostId: string }) {
  const t = useTranslations("hosts.cli");
  const isAdmin = useCan("admin");
  const own = useOwnScope().draft;
  const roleHelp = useRoleHelp();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(`cli-${hostId}`);
  const [role, setRole] = useState<Role>("operator");
  const [label, setLabel] = useState(own.labelSelector);
  const [created, setCreated] = useState<CreatedToken>();
  const [error, setError] = useState<Error>();
  const create = useCreateToken({ onSuccess: setCreated, onError: setError });
  if (!isAdmin) return null;
  const close = () => {
    setOpen(false);
    setCreated(undefined);
    setError(undefined);
  };
  const lines = created && cliLines(window.location.origin, hostId, created.token);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} title={t("hint")} data-testid="cli-access">
        {t("open")}
      </Button>
      <FormDialog
        open={open}
        title={t("title", { host: hostId })}
        submitLabel={created ? t("done") : t("create")}
        busy={create.isPending}
        error={error}
        onCancel={close}
        onSubmit={() => {
          if (created) return close();
          setError(undefined);
          const sel = label.trim();
          create.mutate({ name: name.trim(), role, hosts: [hostId], ...(sel ? { labelSelector: sel } : {}) });
        }}
      >
        {lines ? (
          <div className="flex flex-col gap-2" data-testid="cli-lines">
            <p className="text-warn">{t("once")}</p>
            <CopyLine label={t("contextLine")} value={lines.context} testId="cli-context" />
            <CopyLine label={t("configLine")} value={lines.config} testId="cli-config" />
            <CopyLine label={t("useLine")} value={lines.use} testId="cli-use" />
          </div>
        ) : (
          <>
            <p className="text-muted">{t("intro")}</p>
            <div className="flex flex-wrap gap-3">
              <TextField label={t("name")} name="name" className="w-48" value={name} onValue={setName} />
              <Field label={t("role")} hint={roleHelp(role)}>
                <RoleSelect value={role} onChange={setRole} />
              </Field>
            </div>
            <TextField
              label={t("label")}
              hint={t("labelHint")}
              name="labelSelector"
              value={label}
              onValue={setLabel}
            />
          </>
        )}
      </FormDialog>
    </>
  );
}
