"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useMeQuery } from "@/components/hooks/queries";
import { inputClass } from "@/components/ui/Form";
import type { Scope } from "@/lib/permissions";
import type { HostSummary } from "@/lib/types";

/** A scope as a form holds it: the label selector is "" when there is none. */
export interface ScopeDraft {
  hosts: "*" | string[];
  labelSelector: string;
}

export const ALL_HOSTS: ScopeDraft = { hosts: "*", labelSelector: "" };

export function draftOf(scope: Scope): ScopeDraft {
  return { hosts: scope.hosts, labelSelector: scope.labelSelector ?? "" };
}

/**
 * The signed-in principal's own scope, as a draft: what a new user or token gets by default, and
 * the most it may be given (the server refuses anything wider).
 */
export function useOwnScope(): { draft: ScopeDraft; scope?: Scope } {
  const me = useMeQuery().data?.user;
  if (!me) return { draft: ALL_HOSTS };
  const scope: Scope = me.labelSelector
    ? { hosts: me.hosts, labelSelector: me.labelSelector }
    : { hosts: me.hosts };
  return { draft: draftOf(scope), scope };
}

/** Hosts and registries are shared by every team: only an admin with the whole fleet changes them. */
export function useFleetWide(): boolean {
  const scope = useOwnScope().scope;
  return !scope || (scope.hosts === "*" && !scope.labelSelector);
}

/**
 * Which hosts, and optionally which containers within them (one label), a user or token may see.
 * Hosts that no longer exist stay listed while they are still in the scope, so they can be removed.
 */
export function ScopeFields({
  value,
  onChange,
  hosts,
  invalidField,
}: {
  value: ScopeDraft;
  onChange: (v: ScopeDraft) => void;
  hosts: HostSummary[] | undefined;
  invalidField?: string;
}) {
  const name = useId();
  const t = useTranslations("admin.scope");
  // A scoped admin grants at most its own hosts and label.
  const within = useOwnScope().scope;
  const limitedHosts = !!within && within.hosts !== "*";
  const picked = value.hosts === "*" ? [] : value.hosts;
  const known = new Set((hosts ?? []).map((h) => h.id));
  const choices = [
    ...(hosts ?? []).map((h) => ({
      id: h.id,
      label: h.name === h.id ? h.id : `${h.name} (${h.id})`,
      gone: false,
    })),
    ...picked.filter((id) => !known.has(id)).map((id) => ({ id, label: id, gone: true })),
  ];
  const toggle = (id: string, on: boolean) =>
    onChange({ ...value, hosts: on ? [...picked, id] : picked.filter((x) => x !== id) });
  return (
    <div className="flex flex-col gap-2">
      <fieldset
        className="flex flex-col gap-1"
        aria-invalid={invalidField?.startsWith("hosts") || undefined}
        data-testid="scope-hosts"
      >
        <legend className="mb-1 text-muted">{t("hosts")}</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            checked={value.hosts === "*"}
            disabled={limitedHosts && value.hosts !== "*"}
            onChange={() => onChange({ ...value, hosts: "*" })}
          />
          {t("all")} <span className="text-[11px] text-muted">{limitedHosts ? t("beyond") : t("later")}</span>
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            checked={value.hosts !== "*"}
            onChange={() => onChange({ ...value, hosts: picked })}
          />
          {t("only")}
        </label>
        <div className="ml-6 flex flex-wrap gap-x-4 gap-y-1">
          {hosts === undefined && <span className="text-muted">{t("loadingHosts")}</span>}
          {choices.map((c) => (
            <label
              key={c.id}
              className={`flex items-center gap-1.5 ${value.hosts === "*" ? "opacity-50" : ""}`}
            >
              <input
                type="checkbox"
                disabled={value.hosts === "*"}
                checked={value.hosts === "*" || picked.includes(c.id)}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
              {c.label}
              {c.gone && <span className="text-[11px] text-warn">{t("gone")}</span>}
            </label>
          ))}
        </div>
        {value.hosts !== "*" && picked.length === 0 && (
          <span className="ml-6 text-[11px] text-warn">{t("none")}</span>
        )}
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="text-muted">
          {t("label")} <span className="text-[11px]">{t("optional")}</span>
        </span>
        <input
          name="labelSelector"
          className={`${inputClass} w-64 font-mono text-xs`}
          placeholder={t("placeholder")}
          value={value.labelSelector}
          aria-invalid={invalidField === "labelSelector" || undefined}
          onChange={(e) => onChange({ ...value, labelSelector: e.target.value })}
        />
        <span className="text-[11px] text-muted">
          {within?.labelSelector ? t("within", { label: within.labelSelector }) : t("withinHosts")}
        </span>
      </label>
    </div>
  );
}

/** The request fields for a scope: labelSelector left out when empty (create), or null to clear it (update). */
export function scopeBody(d: ScopeDraft, forUpdate: boolean) {
  const sel = d.labelSelector.trim();
  return {
    hosts: d.hosts,
    ...(sel ? { labelSelector: sel } : forUpdate ? { labelSelector: null } : {}),
  };
}
