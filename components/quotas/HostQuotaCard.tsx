"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import type { HostQuotaSummary } from "@/lib/quotas";

function Meter({
  label,
  used,
  total,
  fmt,
  note,
}: {
  label: string;
  used: number;
  total: number;
  fmt: (n: number) => string;
  note?: string;
}) {
  const pct = total > 0 ? (used / total) * 100 : 0;
  const tone = pct > 100 ? "bg-bad" : pct >= 80 ? "bg-warn" : "bg-ok";
  return (
    <div className="min-w-56">
      <div className="flex justify-between gap-3 text-[11px] text-muted">
        <span>{label}</span>
        <span>
          {fmt(used)} / {fmt(total)} ({pct.toFixed(0)}%)
        </span>
      </div>
      <div className="h-1.5 overflow-hidden rounded bg-panel-2">
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
      {note && <div className="text-[10px] text-muted">{note}</div>}
    </div>
  );
}

/** Sums of the running containers' limits against the host: what was promised versus what exists. */
export function HostQuotaCard({ s }: { s: HostQuotaSummary }) {
  const t = useTranslations("quotas.summary");
  const fmt = useFormat();
  const { cpu, memory } = s.overcommitted;
  const reserved = t("reserved", { bytes: fmt.bytes(s.memoryReservationSum) });
  return (
    <div
      className="flex flex-wrap items-center gap-4 rounded border border-line bg-panel px-3 py-2"
      data-testid={`quota-summary-${s.hostId}`}
    >
      <div className="w-24 font-medium">{s.hostId}</div>
      <Meter
        label={t("cpuLimits")}
        used={s.cpuLimitSum}
        total={s.cpus}
        fmt={(n) => `${+n.toFixed(2)}`}
        note={s.cpuUnlimited ? t("cpuUnlimited", { count: s.cpuUnlimited }) : undefined}
      />
      <Meter
        label={t("memoryLimits")}
        used={s.memoryLimitSum}
        total={s.memoryBytes}
        fmt={fmt.bytes}
        note={
          s.memoryUnlimited ? `${reserved} · ${t("memoryUnlimited", { count: s.memoryUnlimited })}` : reserved
        }
      />
      <span
        className={`rounded border px-1.5 text-[11px] ${cpu || memory ? "border-bad/50 text-bad" : "border-ok/40 text-ok"}`}
        data-testid="overcommit"
      >
        {cpu && memory ? t("overBoth") : cpu ? t("overCpu") : memory ? t("overMemory") : t("withinCapacity")}
      </span>
    </div>
  );
}
