"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { MountSpec } from "@/lib/container-spec/types";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const TYPES = ["volume", "bind", "tmpfs"] as const;
const NEW_MOUNT: MountSpec = { type: "volume", source: "", target: "", readOnly: false, options: [] };
/** Examples of what the inputs take: a path in the container and `-v` mode flags, as the engine reads them. */
const TARGET_EXAMPLE = "/data";
const MODE_EXAMPLE = "z,rshared";

export function MountsSection({
  draft,
  setSpec,
  errors,
  volumeNames,
}: SectionProps & { volumeNames: string[] }) {
  const t = useTranslations("create.mounts");
  const mounts = draft.spec.mounts;
  const set = (i: number, patch: Partial<MountSpec>) =>
    setSpec({ mounts: mounts.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const bad = !!errors.mounts || undefined;
  return (
    <FormSection title={t("title")} testId="section-mounts" error={errors.mounts}>
      <datalist id="volume-names">
        {volumeNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {mounts.map((m, i) => (
        <div key={i} className="flex items-center gap-1" data-testid={`mount-${i}`}>
          <select
            aria-label={t("typeLabel", { n: i + 1 })}
            className={inputClass}
            value={m.type}
            onChange={(e) => set(i, { type: e.target.value as MountSpec["type"], source: "" })}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t("sourceLabel", { n: i + 1 })}
            className={`${inputClass} w-20 min-w-0 flex-1 font-mono text-xs`}
            list={m.type === "volume" ? "volume-names" : undefined}
            placeholder={m.type === "tmpfs" ? "—" : t(`sourceHint.${m.type}`)}
            disabled={m.type === "tmpfs"}
            value={m.source}
            aria-invalid={bad}
            onChange={(e) => set(i, { source: e.target.value })}
          />
          <span className="text-muted">→</span>
          <input
            aria-label={t("targetLabel", { n: i + 1 })}
            className={`${inputClass} w-20 min-w-0 flex-1 font-mono text-xs`}
            placeholder={TARGET_EXAMPLE}
            value={m.target}
            aria-invalid={bad}
            onChange={(e) => set(i, { target: e.target.value })}
          />
          <label className="flex items-center gap-1 px-1">
            <input
              type="checkbox"
              aria-label={t("readOnlyLabel", { n: i + 1 })}
              checked={m.readOnly}
              onChange={(e) => set(i, { readOnly: e.target.checked })}
            />
            {t("readOnly")}
          </label>
          <input
            aria-label={t("modeLabel", { n: i + 1 })}
            title={t("modeTitle")}
            className={`${inputClass} w-20 font-mono text-xs`}
            placeholder={MODE_EXAMPLE}
            value={m.options.join(",")}
            onChange={(e) =>
              set(i, {
                options: e.target.value
                  .split(",")
                  .map((o) => o.trim())
                  .filter(Boolean),
              })
            }
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("remove", { n: i + 1 })}
            onClick={() => setSpec({ mounts: mounts.filter((_, j) => j !== i) })}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => setSpec({ mounts: [...mounts, NEW_MOUNT] })}>
          {t("add")}
        </Button>
      </div>
    </FormSection>
  );
}
