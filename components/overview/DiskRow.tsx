"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/useFormat";
import type { HostDisk } from "@/lib/disk";
import { UsageBar } from "./UsageBar";

/**
 * The host card's disk line, three grid cells: the filesystem of the engine's data root as df counts
 * it. Unknown is said quietly, with the reason on hover; nothing yet reads as measuring.
 */
export function DiskRow({ disk }: { disk: HostDisk | undefined }) {
  const t = useTranslations("overview");
  const fmt = useFormat();
  const label = <span className="text-muted">{t("disk")}</span>;
  if (disk?.state !== "known") {
    const why = disk ? t(`diskWhy.${disk.reason}`, { detail: disk.detail ?? "" }) : undefined;
    return (
      <>
        {label}
        <UsageBar used={0} total={0} testId="overview-disk" />
        <span
          className="text-muted"
          title={why}
          data-testid="overview-disk-text"
          data-state={disk ? "unknown" : "pending"}
        >
          {disk ? t("diskUnknown") : t("diskMeasuring")}
        </span>
      </>
    );
  }
  const title = t("diskTitle", {
    path: disk.path,
    used: fmt.bytes(disk.used),
    size: fmt.bytes(disk.size),
    free: fmt.bytes(disk.free),
    how: disk.how,
  });
  return (
    <>
      {label}
      <UsageBar used={disk.percent} total={100} testId="overview-disk" />
      <span className="tabular-nums" title={title} data-testid="overview-disk-text" data-state="known">
        {fmt.bytes(disk.used)}
        <span className="text-muted"> / {fmt.bytes(disk.size)}</span> ·{" "}
        {disk.percent.toFixed(disk.percent >= 10 ? 0 : 1)} %
      </span>
    </>
  );
}
