"use client";
import type { HostSummary } from "@/lib/types";
import { th } from "../bits";
import { HostRow } from "./HostRow";

export function HostTable({
  hosts,
  fleetWide,
  onRemove,
}: {
  hosts: HostSummary[];
  fleetWide: boolean;
  onRemove: (h: HostSummary) => void;
}) {
  return (
    <table className="w-full border-collapse" data-testid="host-table">
      <thead className="border-b border-line text-muted">
        <tr>
          <th className={th}>Host</th>
          <th className={th}>Source</th>
          <th className={th}>Kind</th>
          <th className={th}>URL</th>
          <th className={th}>Status</th>
          <th className={th} />
        </tr>
      </thead>
      <tbody>
        {hosts.map((h) => (
          <HostRow key={h.id} host={h} fleetWide={fleetWide} onRemove={onRemove} />
        ))}
      </tbody>
    </table>
  );
}
