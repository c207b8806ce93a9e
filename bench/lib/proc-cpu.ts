import fs from "node:fs";
import { descendants } from "./proc-rss";

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this project runs on. */
const HZ = 100;

/** User plus system CPU time of one process in ms, or undefined when it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / HZ;
  } catch {
    return undefined;
  }
}

/** CPU ms of each process of the trees under `roots`, keyed by pid. */
export function treeCpu(roots: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const root of roots)
    for (const pid of descendants(root)) {
      const ms = cpuMs(pid);
      if (ms !== undefined) out.set(pid, ms);
    }
  return out;
}

/** CPU spent between two readings by the processes present in both. */
export function cpuBetween(a: Map<number, number>, b: Map<number, number>): number {
  let ms = 0;
  for (const [pid, end] of b) {
    const start = a.get(pid);
    if (start !== undefined) ms += end - start;
  }
  return ms;
}
