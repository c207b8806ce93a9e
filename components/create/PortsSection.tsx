"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { inputClass } from "@/components/ui/Form";
import type { PortMapping } from "@/lib/container-spec/types";
import { FormSection } from "./FormSection";
import type { SectionProps } from "./section-props";

const PROTOCOLS = ["tcp", "udp", "sctp"] as const;
const NEW_PORT: PortMapping = { hostIp: "", hostPort: "", containerPort: "", protocol: "tcp" };

export function PortsSection({ draft, setSpec, errors }: SectionProps) {
  const t = useTranslations("create.ports");
  const ports = draft.spec.ports;
  const set = (i: number, patch: Partial<PortMapping>) =>
    setSpec({ ports: ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const field = (i: number, k: "hostIp" | "hostPort" | "containerPort", w: string, ph: string) => (
    <input
      aria-label={t(k, { n: i + 1 })}
      className={`${inputClass} ${w} font-mono text-xs`}
      placeholder={ph}
      value={ports[i]?.[k] ?? ""}
      aria-invalid={!!errors.ports || undefined}
      onChange={(e) => set(i, { [k]: e.target.value })}
    />
  );
  return (
    <FormSection title={t("title")} testId="section-ports" error={errors.ports}>
      {draft.spec.network === "none" && ports.length > 0 && (
        <div className="text-[11px] text-warn">{t("noneNetwork")}</div>
      )}
      {ports.map((p, i) => (
        <div key={i} className="flex items-center gap-1">
          {field(i, "hostIp", "w-28", "0.0.0.0")}
          <span className="text-muted">:</span>
          {field(i, "hostPort", "w-24", t("auto"))}
          <span className="text-muted">→</span>
          {field(i, "containerPort", "w-24", "80")}
          <select
            aria-label={t("protocol", { n: i + 1 })}
            className={inputClass}
            value={p.protocol}
            onChange={(e) => set(i, { protocol: e.target.value as PortMapping["protocol"] })}
          >
            {PROTOCOLS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("remove", { n: i + 1 })}
            onClick={() => setSpec({ ports: ports.filter((_, j) => j !== i) })}
          >
            ×
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => setSpec({ ports: [...ports, NEW_PORT] })}>
          {t("add")}
        </Button>
      </div>
    </FormSection>
  );
}
