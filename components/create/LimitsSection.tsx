"use client";
import { useTranslations } from "next-intl";
import { hintOf, labelOf, type LimitKey } from "@/components/quotas/limit-fields";
import { Field, inputClass } from "@/components/ui/Form";
import { FormSection } from "./FormSection";
import { CREATE_LIMITS } from "./limits-form";
import type { SectionProps } from "./section-props";

/** The quota editor's limits, in the same human units, words and checks. */
export function LimitsSection({
  draft,
  setTexts,
  errors,
  badLimit,
}: SectionProps & {
  /** The limit the form's check or the server refused, marked invalid. */
  badLimit?: LimitKey;
}) {
  const t = useTranslations("create.limits");
  const tq = useTranslations("quotas");
  const texts = draft.texts.limits;
  return (
    <FormSection title={t("title")} testId="section-limits" error={errors.limits}>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-3">
        {CREATE_LIMITS.map((f) => (
          <Field key={f.key} label={labelOf(tq, f)} hint={hintOf(tq, f)}>
            <input
              name={`limit-${f.key}`}
              className={`${inputClass} font-mono text-xs`}
              placeholder={t("notSet")}
              value={texts[f.key] ?? ""}
              aria-invalid={(!!errors.limits && badLimit === f.key) || undefined}
              onChange={(e) => setTexts({ limits: { ...texts, [f.key]: e.target.value } })}
            />
          </Field>
        ))}
      </div>
    </FormSection>
  );
}
