"use client";
import { Field, inputClass } from "@/components/ui/Form";
import { FormSection } from "./FormSection";
import { CREATE_LIMITS } from "./limits-form";
import type { SectionProps } from "./section-props";

/** Whether a "field: reason" message is about this limit, by its label or its API name. */
const names = (msg: string | undefined, ...keys: string[]) =>
  !!msg && keys.some((k) => msg.toLowerCase().startsWith(`${k.toLowerCase()}:`));

/** The quota editor's limits, in the same human units and with the same checks. */
export function LimitsSection({ draft, setTexts, errors }: SectionProps) {
  const texts = draft.texts.limits;
  return (
    <FormSection title="Resource limits" testId="section-limits" error={errors.limits}>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3">
        {CREATE_LIMITS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint}>
            <input
              name={`limit-${f.key}`}
              className={`${inputClass} font-mono text-xs`}
              placeholder="not set"
              value={texts[f.key] ?? ""}
              aria-invalid={names(errors.limits, f.label, f.field) || undefined}
              onChange={(e) => setTexts({ limits: { ...texts, [f.key]: e.target.value } })}
            />
          </Field>
        ))}
      </div>
    </FormSection>
  );
}
