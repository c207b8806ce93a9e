import fs from "node:fs";
import path from "node:path";
import {
  cgroupDirs,
  containerCgroupPath,
  parseProcCgroup,
  type CgroupDriver,
  type CgroupVersion,
} from "./cgroup-paths";
import { readCounters, type CgroupCounters, type CounterFiles } from "./cgroup-read";
import { clampMemoryLimit, cpuPercentOf, memoryUsageNoCache, type StatsCounters } from "./stats-math";

/** What Wharf needs to know about an engine that runs on its own machine. */
export interface LocalEngine {
  version: CgroupVersion;
  driver: CgroupDriver;
  /** The engine's MemTotal: the limit it reports for a container that has none. */
  machineMemory: number;
  cgroupRoot: string;
  procRoot: string;
}

/** The fields of a container's inspect document that locate its counters. */
export interface InspectForCgroup {
  Id?: string | null;
  State?: { Running?: boolean | null; Pid?: number | null } | null;
  HostConfig?: { CgroupParent?: string | null; NetworkMode?: string | null } | null;
  Config?: { NetworkDisabled?: boolean | null } | null;
}

/**
 * Finds a running container's counter files and proves they are its own by reading them once, and that
 * its pid is in this pid namespace (its /proc/<pid>/cgroup names the container). Throws the reason
 * when the counters cannot be read here, which means: use the engine's stream instead.
 */
export function resolveCounterFiles(engine: LocalEngine, inspect: InspectForCgroup): CounterFiles {
  const id = inspect.Id ?? "";
  const rel = containerCgroupPath(id, engine.driver, inspect.HostConfig?.CgroupParent ?? undefined);
  if (!rel) throw new Error(`no cgroup path for container ${id.slice(0, 12)} (${engine.driver})`);
  const pid = inspect.State?.Pid;
  if (!inspect.State?.Running || !pid) throw new Error(`container ${id.slice(0, 12)} is not running`);
  const own = fs.readFileSync(path.join(engine.procRoot, String(pid), "cgroup"), "utf8");
  const paths = [...parseProcCgroup(own).values()];
  if (!paths.some((p) => p.includes(id))) {
    throw new Error(`pid ${pid} is not container ${id.slice(0, 12)} here (another pid namespace)`);
  }
  // The engine reports no network counters for host networking (no sandbox of its own) nor for none
  // (a sandbox with loopback only), so neither is read.
  const mode = inspect.HostConfig?.NetworkMode ?? "";
  const noNetwork = mode === "host" || mode === "none" || inspect.Config?.NetworkDisabled === true;
  const files: CounterFiles = {
    version: engine.version,
    dirs: cgroupDirs(engine.cgroupRoot, engine.version, rel),
    netPid: noNetwork ? undefined : pid,
    procRoot: engine.procRoot,
  };
  readCounters(files);
  return files;
}

/** A reading plus the host's CPU time at that moment, so the next one can compute a CPU %. */
export interface LocalReading {
  counters: CgroupCounters;
  systemNs: number;
  onlineCpus: number;
  ts: number;
}

/** A sample from two readings of the same container, with the engine's own formulas. */
export function localSample(
  ref: { hostId: string; containerId: string },
  cur: LocalReading,
  prev: LocalReading,
  machineMemory: number,
): StatsCounters {
  const c = cur.counters;
  return {
    hostId: ref.hostId,
    containerId: ref.containerId,
    ts: cur.ts,
    cpuPercent: cpuPercentOf(c.cpuNs - prev.counters.cpuNs, cur.systemNs - prev.systemNs, cur.onlineCpus),
    memoryBytes: memoryUsageNoCache({ usage: c.memoryUsage, stats: c.memoryStats }),
    memoryLimitBytes: clampMemoryLimit(c.memoryLimit, machineMemory),
    netRxBytes: c.netRx,
    netTxBytes: c.netTx,
    blkReadBytes: c.blkRead,
    blkWriteBytes: c.blkWrite,
    pids: c.pids,
  };
}
