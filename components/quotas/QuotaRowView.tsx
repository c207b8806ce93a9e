"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useCallback, useState } from "react";
import { StateBadge } from "@/components/ui/StateBadge";
import type { VirtualRowProps } from "@/components/ui/VirtualBody";
import { useStatsStream } from "@/components/stats/useStatsStream";
import { useUpdateResources } from "@/components/hooks/useUpdateResources";
import { useHostDisabled } from "@/components/hooks/useHostDisabled";
import { useInView } from "@/components/stats/in-view";
import { useFormat } from "@/components/i18n/useFormat";
import { cpuLimit, type QuotaRow, type ResourcesResult } from "@/lib/quotas";
import type { ContainerState } from "@/lib/types";
import { LIMIT_EDITORS, type LimitKey } from "./limit-fields";
import { LimitCell } from "./LimitCell";
import { UsageBar } from "./UsageBar";

export interface LiveUsage {
  cpuPercent: number;
  memoryBytes: number;
  pids: number;
}

const byKey = (key: LimitKey) => LIMIT_EDITORS.find((f) => f.key === key) as (typeof LIMIT_EDITORS)[number];

/** Live usage of a running row on screen, from the shared stats streams; rows scrolled away unsubscribe. */
function useRowUsage(row: QuotaRow): [(el: HTMLTableRowElement | null) => void, LiveUsage | undefined] {
  const [ref, visible] = useInView<HTMLTableRowElement>();
  const v = useStatsStream(row.hostId, row.state === "running" && visible ? row.id : undefined);
  const last = v.samples.at(-1);
  return [ref, last && { cpuPercent: last.cpuPercent, memoryBytes: last.memoryBytes, pids: last.pids }];
}

export function QuotaRowView({
  row,
  showHost,
  canEdit,
  rowProps,
}: {
  row: QuotaRow;
  showHost: boolean;
  canEdit: boolean;
  /** From the table's virtual body: the row's index and the ref that measures it. */
  rowProps: VirtualRowProps;
}) {
  const [inView, usage] = useRowUsage(row);
  const { ref: measure, ...place } = rowProps;
  const ref = useCallback(
    (el: HTMLTableRowElement | null) => {
      inView(el);
      measure?.(el);
    },
    [inView, measure],
  );
  const t = useTranslations("quotas.row");
  const fmt = useFormat();
  const update = useUpdateResources(row.hostId, row.id, row.name);
  // On a host that cannot change limits live, the cells show the limits without an editor.
  const off = useHostDisabled(row.hostId, "liveLimits");
  const [last, setLast] = useState<ResourcesResult>();
  const apply = async (req: Parameters<typeof update.mutateAsync>[0]) => {
    const res = await update.mutateAsync(req);
    setLast(res);
    return res;
  };
  const cell = (key: LimitKey, extra?: React.ReactNode) => (
    <td className="px-2 py-1 align-top">
      <LimitCell
        field={byKey(key)}
        limits={row.limits}
        canEdit={canEdit && !off}
        onApply={apply}
        lastResult={last}
      >
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
    <tr
      {...place}
      ref={ref}
      className="border-b border-line/60 hover:bg-panel-2/50"
      data-testid={`quota-row-${row.name}`}
    >
      <td className="truncate px-2 py-1 align-top" title={row.name}>
        <Link href={`/hosts/${row.hostId}/containers/${row.id}`} className="font-medium hover:underline">
          {row.name}
        </Link>
        <div>
          <StateBadge state={row.state as ContainerState} />
        </div>
      </td>
      {showHost && <td className="truncate px-2 py-1 align-top text-muted">{row.hostId}</td>}
      {cell(
        "cpus",
        usage && (
          <UsageBar
            used={usage.cpuPercent}
            limit={cpuCap}
            label={
              cpuCap
                ? t("cpuOf", { percent: usage.cpuPercent.toFixed(1), limit: cpuCap })
                : t("cpuNoLimit", { percent: usage.cpuPercent.toFixed(1) })
            }
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
            label={t("memoryUsed", { bytes: fmt.bytes(usage.memoryBytes) })}
          />
        ),
      )}
      {cell("memoryReservation")}
      {cell("memorySwap")}
      <td className="px-2 py-1 align-top font-mono text-xs">
        {l.oomKillDisable ? t("oomDisabled") : t("oomOn")}
      </td>
      {cell(
        "pidsLimit",
        usage && (
          <UsageBar used={usage.pids} limit={l.pidsLimit} label={t("processes", { count: usage.pids })} />
        ),
      )}
      {cell(
        "blkioWeight",
        throttles > 0 && <div className="text-[10px] text-muted">{t("throttles", { count: throttles })}</div>,
      )}
      {cell("restartPolicy")}
    </tr>
  );
}
