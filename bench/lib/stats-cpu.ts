import fs from "node:fs";
import path from "node:path";

/** USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const TICKS = 100;

/** utime + stime of one process (all its threads), in seconds; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  // The command name may hold spaces and parentheses: fields are counted after its last ")".
  const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

function cmdline(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return [];
  }
}

function parentOf(pid: number): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

const allPids = () =>
  fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);

/**
 * Every process of one engine: its dockerd (from the pidfile), the containerd it started, and every
 * containerd-shim in that engine's containerd namespace (shims are re-parented, so they are found by
 * the `-namespace` dockerd gave them).
 */
export function enginePids(engineDir: string): { dockerd: number; containerd: number[]; shims: number[] } {
  const dockerd = Number(fs.readFileSync(path.join(engineDir, "docker.pid"), "utf8").trim());
  const args = cmdline(dockerd);
  if (!args.length) throw new Error(`dockerd pid ${dockerd} (${engineDir}) is not running`);
  const nsArg = args.findIndex(
    (a) => a === "--containerd-namespace" || a.startsWith("--containerd-namespace="),
  );
  const ns = nsArg < 0 ? "moby" : args[nsArg]?.includes("=") ? args[nsArg]?.split("=")[1] : args[nsArg + 1];
  const containerd: number[] = [];
  const shims: number[] = [];
  for (const pid of allPids()) {
    const c = cmdline(pid);
    const exe = path.basename(c[0] ?? "");
    if (exe === "containerd" && parentOf(pid) === dockerd) containerd.push(pid);
    if (exe.startsWith("containerd-shim")) {
      const i = c.indexOf("-namespace");
      if (i >= 0 && c[i + 1] === ns) shims.push(pid);
    }
  }
  return { dockerd, containerd, shims };
}

/** CPU seconds of the engine's processes, per process, to diff two readings over a window. */
export function engineCpu(engineDir: string): Map<number, number> {
  const p = enginePids(engineDir);
  const out = new Map<number, number>();
  for (const pid of [p.dockerd, ...p.containerd, ...p.shims]) out.set(pid, processCpuSeconds(pid));
  return out;
}

/** CPU seconds spent between two readings; processes that appeared in between count from zero. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let s = 0;
  for (const [pid, v] of after) s += v - (before.get(pid) ?? 0);
  return s;
}
