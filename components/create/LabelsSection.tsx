"use client";
import { useTranslations } from "next-intl";
import { FormSection } from "./FormSection";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import type { SectionProps } from "./section-props";

export function LabelsSection({ draft, setSpec, errors }: SectionProps) {
  const t = useTranslations("create.labels");
  return (
    <FormSection title={t("title")} testId="section-labels" error={errors.labels}>
      <KeyValueRows
        label={t("rows")}
        rows={draft.spec.labels}
        onChange={(labels) => setSpec({ labels })}
        keyPlaceholder="com.example.team"
        invalid={!!errors.labels}
      />
    </FormSection>
  );
}
