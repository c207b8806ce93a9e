"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/Form";

/** A label filter as typed on the docker CLI: an example, the same in every language. */
const EXAMPLE = "team=a";

/** Limits a prune to objects carrying a label; `key` or `key=value`, several separated by spaces. */
export function LabelFilterField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useTranslations("volumes.list");
  return (
    <label className="mt-2 flex flex-col gap-1">
      <span>{t("labelFilter")}</span>
      <input
        name="label-filter"
        className={`${inputClass} font-mono text-xs`}
        placeholder={EXAMPLE}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

export const labelFilters = (text: string) => text.split(/\s+/).filter(Boolean);
