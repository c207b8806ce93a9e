"use client";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/Form";
import type { ContainerSpec } from "@/lib/container-spec/types";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const POLICIES = ["no", "always", "unless-stopped", "on-failure"] as const;
/** Examples of what the inputs take: a Go duration and a shell command, the same in every language. */
const DURATION_EXAMPLE = "30s";
const HEALTH_EXAMPLE = "wget -qO- localhost:8080/health || exit 1";

export function RestartHealthSection({ draft, setSpec, setTexts, errors }: SectionProps) {
  const t = useTranslations("create.restart");
  const r = draft.spec.restart;
  const texts = draft.texts;
  const dur = (k: "healthInterval" | "healthTimeout" | "healthStartPeriod", label: string) => (
    <Field label={label} className="w-24">
      <input
        className={`${inputClass} font-mono text-xs`}
        placeholder={DURATION_EXAMPLE}
        value={texts[k]}
        aria-invalid={!!errors.healthcheck || undefined}
        onChange={(e) => setTexts({ [k]: e.target.value })}
      />
    </Field>
  );
  return (
    <FormSection title={t("title")} testId="section-restart" error={errors.restart ?? errors.healthcheck}>
      <div className="flex flex-wrap gap-3">
        <Field label={t("policy")}>
          <select
            name="restart"
            className={inputClass}
            value={r.name}
            aria-invalid={!!errors.restart || undefined}
            onChange={(e) =>
              setSpec({ restart: { ...r, name: e.target.value as ContainerSpec["restart"]["name"] } })
            }
          >
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`policyName.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        {r.name === "on-failure" && (
          <Field label={t("maxRetries")} hint={t("maxRetriesHint")} className="w-24">
            <input
              type="number"
              min={0}
              className={inputClass}
              value={r.maximumRetryCount}
              onChange={(e) => setSpec({ restart: { ...r, maximumRetryCount: Number(e.target.value) || 0 } })}
            />
          </Field>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <Field label={t("health")} hint={t("healthHint")} className="min-w-64 flex-1">
          <input
            name="healthcheck"
            className={`${inputClass} font-mono text-xs`}
            placeholder={HEALTH_EXAMPLE}
            value={texts.healthTest}
            aria-invalid={!!errors.healthcheck || undefined}
            onChange={(e) => setTexts({ healthTest: e.target.value })}
          />
        </Field>
        {dur("healthInterval", t("interval"))}
        {dur("healthTimeout", t("timeout"))}
        {dur("healthStartPeriod", t("startPeriod"))}
        <Field label={t("retries")} className="w-20">
          <input
            className={inputClass}
            value={texts.healthRetries}
            aria-invalid={!!errors.healthcheck || undefined}
            onChange={(e) => setTexts({ healthRetries: e.target.value })}
          />
        </Field>
      </div>
    </FormSection>
  );
}
