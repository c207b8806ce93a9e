"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { Button } from "@/components/ui/Button";
import type { HostSummary } from "@/lib/types";
import { td } from "../bits";

/** One host; only a host added in Wharf can be removed here, and only by a fleet-wide admin. */
export function HostRow({
  host: h,
  fleetWide,
  onRemove,
}: {
  host: HostSummary;
  fleetWide: boolean;
  onRemove: (h: HostSummary) => void;
}) {
  const t = useTranslations("admin");
  const tStatus = useTranslations("hosts.status");
  return (
    <tr className="border-b border-line/60 hover:bg-panel-2" data-testid={`hostrow-${h.id}`}>
      <td className={`${td} whitespace-nowrap`}>
        <Link href={`/hosts/${h.id}`} className="font-medium hover:underline">
          {h.name}
        </Link>
        {h.name !== h.id && <span className="ml-2 font-mono text-[11px] text-muted">{h.id}</span>}
      </td>
      <td className={`${td} whitespace-nowrap text-muted`}>
        {h.source === "config" ? t("hosts.fromConfig") : t("hosts.managed")}
      </td>
      <td className={`${td} text-muted`}>{h.kind}</td>
      <td className={`${td} max-w-80 truncate font-mono text-xs`} title={h.url}>
        {h.url ?? "—"}
      </td>
      <td className={td}>
        <span className="inline-flex items-center gap-1.5" title={h.error}>
          <HostStatusDot status={h.status} />
          {tStatus(h.status)}
          {h.status === "up" && h.engineVersion && (
            <span className="text-[11px] text-muted">{t("hosts.engine", { version: h.engineVersion })}</span>
          )}
          {h.status === "down" && h.error && (
            <span className="max-w-72 truncate text-[11px] text-bad">{h.error}</span>
          )}
        </span>
      </td>
      <td className={`${td} text-right whitespace-nowrap`}>
        {h.source === "managed" && fleetWide ? (
          <Button size="sm" variant="danger" onClick={() => onRemove(h)}>
            {t("hosts.remove")}
          </Button>
        ) : (
          <span
            className="text-[11px] text-muted"
            title={fleetWide ? t("hosts.readOnlyTitle") : t("scope.fleetOnly")}
          >
            {t("hosts.readOnly")}
          </span>
        )}
      </td>
    </tr>
  );
}
