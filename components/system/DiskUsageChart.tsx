"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import { DF_KINDS, type DfKind, type DiskUsage } from "@/lib/system";

const COLOR = {
  images: "bg-accent",
  containers: "bg-ok",
  volumes: "bg-warn",
  buildCache: "bg-info",
} as const satisfies Record<DfKind, string>;

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.max(0, (part / whole) * 100)}%` : "0%");

/** Disk usage by kind: one stacked bar for the whole, then a bar per kind with its reclaimable part hatched. */
export function DiskUsageChart({ df }: { df: DiskUsage }) {
  const max = Math.max(1, ...DF_KINDS.map((k) => df.summary[k].size));
  const t = useTranslations("system.df");
  const fmt = useFormat();
  const label = (k: DfKind) => t(`kind.${k}`);
  return (
    <div className="flex flex-col gap-3" data-testid="disk-usage">
      <div>
        <div className="mb-1 flex justify-between text-[11px] text-muted">
          <span>
            {t.rich("used", {
              used: fmt.bytes(df.totalSize),
              reclaimable: fmt.bytes(df.totalReclaimable),
              b: (c) => <b className="text-fg">{c}</b>,
            })}
          </span>
          <span>{t("layers", { size: fmt.bytes(df.layersSize) })}</span>
        </div>
        <div className="flex h-3 overflow-hidden rounded bg-panel-2" role="img" aria-label={t("chart")}>
          {DF_KINDS.map((k) => (
            <div
              key={k}
              className={COLOR[k]}
              style={{ width: pct(df.summary[k].size, df.totalSize) }}
              title={`${label(k)}: ${fmt.bytes(df.summary[k].size)}`}
            />
          ))}
        </div>
      </div>
      <table className="w-full text-[12px]">
        <thead className="text-left text-[11px] text-muted">
          <tr>
            <th className="w-28 font-normal">{t("colKind")}</th>
            <th className="font-normal" />
            <th className="w-24 text-right font-normal">{t("colSize")}</th>
            <th className="w-28 text-right font-normal">{t("colReclaimable")}</th>
            <th className="w-24 text-right font-normal">{t("colInUse")}</th>
          </tr>
        </thead>
        <tbody>
          {DF_KINDS.map((k) => {
            const r = df.summary[k];
            return (
              <tr key={k} data-testid={`df-${k}`}>
                <td className="py-1">
                  <span className={`mr-1.5 inline-block size-2 rounded-sm ${COLOR[k]}`} />
                  {label(k)}
                </td>
                <td className="px-2">
                  <div className="relative h-2.5 rounded bg-panel-2">
                    <div
                      className={`absolute inset-y-0 left-0 rounded ${COLOR[k]}`}
                      style={{ width: pct(r.size, max) }}
                    />
                    <div
                      className="absolute inset-y-0 rounded-r bg-[repeating-linear-gradient(45deg,transparent_0_3px,var(--panel)_3px_5px)]"
                      style={{ left: pct(r.size - r.reclaimable, max), width: pct(r.reclaimable, max) }}
                      title={t("reclaimable", { size: fmt.bytes(r.reclaimable) })}
                    />
                  </div>
                </td>
                <td className="text-right tabular-nums">{fmt.bytes(r.size)}</td>
                <td className="text-right tabular-nums">
                  {fmt.bytes(r.reclaimable)}
                  <span className="ml-1 text-muted">
                    {r.size > 0 ? `${Math.round((r.reclaimable / r.size) * 100)}%` : ""}
                  </span>
                </td>
                <td className="text-right text-muted tabular-nums">
                  {r.active}/{r.total}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
