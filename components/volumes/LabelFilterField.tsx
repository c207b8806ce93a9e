"use client";
import { inputClass } from "@/components/ui/Form";

/** Limits a prune to objects carrying a label; `key` or `key=value`, several separated by spaces. */
export function LabelFilterField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <label className="mt-2 flex flex-col gap-1">
      <span>Only those with label (optional)</span>
      <input
        name="label-filter"
        className={`${inputClass} font-mono text-xs`}
        placeholder="team=a"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

export const labelFilters = (text: string) => text.split(/\s+/).filter(Boolean);
