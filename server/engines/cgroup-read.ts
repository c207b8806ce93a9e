import fs from "node:fs";
import path from "node:path";
import {
  digitsAt,
  keyedValueIn,
  parseBlkioV1,
  parseIoStatV2,
  parseKeyed,
  parseNetDev,
  parseSingle,
} from "./cgroup-parse";
import type { CgroupDirs, CgroupVersion } from "./cgroup-paths";
import { fieldIn } from "../../lib/parse";

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
const MEMORY_KEY_BYTES = MEMORY_KEYS.map((k) => [k, Buffer.from(k)] as const);

const buffer = Buffer.alloc(64 * 1024);

function readFdBytes(fd: number): number {
  let n = 0;
  for (;;) {
    const got = fs.readSync(fd, buffer, n, buffer.length - n, n);
    if (got === 0 || (n += got) >= buffer.length) break;
  }
  return n;
}

function readFd(fd: number): string {
  return buffer.toString("latin1", 0, readFdBytes(fd));
}

/** A file holding one integer and a newline (a usage counter), parsed without making a string of it. */
function singleIn(p: string, n: number): number {
  const v = digitsAt(buffer, 0, n);
  if (v === undefined) {
    throw new Error(`${p}: not a number: "${buffer.toString("latin1", 0, Math.min(n, 40)).trim()}"`);
  }
  return v;
}

/** Reads a small pseudo-file with one open, one read and one close (readFileSync also stats and re-reads). */
export function readSmall(p: string): string {
  return openedOnce(p, readFd);
}

function openedOnce<T>(p: string, read: (fd: number) => T): T {
  const fd = fs.openSync(p, "r");
  try {
    return read(fd);
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
    const fd = this.fd(p);
    return fd === undefined ? readSmall(p) : readFd(fd);
  }

  /** Reads into the shared read buffer (valid until the next read) and returns the byte count. */
  readBytes(p: string): number {
    const fd = this.fd(p);
    return fd === undefined ? openedOnce(p, readFdBytes) : readFdBytes(fd);
  }

  /** The kept descriptor, or undefined when the process is short of them. */
  private fd(p: string): number | undefined {
    let fd = this.fds.get(p);
    if (fd === undefined) {
      try {
        fd = fs.openSync(p, "r");
      } catch (err) {
        if (fieldIn(err, "code") === "EMFILE") return undefined;
        throw err;
      }
      this.fds.set(p, fd);
    }
    return fd;
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

/** Of a v1 container's blkio files, in V1_BLKIO_FILES order, the first that lists entries (else the last). */
function chooseBlkioV1(candidates: readonly string[]): string {
  for (const p of candidates.slice(0, -1)) {
    try {
      if (parseBlkioV1(readSmall(p)).entries > 0) return p;
    } catch {
      // Not this kernel's I/O scheduler.
    }
  }
  const last = candidates.at(-1);
  if (last === undefined) throw new Error("no blkio file to read");
  return last;
}

/** One container's counters, read as often as asked with as few system calls as the kernel allows. */
export class CounterReader {
  private readonly open = new OpenFiles();
  private readings = 0;
  private memoryLimit = NaN;
  private blkio: string;
  private readonly blkioV1: readonly string[];
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
    this.blkioV1 = V1_BLKIO_FILES.map((f) => path.join(dirs.blkio, f));
    this.blkio = path.join(dirs.blkio, v2 ? "io.stat" : V1_BLKIO_FILES[2]);
  }

  /** Throws when a required file is missing (the container stopped, or its cgroup is gone). */
  read(): CgroupCounters {
    const p = this.paths;
    const v2 = this.files.version === 2;
    if (this.readings++ % REFRESH_EVERY === 0) {
      this.memoryLimit = parseSingle(readSmall(p.limit));
      if (!v2) this.blkio = chooseBlkioV1(this.blkioV1);
    }
    const cpuNs = v2
      ? (parseKeyed(this.open.read(p.cpu), ["usage_usec"]).usage_usec ?? NaN) * 1000
      : singleIn(p.cpu, this.open.readBytes(p.cpu));
    if (!Number.isFinite(cpuNs)) throw new Error(`${p.cpu}: no CPU usage counter`);
    const blk = v2 ? parseIoStatV2(this.optional(this.blkio)) : parseBlkioV1(this.optional(this.blkio));
    const net = p.net === undefined ? { rx: 0, tx: 0 } : parseNetDev(this.open.read(p.net));
    const memoryUsage = singleIn(p.usage, this.open.readBytes(p.usage));
    const statBytes = this.open.readBytes(p.stat);
    const memoryStats: Record<string, number> = {};
    for (const [key, bytes] of MEMORY_KEY_BYTES) {
      const v = keyedValueIn(buffer, statBytes, bytes);
      if (v !== undefined) memoryStats[key] = v;
    }
    return {
      cpuNs,
      memoryUsage,
      memoryStats,
      memoryLimit: this.memoryLimit,
      pids: singleIn(p.pids, this.open.readBytes(p.pids)),
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
