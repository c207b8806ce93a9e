"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { textareaClass } from "@/components/ui/Form";
import { parseEnvText } from "@/lib/container-spec/spec";
import { mergeEnv } from "./env-text";
import { FormSection } from "./FormSection";
import { KeyValueRows } from "@/components/ui/KeyValueRows";
import type { SectionProps } from "./section-props";

export function EnvSection({ draft, setSpec, errors }: SectionProps) {
  const t = useTranslations("create.env");
  const [paste, setPaste] = useState<string>();
  const [skipped, setSkipped] = useState<string[]>([]);
  return (
    <FormSection
      title={t("title")}
      testId="section-env"
      error={errors.env}
      aside={
        <Button size="sm" variant="ghost" onClick={() => setPaste(paste === undefined ? "" : undefined)}>
          {paste === undefined ? t("paste") : t("closePaste")}
        </Button>
      }
    >
      {paste !== undefined && (
        <div className="flex flex-col gap-1">
          <textarea
            aria-label={t("pasteLabel")}
            className={`${textareaClass} h-24 font-mono text-xs`}
            placeholder={t("pastePlaceholder")}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
          />
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              onClick={() => {
                const r = parseEnvText(paste);
                setSpec({ env: mergeEnv(draft.spec.env, r.env) });
                setSkipped(r.errors);
                if (!r.errors.length) setPaste(undefined);
              }}
            >
              {t("add")}
            </Button>
            <span className="text-[11px] text-muted">{t("pasteHint")}</span>
          </div>
          {skipped.length > 0 && (
            <div className="text-warn" role="alert">
              {/* The .env reader's own words about each line, kept as they are. */}
              {t("notRead", { lines: skipped.join("; ") })}
            </div>
          )}
        </div>
      )}
      <KeyValueRows
        label={t("rows")}
        rows={draft.spec.env}
        onChange={(env) => setSpec({ env })}
        keyPlaceholder="KEY"
        invalid={!!errors.env}
        testId="env-rows"
      />
    </FormSection>
  );
}
