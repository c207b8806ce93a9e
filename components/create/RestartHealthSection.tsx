"use client";
import { Field, inputClass } from "@/components/ui/Form";
import type { ContainerSpec } from "@/lib/container-spec/types";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const POLICIES = ["no", "always", "unless-stopped", "on-failure"] as const;

export function RestartHealthSection({ draft, setSpec, setTexts, errors }: SectionProps) {
  const r = draft.spec.restart;
  const t = draft.texts;
  const dur = (k: "healthInterval" | "healthTimeout" | "healthStartPeriod", label: string) => (
    <Field label={label} className="w-24">
      <input
        className={`${inputClass} font-mono text-xs`}
        placeholder="30s"
        value={t[k]}
        aria-invalid={!!errors.healthcheck || undefined}
        onChange={(e) => setTexts({ [k]: e.target.value })}
      />
    </Field>
  );
  return (
    <FormSection
      title="Restart and health"
      testId="section-restart"
      error={errors.restart ?? errors.healthcheck}
    >
      <div className="flex flex-wrap gap-3">
        <Field label="Restart policy">
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
              <option key={p}>{p}</option>
            ))}
          </select>
        </Field>
        {r.name === "on-failure" && (
          <Field label="Max retries" hint="0 retries forever." className="w-24">
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
        <Field
          label="Health command"
          hint="Run by the shell; NONE disables the image's."
          className="min-w-64 flex-1"
        >
          <input
            name="healthcheck"
            className={`${inputClass} font-mono text-xs`}
            placeholder="wget -qO- localhost:8080/health || exit 1"
            value={t.healthTest}
            aria-invalid={!!errors.healthcheck || undefined}
            onChange={(e) => setTexts({ healthTest: e.target.value })}
          />
        </Field>
        {dur("healthInterval", "Interval")}
        {dur("healthTimeout", "Timeout")}
        {dur("healthStartPeriod", "Start period")}
        <Field label="Retries" className="w-20">
          <input
            className={inputClass}
            value={t.healthRetries}
            aria-invalid={!!errors.healthcheck || undefined}
            onChange={(e) => setTexts({ healthRetries: e.target.value })}
          />
        </Field>
      </div>
    </FormSection>
  );
}
