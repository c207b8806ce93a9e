"use client";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/Form";
import { FormSection } from "./FormSection";
import { ImageField } from "./ImageField";
import type { SectionProps } from "./section-props";

const first = (errors: SectionProps["errors"], keys: string[]) => keys.map((k) => errors[k]).find(Boolean);

export function BasicsSection({
  draft,
  setSpec,
  setTexts,
  errors,
  hostId,
}: SectionProps & { hostId: string }) {
  const t = useTranslations("create.basics");
  const s = draft.spec;
  const bad = (k: string) => !!errors[k] || undefined;
  const text = (k: "workingDir" | "user", label: string, placeholder: string) => (
    <Field label={label} className="w-40">
      <input
        name={k}
        className={`${inputClass} font-mono text-xs`}
        placeholder={placeholder}
        value={s[k]}
        aria-invalid={bad(k)}
        onChange={(e) => setSpec({ [k]: e.target.value })}
      />
    </Field>
  );
  return (
    <FormSection
      title={t("title")}
      testId="section-basics"
      error={first(errors, ["image", "name", "cmd", "entrypoint", "workingDir", "user"])}
    >
      <div className="flex flex-wrap gap-3">
        <div className="flex min-w-72 flex-1 flex-col gap-1">
          <span className="text-muted">{t("image")}</span>
          <ImageField
            hostId={hostId}
            value={s.image}
            invalid={!!errors.image}
            onChange={(image) => setSpec({ image })}
          />
        </div>
        <Field label={t("name")} hint={t("nameHint")} className="w-56">
          <input
            name="name"
            autoComplete="off"
            className={`${inputClass} font-mono text-xs`}
            value={s.name}
            aria-invalid={bad("name")}
            onChange={(e) => setSpec({ name: e.target.value })}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Field label={t("command")} hint={t("commandHint")} className="min-w-72 flex-1">
          <input
            name="cmd"
            className={`${inputClass} font-mono text-xs`}
            value={draft.texts.cmd}
            aria-invalid={bad("cmd")}
            onChange={(e) => setTexts({ cmd: e.target.value })}
          />
        </Field>
        <Field label={t("entrypoint")} hint={t("entrypointHint")} className="w-56">
          <input
            name="entrypoint"
            className={`${inputClass} font-mono text-xs`}
            value={draft.texts.entrypoint}
            aria-invalid={bad("entrypoint")}
            onChange={(e) => setTexts({ entrypoint: e.target.value })}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        {text("workingDir", t("workingDir"), "/app")}
        {text("user", t("user"), "1000:1000")}
        <label className="flex items-center gap-1.5 self-end pb-1">
          <input type="checkbox" checked={s.tty} onChange={(e) => setSpec({ tty: e.target.checked })} />{" "}
          {t("tty")}
        </label>
        <label className="flex items-center gap-1.5 self-end pb-1">
          <input
            type="checkbox"
            checked={s.openStdin}
            onChange={(e) => setSpec({ openStdin: e.target.checked })}
          />{" "}
          {t("stdin")}
        </label>
        <label className="flex items-center gap-1.5 self-end pb-1">
          <input
            type="checkbox"
            checked={s.autoRemove}
            onChange={(e) => setSpec({ autoRemove: e.target.checked })}
          />{" "}
          {t("autoRemove")}
        </label>
      </div>
    </FormSection>
  );
}
