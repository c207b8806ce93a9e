import type { QuotaRow } from "@/lib/quotas";
import { QuotaRowView } from "./QuotaRowView";

const HEAD = [
  ["CPUs", "NanoCpus, or CpuQuota/CpuPeriod"],
  ["Shares", "CpuShares: relative weight under contention"],
  ["cpuset", "CpusetCpus: the CPUs it may run on"],
  ["Memory", "Memory: hard limit"],
  ["Reserve", "MemoryReservation: soft limit"],
  ["Mem+swap", "MemorySwap"],
  ["OOM kill", "OomKillDisable"],
  ["PIDs", "PidsLimit"],
  ["blkio", "BlkioWeight and device throttles"],
  ["Restart", "RestartPolicy"],
] as const;

export function QuotaTable({
  rows,
  showHost,
  canEdit,
}: {
  rows: QuotaRow[];
  showHost: boolean;
  canEdit: boolean;
}) {
  return (
    <table className="w-full border-collapse" data-testid="quota-table">
      <thead className="sticky top-0 z-10 border-b border-line bg-panel text-left text-muted">
        <tr>
          <th className="px-2 py-1 font-medium">Container</th>
          {showHost && <th className="px-2 py-1 font-medium">Host</th>}
          {HEAD.map(([label, title]) => (
            <th key={label} className="px-2 py-1 font-medium" title={title}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <QuotaRowView key={`${r.hostId}/${r.id}`} row={r} showHost={showHost} canEdit={canEdit} />
        ))}
      </tbody>
    </table>
  );
}
