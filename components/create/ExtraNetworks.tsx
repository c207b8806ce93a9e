"use client";
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
  const set = (i: number, patch: Partial<NetworkAttachment>) =>
    onChange(value.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <div className="flex flex-col gap-1">
      {value.map((n, i) => (
        <div key={i} className="flex items-center gap-1">
          <span className="text-muted">also on</span>
          <select
            aria-label={`Extra network ${i + 1}`}
            className={inputClass}
            value={n.name}
            onChange={(e) => set(i, { name: e.target.value })}
          >
            {!userNets.includes(n.name) && <option value={n.name}>{n.name || "pick a network"}</option>}
            {userNets.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
          <input
            aria-label={`Extra network ${i + 1} aliases`}
            className={`${inputClass} min-w-0 flex-1 font-mono text-xs`}
            placeholder="aliases"
            defaultValue={n.aliases.join(" ")}
            onBlur={(e) => set(i, { aliases: e.target.value.split(/[\s,]+/).filter(Boolean) })}
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove extra network ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </Button>
        </div>
      ))}
      {!disabled && userNets.length > 0 && (
        <div>
          <Button size="sm" onClick={() => onChange([...value, { name: userNets[0] ?? "", aliases: [] }])}>
            + another network
          </Button>
        </div>
      )}
    </div>
  );
}
