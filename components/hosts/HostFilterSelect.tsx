import type { HostSummary } from "@/lib/types";

/** A cross-host list's host filter: one host, or all of them (undefined). */
export function HostFilterSelect({
  hosts,
  value,
  onChange,
  className,
}: {
  hosts: HostSummary[];
  value: string | undefined;
  onChange: (hostId: string | undefined) => void;
  className: string;
}) {
  return (
    <select
      aria-label="Filter by host"
      className={className}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">all hosts</option>
      {hosts.map((h) => (
        <option key={h.id} value={h.id}>
          {h.name}
        </option>
      ))}
    </select>
  );
}
