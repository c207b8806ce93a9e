import { formatBytes } from "@/lib/format";

/** CPU as the docker CLI shows it: 100 % is one fully busy CPU. */
export function formatPercent(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "—";
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} %`;
}

/** A rate in binary units per second; pass useFormat().bytes so the number follows the locale. */
export function formatRate(
  bytesPerSecond: number | undefined | null,
  bytes: (n: number) => string = formatBytes,
): string {
  if (bytesPerSecond === undefined || bytesPerSecond === null || !Number.isFinite(bytesPerSecond)) return "—";
  return `${bytes(bytesPerSecond)}/s`;
}
