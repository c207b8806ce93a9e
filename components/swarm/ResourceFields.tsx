"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Form";
import { RESOURCE_REASONS, type ResourcesDraft } from "./service-form";

/** CPUs and a size, the same in every language. */
const EXAMPLES = { cpus: "0.5", memory: "64M" } as const;

const FIELDS = [
  ["cpuLimit", "limits.nanoCpus", "cpus"],
  ["memoryLimit", "limits.memoryBytes", "memory"],
  ["cpuReservation", "reservations.nanoCpus", "cpus"],
  ["memoryReservation", "reservations.memoryBytes", "memory"],
] as const;

const REASON_KEYS = new Map<string, keyof typeof RESOURCE_REASONS>(
  (Object.keys(RESOURCE_REASONS) as (keyof typeof RESOURCE_REASONS)[]).map((k) => [RESOURCE_REASONS[k], k]),
);

/**
 * A service's CPU and memory limits and reservations: one row on a page, two in a dialog. Blank is
 * none. `at` says the form's or the server's reason beside its field.
 */
export function ResourceFields<D extends ResourcesDraft>({
  draft,
  onChange,
  at,
  columns = 4,
}: {
  /** 2 in a narrow dialog, 4 on a page. */
  columns?: 2 | 4;
  draft: D;
  onChange: (d: D) => void;
  at: (field: string) => string | undefined;
}) {
  const t = useTranslations("swarm.resources");
  // The form's own reasons in the user's language; the server's come as they are.
  const reason = (field: string) => {
    const r = at(`resources.${field}`);
    const key = r === undefined ? undefined : REASON_KEYS.get(r);
    return key ? t(`reasons.${key}`) : r;
  };
  return (
    <fieldset className="flex flex-col gap-1" data-testid="resource-fields">
      <legend className="mb-1 text-muted">{t("legend")}</legend>
      <div className={`grid items-start gap-2 ${columns === 2 ? "grid-cols-2" : "grid-cols-4"}`}>
        {FIELDS.map(([key, field, example]) => (
          <TextField
            key={key}
            label={t(key)}
            name={key}
            inputMode={example === "cpus" ? "decimal" : undefined}
            placeholder={EXAMPLES[example]}
            className="w-full font-mono text-xs"
            autoComplete="off"
            value={draft[key]}
            error={reason(field)}
            onValue={(v) => onChange({ ...draft, [key]: v })}
          />
        ))}
      </div>
      <p className="text-[11px] text-muted">{t("hint")}</p>
    </fieldset>
  );
}
