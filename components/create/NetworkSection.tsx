"use client";
import { Field, inputClass } from "@/components/ui/Form";
import { isUserNetwork } from "@/lib/container-spec/create-body";
import { ExtraNetworks } from "./ExtraNetworks";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const BUILT_IN = ["", "none", "bridge", "host"];
const LABEL: Record<string, string> = { "": "engine default (bridge)" };

/** Network mode or a user network, and aliases (only meaningful on a user network). */
export function NetworkSection({
  draft,
  setSpec,
  setTexts,
  errors,
  networkNames,
}: SectionProps & { networkNames: string[] }) {
  const s = draft.spec;
  const userNets = networkNames.filter((n) => !BUILT_IN.includes(n));
  const known = [...BUILT_IN, ...userNets];
  const userNet = isUserNetwork(s.network);
  return (
    <FormSection title="Network" testId="section-network" error={errors.network}>
      <div className="flex flex-wrap gap-3">
        <Field label="Network" hint="none isolates; a user network gives DNS names.">
          <select
            name="network"
            className={`${inputClass} w-48`}
            value={s.network}
            aria-invalid={!!errors.network || undefined}
            onChange={(e) => setSpec({ network: e.target.value })}
          >
            {!known.includes(s.network) && <option value={s.network}>{s.network}</option>}
            {BUILT_IN.map((n) => (
              <option key={n} value={n}>
                {LABEL[n] ?? n}
              </option>
            ))}
            {userNets.length > 0 && (
              <optgroup label="User networks">
                {userNets.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <Field label="Aliases" hint="DNS names on that network, space-separated." className="min-w-56 flex-1">
          <input
            name="aliases"
            className={`${inputClass} font-mono text-xs`}
            disabled={!userNet}
            placeholder={userNet ? "api db" : "only on a user network"}
            value={draft.texts.aliases}
            onChange={(e) => setTexts({ aliases: e.target.value })}
          />
        </Field>
        <Field label="Hostname" className="w-40">
          <input
            className={`${inputClass} font-mono text-xs`}
            value={s.hostname}
            aria-invalid={!!errors.hostname || undefined}
            onChange={(e) => setSpec({ hostname: e.target.value })}
          />
        </Field>
      </div>
      <ExtraNetworks
        value={s.networks ?? []}
        onChange={(networks) => setSpec({ networks })}
        userNets={userNets}
        disabled={!userNet}
      />
    </FormSection>
  );
}
