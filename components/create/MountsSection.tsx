"use client";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { MountSpec } from "@/lib/container-spec/types";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const TYPES = ["volume", "bind", "tmpfs"] as const;
const NEW_MOUNT: MountSpec = { type: "volume", source: "", target: "", readOnly: false, options: [] };
const SOURCE_HINT = {
  volume: "volume name (empty: anonymous)",
  bind: "/absolute/host/path",
  tmpfs: "—",
} as const;

export function MountsSection({
  draft,
  setSpec,
  errors,
  volumeNames,
}: SectionProps & { volumeNames: string[] }) {
  const mounts = draft.spec.mounts;
  const set = (i: number, patch: Partial<MountSpec>) =>
    setSpec({ mounts: mounts.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const bad = !!errors.mounts || undefined;
  return (
    <FormSection title="Mounts" testId="section-mounts" error={errors.mounts}>
      <datalist id="volume-names">
        {volumeNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {mounts.map((m, i) => (
        <div key={i} className="flex items-center gap-1" data-testid={`mount-${i}`}>
          <select
            aria-label={`Mount ${i + 1} type`}
            className={inputClass}
            value={m.type}
            onChange={(e) => set(i, { type: e.target.value as MountSpec["type"], source: "" })}
          >
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <input
            aria-label={`Mount ${i + 1} source`}
            className={`${inputClass} w-20 min-w-0 flex-1 font-mono text-xs`}
            list={m.type === "volume" ? "volume-names" : undefined}
            placeholder={SOURCE_HINT[m.type]}
            disabled={m.type === "tmpfs"}
            value={m.source}
            aria-invalid={bad}
            onChange={(e) => set(i, { source: e.target.value })}
          />
          <span className="text-muted">→</span>
          <input
            aria-label={`Mount ${i + 1} target`}
            className={`${inputClass} w-20 min-w-0 flex-1 font-mono text-xs`}
            placeholder="/data"
            value={m.target}
            aria-invalid={bad}
            onChange={(e) => set(i, { target: e.target.value })}
          />
          <label className="flex items-center gap-1 px-1">
            <input
              type="checkbox"
              aria-label={`Mount ${i + 1} read-only`}
              checked={m.readOnly}
              onChange={(e) => set(i, { readOnly: e.target.checked })}
            />
            ro
          </label>
          <input
            aria-label={`Mount ${i + 1} mode flags`}
            title="Extra -v mode flags kept as given: z, Z, rshared, nocopy…"
            className={`${inputClass} w-20 font-mono text-xs`}
            placeholder="z,rshared"
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
            aria-label={`Remove mount ${i + 1}`}
            onClick={() => setSpec({ mounts: mounts.filter((_, j) => j !== i) })}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => setSpec({ mounts: [...mounts, NEW_MOUNT] })}>
          + mount
        </Button>
      </div>
    </FormSection>
  );
}
