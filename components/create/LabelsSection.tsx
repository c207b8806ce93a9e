"use client";
import { FormSection } from "./FormSection";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import type { SectionProps } from "./section-props";

export function LabelsSection({ draft, setSpec, errors }: SectionProps) {
  return (
    <FormSection title="Labels" testId="section-labels" error={errors.labels}>
      <KeyValueRows
        label="Labels"
        rows={draft.spec.labels}
        onChange={(labels) => setSpec({ labels })}
        keyPlaceholder="com.example.team"
        invalid={!!errors.labels}
      />
    </FormSection>
  );
}
