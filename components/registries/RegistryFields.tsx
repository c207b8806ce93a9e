"use client";
import { useTranslations } from "next-intl";
import { draftField, Field, inputClass, TextField } from "@/components/ui/Form";
import type { RegistryRecord } from "@/lib/types";

/** An example address: a value, the same in every language. */
const URL_EXAMPLE = "https://registry.example.com";

export interface RegistryDraft {
  name: string;
  url: string;
  username: string;
  /** Typed by the admin; the saved one is never sent to the browser. */
  password: string;
  clearPassword: boolean;
}

export const EMPTY_DRAFT: RegistryDraft = {
  name: "",
  url: "",
  username: "",
  password: "",
  clearPassword: false,
};

export function draftOf(r: RegistryRecord): RegistryDraft {
  return { name: r.name, url: r.url, username: r.username ?? "", password: "", clearPassword: false };
}

export function createBody(d: RegistryDraft) {
  return {
    name: d.name.trim(),
    url: d.url.trim(),
    ...(d.username.trim() ? { username: d.username.trim() } : {}),
    ...(d.password ? { password: d.password } : {}),
  };
}

/** Only what changed; a blank password keeps the saved one unless the admin asked to remove it. */
export function updateBody(d: RegistryDraft, r: RegistryRecord) {
  const username = d.username.trim();
  return {
    ...(d.name.trim() !== r.name ? { name: d.name.trim() } : {}),
    ...(d.url.trim() !== r.url ? { url: d.url.trim() } : {}),
    ...(username !== (r.username ?? "") ? { username: username || null } : {}),
    ...(d.password ? { password: d.password } : d.clearPassword ? { password: null } : {}),
  };
}

/** Whether a password is stored: the only thing the browser ever learns about it. */
export function PasswordState({ saved }: { saved: boolean }) {
  const t = useTranslations("registries.password");
  return saved ? (
    <span
      className="rounded border border-ok/40 px-1 text-[11px] leading-4 text-ok"
      title={t("savedHint")}
      data-testid="password-saved"
    >
      {t("saved")}
    </span>
  ) : (
    <span className="text-[11px] text-muted">{t("none")}</span>
  );
}

export function RegistryFields({
  value,
  onChange,
  invalidField,
  saved,
}: {
  value: RegistryDraft;
  onChange: (d: RegistryDraft) => void;
  invalidField?: string;
  /** Editing a registry that has a stored password. */
  saved?: boolean;
}) {
  const t = useTranslations("registries.fields");
  const field = draftField(value, onChange, (k) => invalidField === k);
  return (
    <div className="flex flex-wrap gap-3">
      <TextField
        label={t("name")}
        hint={t("nameHint")}
        {...field("name")}
        autoComplete="off"
        className="w-44"
        placeholder={t("namePlaceholder")}
      />
      <TextField
        label={t("url")}
        hint={t("urlHint")}
        fieldClassName="min-w-64 flex-1"
        {...field("url")}
        autoComplete="off"
        className="font-mono text-xs"
        placeholder={URL_EXAMPLE}
      />
      <TextField
        label={t("username")}
        hint={t("usernameHint")}
        {...field("username")}
        autoComplete="off"
        className="w-40"
      />
      <Field label={t("password")} hint={saved ? t("passwordKeep") : t("passwordHint")}>
        <span className="flex items-center gap-2">
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            className={`${inputClass} w-40`}
            placeholder={saved ? t("passwordSaved") : ""}
            value={value.password}
            disabled={value.clearPassword}
            aria-invalid={invalidField === "password" || undefined}
            onChange={(e) => onChange({ ...value, password: e.target.value })}
          />
          {saved !== undefined && <PasswordState saved={saved} />}
        </span>
      </Field>
      {saved && (
        <label className="flex items-center gap-1.5 self-center text-muted">
          <input
            type="checkbox"
            name="clearPassword"
            checked={value.clearPassword}
            onChange={(e) => onChange({ ...value, clearPassword: e.target.checked, password: "" })}
          />
          {t("clearPassword")}
        </label>
      )}
    </div>
  );
}
