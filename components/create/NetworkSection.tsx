"use client";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/Form";
import { isUserNetwork } from "@/lib/container-spec/create-body";
import { ExtraNetworks } from "./ExtraNetworks";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

/** The engine's own network modes, by name; "" is its default. */
const BUILT_IN = ["", "none", "bridge", "host"];
/** Network aliases to show the expected form: DNS names, the same in every language. */
const ALIASES_EXAMPLE = "api db";

/** Network mode or a user network, and aliases (only meaningful on a user network). */
export function NetworkSection({
  draft,
  setSpec,
  setTexts,
  errors,
  networkNames,
}: SectionProps & { networkNames: string[] }) {
  const t = useTranslations("create.network");
  const s = draft.spec;
  const userNets = networkNames.filter((n) => !BUILT_IN.includes(n));
  const known = [...BUILT_IN, ...userNets];
  const userNet = isUserNetwork(s.network);
  return (
    <FormSection title={t("title")} testId="section-network" error={errors.network}>
      <div className="flex flex-wrap gap-3">
        <Field label={t("label")} hint={t("hint")}>
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
                {n === "" ? t("engineDefault") : n}
              </option>
            ))}
            {userNets.length > 0 && (
              <optgroup label={t("userNetworks")}>
                {userNets.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </Field>
        <Field label={t("aliases")} hint={t("aliasesHint")} className="min-w-56 flex-1">
          <input
            name="aliases"
            className={`${inputClass} font-mono text-xs`}
            disabled={!userNet}
            placeholder={userNet ? ALIASES_EXAMPLE : t("aliasesOff")}
            value={draft.texts.aliases}
            onChange={(e) => setTexts({ aliases: e.target.value })}
          />
        </Field>
        <Field label={t("hostname")} className="w-40">
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
