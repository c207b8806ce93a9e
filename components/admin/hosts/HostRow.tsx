"use client";
import Link from "next/link";
import { HostStatusDot } from "@/components/hosts/HostStatusDot";
import { Button } from "@/components/ui/Button";
import type { HostSummary } from "@/lib/types";
import { td } from "../bits";
import { FLEET_ONLY_NOTE } from "../ScopeFields";

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
  return (
    <tr className="border-b border-line/60 hover:bg-panel-2" data-testid={`hostrow-${h.id}`}>
      <td className={`${td} whitespace-nowrap`}>
        <Link href={`/hosts/${h.id}`} className="font-medium hover:underline">
          {h.name}
        </Link>
        {h.name !== h.id && <span className="ml-2 font-mono text-[11px] text-muted">{h.id}</span>}
      </td>
      <td className={`${td} whitespace-nowrap text-muted`}>
        {h.source === "config" ? "from WHARF_HOSTS" : "added in Wharf"}
      </td>
      <td className={`${td} text-muted`}>{h.kind}</td>
      <td className={`${td} max-w-80 truncate font-mono text-xs`} title={h.url}>
        {h.url ?? "—"}
      </td>
      <td className={td}>
        <span className="inline-flex items-center gap-1.5" title={h.error}>
          <HostStatusDot status={h.status} />
          {h.status}
          {h.status === "up" && h.engineVersion && (
            <span className="text-[11px] text-muted">engine {h.engineVersion}</span>
          )}
          {h.status === "down" && h.error && (
            <span className="max-w-72 truncate text-[11px] text-bad">{h.error}</span>
          )}
        </span>
      </td>
      <td className={`${td} text-right whitespace-nowrap`}>
        {h.source === "managed" && fleetWide ? (
          <Button size="sm" variant="danger" onClick={() => onRemove(h)}>
            Remove
          </Button>
        ) : (
          <span
            className="text-[11px] text-muted"
            title={fleetWide ? "Edit WHARF_HOSTS and restart Wharf to change it" : FLEET_ONLY_NOTE}
          >
            read-only
          </span>
        )}
      </td>
    </tr>
  );
}
