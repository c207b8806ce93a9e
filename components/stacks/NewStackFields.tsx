"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/Form";
import type { ComposeOrchestrator } from "@/lib/compose/model";
import { isSwarmManager } from "@/lib/swarm/host";
import type { HostSummary } from "@/lib/types";

/**
 * A new stack's host and name, and on a swarm manager whether it runs as containers on that host or
 * as services on its swarm; fixed once its first revision is stored.
 */
export function NewStackFields({
  hosts,
  target,
  onHost,
  onName,
  onOrchestrator,
  disabled,
  nameInvalid,
}: {
  hosts: HostSummary[];
  target: { hostId: string; name: string; orchestrator?: ComposeOrchestrator };
  onHost: (hostId: string) => void;
  onName: (name: string) => void;
  onOrchestrator: (o: ComposeOrchestrator) => void;
  disabled: boolean;
  nameInvalid: boolean;
}) {
  const t = useTranslations("stacks.editor");
  const manager = isSwarmManager(hosts.find((h) => h.id === target.hostId));
  return (
    <>
      <label className="flex flex-col gap-1">
        <span className="text-muted">{t("host")}</span>
        <select
          className={inputClass}
          value={target.hostId}
          onChange={(e) => onHost(e.target.value)}
          disabled={disabled}
          data-testid="stack-host"
        >
          {hosts.map((h) => (
            <option key={h.id} value={h.id} disabled={h.status !== "up"}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">{t("name")}</span>
        <input
          className={`${inputClass} w-56 font-mono`}
          value={target.name}
          onChange={(e) => onName(e.target.value)}
          placeholder={t("namePlaceholder")}
          aria-invalid={nameInvalid || undefined}
          disabled={disabled}
          data-testid="stack-name-input"
        />
      </label>
      {manager && (
        <label className="flex flex-col gap-1">
          <span className="text-muted">{t("orchestrator")}</span>
          <select
            className={inputClass}
            value={target.orchestrator ?? "compose"}
            onChange={(e) => onOrchestrator(e.target.value === "swarm" ? "swarm" : "compose")}
            disabled={disabled}
            data-testid="stack-orchestrator"
          >
            <option value="compose">{t("orchestratorCompose")}</option>
            <option value="swarm">{t("orchestratorSwarm")}</option>
          </select>
        </label>
      )}
    </>
  );
}
