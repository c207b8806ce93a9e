/** The limits Wharf edits live, named as in the resources API. */
export const LIMIT_FIELDS = [
  "cpuShares",
  "nanoCpus",
  "cpuQuota",
  "cpuPeriod",
  "cpusetCpus",
  "cpusetMems",
  "memory",
  "memoryReservation",
  "memorySwap",
  "pidsLimit",
  "blkioWeight",
  "restartPolicy",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** The engine's HostConfig name of each plain-valued limit (restartPolicy has a shape of its own). */
export const ENGINE_LIMIT_KEY = {
  cpuShares: "CpuShares",
  nanoCpus: "NanoCpus",
  cpuQuota: "CpuQuota",
  cpuPeriod: "CpuPeriod",
  cpusetCpus: "CpusetCpus",
  cpusetMems: "CpusetMems",
  memory: "Memory",
  memoryReservation: "MemoryReservation",
  memorySwap: "MemorySwap",
  pidsLimit: "PidsLimit",
  blkioWeight: "BlkioWeight",
} as const satisfies Record<Exclude<LimitField, "restartPolicy">, string>;

export interface DeviceRate {
  path: string;
  rate: number;
}

/** Every limit the engine exposes for a container, as read back from inspect; 0 means "not set". */
export interface ContainerLimits {
  cpuShares: number;
  nanoCpus: number;
  cpuQuota: number;
  cpuPeriod: number;
  cpusetCpus: string;
  cpusetMems: string;
  memory: number;
  memoryReservation: number;
  memorySwap: number;
  oomKillDisable: boolean;
  /** -1 when unlimited. */
  pidsLimit: number;
  blkioWeight: number;
  blkioDeviceReadBps: DeviceRate[];
  blkioDeviceWriteBps: DeviceRate[];
  blkioDeviceReadIOps: DeviceRate[];
  blkioDeviceWriteIOps: DeviceRate[];
  restartPolicy: { name: "no" | "always" | "unless-stopped" | "on-failure"; maximumRetryCount: number };
}

export interface ResourcesResult {
  before: ContainerLimits;
  /** As read back from the engine after the update. */
  applied: ContainerLimits;
  /** The engine's own warnings, verbatim. */
  warnings: string[];
  /** Requested values the engine or kernel did not keep (e.g. a discarded blkio weight). */
  notApplied: { field: LimitField; requested: unknown; actual: unknown }[];
}

export interface QuotaRow {
  hostId: string;
  id: string;
  name: string;
  state: string;
  limits: ContainerLimits;
}

export interface HostQuotaSummary {
  hostId: string;
  cpus: number;
  memoryBytes: number;
  /** Sum over running containers of their CPU limit (NanoCpus, or quota/period), in CPUs; unlimited ones count separately. */
  cpuLimitSum: number;
  cpuUnlimited: number;
  memoryLimitSum: number;
  memoryReservationSum: number;
  memoryUnlimited: number;
  overcommitted: { cpu: boolean; memory: boolean };
}

/** Effective CPU limit in CPUs: NanoCpus, else quota/period, else 0 (unlimited). */
export function cpuLimit(l: Pick<ContainerLimits, "nanoCpus" | "cpuQuota" | "cpuPeriod">): number {
  if (l.nanoCpus > 0) return l.nanoCpus / 1e9;
  if (l.cpuQuota > 0) return l.cpuQuota / (l.cpuPeriod > 0 ? l.cpuPeriod : 100_000);
  return 0;
}

export function summarizeHost(
  hostId: string,
  cpus: number,
  memoryBytes: number,
  rows: QuotaRow[],
): HostQuotaSummary {
  const running = rows.filter((r) => r.state === "running");
  const cpuLimits = running.map((r) => cpuLimit(r.limits));
  const s = {
    hostId,
    cpus,
    memoryBytes,
    cpuLimitSum: cpuLimits.reduce((a, b) => a + b, 0),
    cpuUnlimited: cpuLimits.filter((c) => c === 0).length,
    memoryLimitSum: running.reduce((a, r) => a + r.limits.memory, 0),
    memoryReservationSum: running.reduce((a, r) => a + r.limits.memoryReservation, 0),
    memoryUnlimited: running.filter((r) => r.limits.memory === 0).length,
  };
  return { ...s, overcommitted: { cpu: s.cpuLimitSum > cpus, memory: s.memoryLimitSum > memoryBytes } };
}

/** Usage against a limit: the bar's tone (amber from 80%, red from 95%). */
export function usageTone(used: number, limit: number): "ok" | "warn" | "bad" | "none" {
  if (!(limit > 0)) return "none";
  const r = used / limit;
  return r >= 0.95 ? "bad" : r >= 0.8 ? "warn" : "ok";
}

const num = (v: unknown) => (typeof v === "number" ? v : 0);

/** Every limit from an inspect document's HostConfig, in the resources API's names. */
export function readLimits(hc: Record<string, unknown>): ContainerLimits {
  const rp = (hc.RestartPolicy ?? {}) as { Name?: string; MaximumRetryCount?: number };
  const devices = (key: string) =>
    ((hc[key] as { Path: string; Rate: number }[] | null) ?? []).map((d) => ({ path: d.Path, rate: d.Rate }));
  return {
    cpuShares: num(hc.CpuShares),
    nanoCpus: num(hc.NanoCpus),
    cpuQuota: num(hc.CpuQuota),
    cpuPeriod: num(hc.CpuPeriod),
    cpusetCpus: typeof hc.CpusetCpus === "string" ? hc.CpusetCpus : "",
    cpusetMems: typeof hc.CpusetMems === "string" ? hc.CpusetMems : "",
    memory: num(hc.Memory),
    memoryReservation: num(hc.MemoryReservation),
    memorySwap: num(hc.MemorySwap),
    oomKillDisable: hc.OomKillDisable === true,
    // The engine stores -1 and 0 alike as "no limit"; one spelling keeps comparisons honest.
    pidsLimit: num(hc.PidsLimit) <= 0 ? -1 : num(hc.PidsLimit),
    blkioWeight: num(hc.BlkioWeight),
    blkioDeviceReadBps: devices("BlkioDeviceReadBps"),
    blkioDeviceWriteBps: devices("BlkioDeviceWriteBps"),
    blkioDeviceReadIOps: devices("BlkioDeviceReadIOps"),
    blkioDeviceWriteIOps: devices("BlkioDeviceWriteIOps"),
    restartPolicy: {
      name: (rp.Name || "no") as ContainerLimits["restartPolicy"]["name"],
      maximumRetryCount: rp.MaximumRetryCount ?? 0,
    },
  };
}
