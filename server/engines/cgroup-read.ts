import fs from "node:fs";
import path from "node:path";
import { parseBlkioV1, parseIoStatV2, parseKeyed, parseNetDev, parseSingle } from "./cgroup-parse";
import type { CgroupDirs, CgroupVersion } from "./cgroup-paths";

/** One reading of a container's counters, in the engine's units. */
export interface CgroupCounters {
  cpuNs: number;
  memoryUsage: number;
  /** Only the memory.stat keys the no-cache formula needs. */
  memoryStats: Record<string, number>;
  memoryLimit: number;
  pids: number;
  blkRead: number;
  blkWrite: number;
  netRx: number;
  netTx: number;
}

export interface CounterFiles {
  version: CgroupVersion;
  dirs: CgroupDirs;
  /** A pid inside the container's network namespace, or undefined to report no network (none/host mode). */
  netPid?: number;
  procRoot?: string;
}

/** What rarely changes (the memory limit, which v1 blkio file counts) is re-read every this many readings. */
export const REFRESH_EVERY = 10;

const MEMORY_KEYS = ["total_inactive_file", "inactive_file"] as const;

const buffer = Buffer.alloc(64 * 1024);

function readFd(fd: number): string {
  let n = 0;
  for (;;) {
    const got = fs.readSync(fd, buffer, n, buffer.length - n, n);
    if (got === 0 || (n += got) >= buffer.length) break;
  }
  return buffer.toString("latin1", 0, n);
}

/** Reads a small pseudo-file with one open, one read and one close (readFileSync also stats and re-reads). */
export function readSmall(p: string): string {
  const fd = fs.openSync(p, "r");
  try {
    return readFd(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Pseudo-files kept open and re-read from offset 0, which makes the kernel generate them afresh:
 * a quarter of the cost of opening them every second. Falls back to opening each time when the
 * process is short of file descriptors.
 */
export class OpenFiles {
  private readonly fds = new Map<string, number>();

  read(p: string): string {
    let fd = this.fds.get(p);
    if (fd === undefined) {
      try {
        fd = fs.openSync(p, "r");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EMFILE") return readSmall(p);
        throw err;
      }
      this.fds.set(p, fd);
    }
    return readFd(fd);
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}

/**
 * v1 has io_service_bytes in several files; like runc, Wharf takes BFQ's, then CFQ's, when they list
 * entries, else the throttle layer's.
 */
const V1_BLKIO_FILES = [
  "blkio.bfq.io_service_bytes_recursive",
  "blkio.io_service_bytes_recursive",
  "blkio.throttle.io_service_bytes_recursive",
] as const;

function chooseBlkioV1(dir: string): string {
  for (const f of V1_BLKIO_FILES.slice(0, -1)) {
    try {
      if (parseBlkioV1(readSmall(path.join(dir, f))).entries > 0) return f;
    } catch {
      // Not this kernel's I/O scheduler.
    }
  }
  return V1_BLKIO_FILES[2];
}

/** One container's counters, read as often as asked with as few system calls as the kernel allows. */
export class CounterReader {
  private readonly open = new OpenFiles();
  private readings = 0;
  private memoryLimit = NaN;
  private blkio: string;
  private readonly paths: {
    cpu: string;
    usage: string;
    stat: string;
    limit: string;
    pids: string;
    net?: string;
  };

  constructor(readonly files: CounterFiles) {
    const { dirs } = files;
    const v2 = files.version === 2;
    this.paths = {
      cpu: path.join(dirs.cpuacct, v2 ? "cpu.stat" : "cpuacct.usage"),
      usage: path.join(dirs.memory, v2 ? "memory.current" : "memory.usage_in_bytes"),
      stat: path.join(dirs.memory, "memory.stat"),
      limit: path.join(dirs.memory, v2 ? "memory.max" : "memory.limit_in_bytes"),
      pids: path.join(dirs.pids, "pids.current"),
      net:
        files.netPid === undefined
          ? undefined
          : path.join(files.procRoot ?? "/proc", String(files.netPid), "net/dev"),
    };
    this.blkio = path.join(dirs.blkio, v2 ? "io.stat" : V1_BLKIO_FILES[2]);
  }

  /** Throws when a required file is missing (the container stopped, or its cgroup is gone). */
  read(): CgroupCounters {
    const p = this.paths;
    const v2 = this.files.version === 2;
    if (this.readings++ % REFRESH_EVERY === 0) {
      this.memoryLimit = parseSingle(readSmall(p.limit));
      if (!v2) this.blkio = path.join(this.files.dirs.blkio, chooseBlkioV1(this.files.dirs.blkio));
    }
    const cpuNs = v2
      ? (parseKeyed(this.open.read(p.cpu), ["usage_usec"]).usage_usec ?? NaN) * 1000
      : parseSingle(this.open.read(p.cpu));
    if (!Number.isFinite(cpuNs)) throw new Error(`${p.cpu}: no CPU usage counter`);
    const blk = v2 ? parseIoStatV2(this.optional(this.blkio)) : parseBlkioV1(this.optional(this.blkio));
    const net = p.net === undefined ? { rx: 0, tx: 0 } : parseNetDev(this.open.read(p.net));
    return {
      cpuNs,
      memoryUsage: parseSingle(this.open.read(p.usage)),
      memoryStats: parseKeyed(this.open.read(p.stat), MEMORY_KEYS),
      memoryLimit: this.memoryLimit,
      pids: parseSingle(this.open.read(p.pids)),
      blkRead: blk.read,
      blkWrite: blk.write,
      netRx: net.rx,
      netTx: net.tx,
    };
  }

  close(): void {
    this.open.close();
  }

  /** io.stat is absent when the io controller is not enabled for the subtree; the engine then reports none. */
  private optional(p: string): string {
    try {
      return this.open.read(p);
    } catch {
      return "";
    }
  }
}

/** One reading, without keeping anything open. */
export function readCounters(f: CounterFiles): CgroupCounters {
  const r = new CounterReader(f);
  try {
    return r.read();
  } finally {
    r.close();
  }
}
