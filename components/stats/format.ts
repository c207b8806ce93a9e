import { formatBytes } from "@/lib/format";
import type { StatsMode } from "@/lib/realtime/events";

/** CPU as the docker CLI shows it: 100 % is one fully busy CPU. */
export function formatPercent(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return "—";
  return `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} %`;
}

export function formatRate(bytesPerSecond: number | undefined | null): string {
  if (bytesPerSecond === undefined || bytesPerSecond === null || !Number.isFinite(bytesPerSecond)) return "—";
  return `${formatBytes(bytesPerSecond)}/s`;
}

export const MODE_LABEL: Record<StatsMode, string> = {
  engine: "engine stream",
  local: "local cgroups",
};

export const MODE_HELP: Record<StatsMode, string> = {
  engine: "Wharf shares one engine stats stream per container among all viewers.",
  local:
    "The engine runs on Wharf's machine: Wharf reads the container's cgroup counters itself, once a second.",
};
