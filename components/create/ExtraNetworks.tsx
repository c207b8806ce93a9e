"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { NetworkAttachment } from "@/lib/container-spec/types";

/** Further user networks the container joins after create, each with its own aliases. */
export function ExtraNetworks({
  value,
  onChange,
  userNets,
  disabled,
}: {
  value: NetworkAttachment[];
  onChange: (v: NetworkAttachment[]) => void;
  userNets: string[];
  disabled: boolean;
}) {
  const t = useTranslations("create.network");
  const set = (i: number, patch: Partial<NetworkAttachment>) =>
    onChange(value.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <div className="flex flex-col gap-1">
      {value.map((n, i) => (
        <div key={i} className="flex items-center gap-1">
          <span className="text-muted">{t("alsoOn")}</span>
          <select
            aria-label={t("extra", { n: i + 1 })}
            className={inputClass}
            value={n.name}
            onChange={(e) => set(i, { name: e.target.value })}
          >
            {!userNets.includes(n.name) && <option value={n.name}>{n.name || t("pick")}</option>}
            {userNets.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
          <input
            aria-label={t("extraAliases", { n: i + 1 })}
            className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
            placeholder={t("extraAliasesPlaceholder")}
            defaultValue={n.aliases.join(" ")}
            onBlur={(e) => set(i, { aliases: e.target.value.split(/[\s,]+/).filter(Boolean) })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("removeExtra", { n: i + 1 })}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </div>
      ))}
      {!disabled && userNets.length > 0 && (
        <div>
          <Button size="sm" onClick={() => onChange([...value, { name: userNets[0] ?? "", aliases: [] }])}>
            {t("addExtra")}
          </Button>
        </div>
      )}
    </div>
  );
}
