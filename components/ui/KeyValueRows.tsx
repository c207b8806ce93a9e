"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";

export interface KeyValue {
  key: string;
  value: string;
}

/** Editable key=value rows (labels, driver options, env): add, edit and remove, keyboard-friendly. */
export function KeyValueRows({
  label,
  rows,
  onChange,
  keyPlaceholder,
  valuePlaceholder,
  addLabel,
  invalid,
  testId,
}: {
  label: string;
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  /** The add button's text; by default "+ " and the label in the singular ("Labels" → "+ label"). */
  addLabel?: string;
  invalid?: boolean;
  testId?: string;
}) {
  const t = useTranslations("ui.keyValue");
  const set = (i: number, patch: Partial<KeyValue>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-1" data-testid={testId}>
      <legend className="mb-1 text-muted">{label}</legend>
      {rows.map((r, i) => (
        <div key={i} className="flex items-center gap-1">
          <input
            aria-label={t("rowKey", { label, n: i + 1 })}
            className={`${inputClass} w-44 font-mono text-xs`}
            placeholder={keyPlaceholder ?? t("key")}
            value={r.key}
            aria-invalid={invalid || undefined}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <span className="text-muted">=</span>
          <input
            aria-label={t("rowValue", { label, n: i + 1 })}
            className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
            placeholder={valuePlaceholder ?? t("value")}
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("remove", { label, n: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { key: "", value: "" }])}>
          {addLabel ?? t("add", { item: label.replace(/s$/, "").toLowerCase() })}
        </Button>
      </div>
    </fieldset>
  );
}

/** Rows with a key, as a record; the last row with a given key wins, as the engine would take it. */
export function recordOf(rows: KeyValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.key.trim()) out[r.key.trim()] = r.value;
  return out;
}
