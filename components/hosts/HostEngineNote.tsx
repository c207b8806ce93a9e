"use client";
import { useTranslations } from "next-intl";
import type { HostSummary } from "@/lib/types";

/**
 * Which engine serves the host, and what it cannot do there: a Podman host's disabled actions are
 * named with the reason, so nobody meets them as failures.
 */
export function HostEngineNote({ host }: { host: HostSummary }) {
  const t = useTranslations("hosts");
  const e = host.engine;
  if (!e || host.status !== "up") return null;
  return (
    <span className="flex flex-wrap items-center gap-2 text-[11px] text-muted" data-testid="host-engine">
      <span>{t(`engine.${e.kind}`, { version: e.version, api: e.apiVersion })}</span>
      {host.disabled?.map((d) => (
        <span
          key={d.capability}
          className="rounded border border-line px-1"
          title={d.reason}
          data-testid={`host-disabled-${d.capability}`}
        >
          {t("disabled.item", {
            capability: t(`disabled.capability.${d.capability}`),
            reason: reasonOf(t, d.quirk, d.reason),
          })}
        </span>
      ))}
    </span>
  );
}

const KNOWN_REASONS = new Set(["pause-rootless-v1", "memory-rootless-v1"]);

function reasonOf(t: ReturnType<typeof useTranslations<"hosts">>, quirk: string, fallback: string): string {
  return KNOWN_REASONS.has(quirk) ? t(`disabled.reason.${quirk as "pause-rootless-v1"}`) : fallback;
}
