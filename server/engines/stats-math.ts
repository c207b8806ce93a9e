import type { StatsSample } from "../../lib/realtime/events";

/** The parts of the engine's /containers/{id}/stats document that Wharf reads (cgroup v1 and v2 alike). */
export interface EngineCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface EngineMemoryStats {
  usage?: number;
  limit?: number;
  stats?: Record<string, number>;
}

export interface EngineBlkioEntry {
  major?: number;
  minor?: number;
  op?: string;
  value?: number;
}

export interface EngineStats {
  read?: string;
  cpu_stats?: EngineCpuStats;
  precpu_stats?: EngineCpuStats;
  memory_stats?: EngineMemoryStats;
  blkio_stats?: { io_service_bytes_recursive?: EngineBlkioEntry[] | null };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  pids_stats?: { current?: number };
}

/** A sample before rates: what one reading says on its own. */
export type StatsCounters = Omit<StatsSample, "netRxRate" | "netTxRate" | "blkReadRate" | "blkWriteRate">;

/**
 * The docker CLI's CPU percentage (calculateCPUPercentUnix): the container's share of all CPU time
 * that passed on the host, scaled so that one fully busy CPU is 100 %.
 */
export function cpuPercentOf(cpuDeltaNs: number, systemDeltaNs: number, onlineCpus: number): number {
  if (systemDeltaNs > 0 && cpuDeltaNs > 0) return (cpuDeltaNs / systemDeltaNs) * onlineCpus * 100;
  return 0;
}

/**
 * CPU % between two engine readings, or undefined when there is no previous reading to compare with
 * (the first sample of a stream carries an empty precpu_stats).
 */
export function cpuPercent(
  cur: EngineCpuStats | undefined,
  pre: EngineCpuStats | undefined,
): number | undefined {
  if (!cur || !pre?.system_cpu_usage) return undefined;
  const online = cur.online_cpus || cur.cpu_usage?.percpu_usage?.length || 0;
  const cpuDelta = (cur.cpu_usage?.total_usage ?? 0) - (pre.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cur.system_cpu_usage ?? 0) - pre.system_cpu_usage;
  return cpuPercentOf(cpuDelta, systemDelta, online);
}

/**
 * Memory without the page cache, exactly as the docker CLI's calculateMemUsageUnixNoCache: cgroup v1
 * subtracts total_inactive_file, cgroup v2 (which has no total_* keys) subtracts inactive_file, and
 * neither is subtracted when it is not below the usage.
 */
export function memoryUsageNoCache(mem: EngineMemoryStats | undefined): number {
  const usage = mem?.usage ?? 0;
  const stats = mem?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  if (v2 < usage) return usage - v2;
  return usage;
}

/** Read and write bytes as the CLI sums them: every entry whose op starts with r or w, over all devices. */
export function blockIo(entries: readonly EngineBlkioEntry[] | null | undefined): {
  read: number;
  write: number;
} {
  let read = 0;
  let write = 0;
  for (const e of entries ?? []) {
    const c = e.op?.[0];
    if (c === "r" || c === "R") read += e.value ?? 0;
    else if (c === "w" || c === "W") write += e.value ?? 0;
  }
  return { read, write };
}

export function networkTotals(networks: EngineStats["networks"]): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

/** One engine stats document as a sample, or undefined when its CPU % cannot be known yet. */
export function engineSample(
  raw: EngineStats,
  ref: { hostId: string; containerId: string },
  now: number = Date.now(),
): StatsCounters | undefined {
  const cpu = cpuPercent(raw.cpu_stats, raw.precpu_stats);
  return cpu === undefined ? undefined : sampleWithCpu(raw, cpu, ref, now);
}

/** One engine stats document as a sample, with a CPU % worked out by the caller. */
export function sampleWithCpu(
  raw: EngineStats,
  cpu: number,
  ref: { hostId: string; containerId: string },
  now: number = Date.now(),
): StatsCounters {
  const read = raw.read ? Date.parse(raw.read) : NaN;
  const net = networkTotals(raw.networks);
  const blk = blockIo(raw.blkio_stats?.io_service_bytes_recursive);
  return {
    hostId: ref.hostId,
    containerId: ref.containerId,
    ts: Number.isFinite(read) ? read : now,
    cpuPercent: cpu,
    memoryBytes: memoryUsageNoCache(raw.memory_stats),
    memoryLimitBytes: raw.memory_stats?.limit ?? 0,
    netRxBytes: net.rx,
    netTxBytes: net.tx,
    blkReadBytes: blk.read,
    blkWriteBytes: blk.write,
    pids: raw.pids_stats?.current ?? 0,
  };
}

/** Per-second rate of a counter, or undefined when it went backwards (the container restarted). */
function rate(cur: number, prev: number, seconds: number): number | undefined {
  const d = cur - prev;
  return d >= 0 ? Math.round(d / seconds) : undefined;
}

/**
 * Adds network and block I/O rates (whole bytes per second) against the previous sample of the same
 * container, and rounds the CPU % to what a chart can show: samples travel to every viewer, and
 * fifteen digits of a float are most of a sample's size.
 */
export function withRates(cur: StatsCounters, prev: StatsSample | undefined): StatsSample {
  const seconds = prev ? (cur.ts - prev.ts) / 1000 : 0;
  const has = prev !== undefined && seconds > 0;
  // One literal with every field, so that every sample has the same shape (cheaper to build, keep and
  // encode); a rate left undefined is omitted on the wire as an absent one.
  return {
    hostId: cur.hostId,
    containerId: cur.containerId,
    ts: cur.ts,
    cpuPercent: Math.round(cur.cpuPercent * 1000) / 1000,
    memoryBytes: cur.memoryBytes,
    memoryLimitBytes: cur.memoryLimitBytes,
    netRxBytes: cur.netRxBytes,
    netTxBytes: cur.netTxBytes,
    blkReadBytes: cur.blkReadBytes,
    blkWriteBytes: cur.blkWriteBytes,
    pids: cur.pids,
    netRxRate: has ? rate(cur.netRxBytes, prev.netRxBytes, seconds) : undefined,
    netTxRate: has ? rate(cur.netTxBytes, prev.netTxBytes, seconds) : undefined,
    blkReadRate: has ? rate(cur.blkReadBytes, prev.blkReadBytes, seconds) : undefined,
    blkWriteRate: has ? rate(cur.blkWriteBytes, prev.blkWriteBytes, seconds) : undefined,
    mode: undefined,
  };
}

/** The engine reports the machine's memory as the limit of a container that has none; so does Wharf. */
export function clampMemoryLimit(limit: number, machineMemory: number): number {
  if (!Number.isFinite(limit) || limit <= 0) return machineMemory;
  return machineMemory > 0 && limit > machineMemory ? machineMemory : limit;
}
