"use client";
import Link from "next/link";
import { useState } from "react";
import { StateBadge } from "@/components/containers/StateBadge";
import { useUpdateResources } from "@/components/hooks/useUpdateResources";
import { cpuLimit, type QuotaRow, type ResourcesResult } from "@/lib/quotas";
import type { ContainerState } from "@/lib/types";
import { formatBytes } from "@/lib/format";
import { LIMIT_EDITORS } from "./limit-fields";
import { LimitCell } from "./LimitCell";
import { UsageBar } from "./UsageBar";

export interface LiveUsage {
  cpuPercent: number;
  memoryBytes: number;
  pids: number;
}

const byKey = (key: string) => LIMIT_EDITORS.find((f) => f.key === key) as (typeof LIMIT_EDITORS)[number];

export function QuotaRowView({
  row,
  showHost,
  canEdit,
  usage,
}: {
  row: QuotaRow;
  showHost: boolean;
  canEdit: boolean;
  usage?: LiveUsage;
}) {
  const update = useUpdateResources(row.hostId, row.id, row.name);
  const [last, setLast] = useState<ResourcesResult>();
  const apply = async (req: Parameters<typeof update.mutateAsync>[0]) => {
    const res = await update.mutateAsync(req);
    setLast(res);
    return res;
  };
  const cell = (key: string, extra?: React.ReactNode) => (
    <td className="px-2 py-1 align-top">
      <LimitCell field={byKey(key)} limits={row.limits} canEdit={canEdit} onApply={apply} lastResult={last}>
        {extra}
      </LimitCell>
    </td>
  );
  const l = row.limits;
  // CPU% from stats is of one CPU per 100; the limit in CPUs makes the two comparable.
  const cpuCap = cpuLimit(l) * 100;
  const throttles =
    l.blkioDeviceReadBps.length +
    l.blkioDeviceWriteBps.length +
    l.blkioDeviceReadIOps.length +
    l.blkioDeviceWriteIOps.length;
  return (
    <tr className="border-b border-line/60 hover:bg-panel-2/50" data-testid={`quota-row-${row.name}`}>
      <td className="px-2 py-1 align-top">
        <Link href={`/hosts/${row.hostId}/containers/${row.id}`} className="font-medium hover:underline">
          {row.name}
        </Link>
        <div>
          <StateBadge state={row.state as ContainerState} />
        </div>
      </td>
      {showHost && <td className="px-2 py-1 align-top text-muted">{row.hostId}</td>}
      {cell(
        "cpus",
        usage && (
          <UsageBar
            used={usage.cpuPercent}
            limit={cpuCap}
            label={`${usage.cpuPercent.toFixed(1)}% of ${cpuCap || "no"} limit`}
          />
        ),
      )}
      {cell("cpuShares")}
      {cell("cpusetCpus")}
      {cell(
        "memory",
        usage && (
          <UsageBar
            used={usage.memoryBytes}
            limit={l.memory}
            label={`${formatBytes(usage.memoryBytes)} used`}
          />
        ),
      )}
      {cell("memoryReservation")}
      {cell("memorySwap")}
      <td className="px-2 py-1 align-top font-mono text-xs">{l.oomKillDisable ? "disabled" : "on"}</td>
      {cell(
        "pidsLimit",
        usage && <UsageBar used={usage.pids} limit={l.pidsLimit} label={`${usage.pids} processes`} />,
      )}
      {cell(
        "blkioWeight",
        throttles > 0 && (
          <div className="text-[10px] text-muted">
            {throttles} device throttle{throttles > 1 ? "s" : ""}
          </div>
        ),
      )}
      {cell("restartPolicy")}
    </tr>
  );
}
