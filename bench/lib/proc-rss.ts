import fs from "node:fs";

export interface ProcRss {
  pid: number;
  /** The command line, shortened for the report. */
  command: string;
  rssKiB: number;
}

/** The parent pid from /proc/<pid>/stat; the command name may hold spaces and parentheses. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[1]);
  } catch {
    return undefined; // gone meanwhile
  }
}

/** `root` and every process below it, found from the parent pids of all processes. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const todo = [root];
  for (let pid = todo.pop(); pid !== undefined; pid = todo.pop()) {
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

function shorten(cmdline: string, root: string): string {
  const s = cmdline.replaceAll(`${root}/`, "").trim();
  return s.length > 90 ? `${s.slice(0, 87)}...` : s;
}

/**
 * VmRSS of `root` and all its descendants. Shared pages (the node binary, mapped libraries) count
 * once per process, as `ps` and `top` count them: the figure an operator sees.
 */
export function treeRss(root: number, repoRoot: string): ProcRss[] {
  const out: ProcRss[] = [];
  for (const pid of descendants(root)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const m = /^VmRSS:\s+(\d+) kB$/m.exec(status);
      if (!m) continue; // a zombie or a kernel thread has no memory of its own
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      out.push({ pid, command: shorten(cmdline, repoRoot), rssKiB: Number(m[1]) });
    } catch {
      // exited between the listing and the read
    }
  }
  return out;
}

export const sumKiB = (procs: readonly ProcRss[]) => procs.reduce((n, p) => n + p.rssKiB, 0);
export const mib = (kib: number) => (kib / 1024).toFixed(1);
