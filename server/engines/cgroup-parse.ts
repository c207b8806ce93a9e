/**
 * Parsers of the cgroup and /proc files local cgroup mode reads. They run for every subscribed
 * container every second, so they scan with indexOf instead of splitting and pick only what is asked.
 */

/**
 * Flat keyed files such as memory.stat and cpu.stat: one `key value` pair a line. With `keys`, only
 * those are parsed (memory.stat has some 40 lines, of which the memory formula needs one).
 */
export function parseKeyed(text: string, keys?: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const sp = text.indexOf(" ", start);
    if (sp > start && sp < end) {
      const key = text.slice(start, sp);
      if (!keys || keys.includes(key)) {
        const v = Number(text.slice(sp + 1, end));
        if (Number.isFinite(v)) out[key] = v;
      }
    }
    start = end + 1;
  }
  return out;
}

/** A single-value file; "max" (v2's "no limit") is Infinity. */
export function parseSingle(text: string): number {
  const t = text.trim();
  if (t === "max") return Infinity;
  const v = Number(t);
  if (t === "" || !Number.isFinite(v)) throw new Error(`not a number: "${t.slice(0, 40)}"`);
  return v;
}

/** v1 blkio.*io_service_bytes_recursive: `8:0 Read 4096` lines plus a `Total` line. */
export function parseBlkioV1(text: string): { read: number; write: number; entries: number } {
  let read = 0;
  let write = 0;
  let entries = 0;
  for (const line of text.split("\n")) {
    const [dev, op, value] = line.trim().split(/\s+/);
    if (op === undefined || dev === "Total") continue;
    entries++;
    if (op === "Read") read += Number(value) || 0;
    else if (op === "Write") write += Number(value) || 0;
  }
  return { read, write, entries };
}

/** v2 io.stat: `8:0 rbytes=4096 wbytes=0 rios=1 wios=0 dbytes=0 dios=0` per device. */
export function parseIoStatV2(text: string): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const m of text.matchAll(/\b([rw])bytes=(\d+)/g)) {
    if (m[1] === "r") read += Number(m[2]);
    else write += Number(m[2]);
  }
  return { read, write };
}

/** Linux's USER_HZ, which /proc/stat counts in; 100 on every mainstream architecture, as dockerd assumes. */
export const CLOCK_TICKS = 100;

/**
 * Host CPU time as dockerd computes system_cpu_usage (the first seven fields of the `cpu` line, in ns),
 * and the online CPUs (the `cpuN` lines).
 */
export function parseProcStat(text: string): { systemNs: number; onlineCpus: number } {
  let systemNs = NaN;
  let onlineCpus = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith("cpu")) continue;
    const fields = line.trim().split(/\s+/);
    if (fields[0] === "cpu") {
      const ticks = fields.slice(1, 8).reduce((sum, f) => sum + Number(f), 0);
      systemNs = (ticks * 1e9) / CLOCK_TICKS;
    } else if (/^cpu\d+$/.test(fields[0] ?? "")) onlineCpus++;
  }
  if (!Number.isFinite(systemNs)) throw new Error("/proc/stat has no cpu line");
  return { systemNs, onlineCpus };
}

/** /proc/<pid>/net/dev, summed over every interface but loopback, as the engine counts a sandbox. */
export function parseNetDev(text: string): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  // Two header lines, then `  name: rx_bytes rx_packets … (8 rx fields) tx_bytes …`.
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0 || line.slice(0, colon).trim() === "lo") continue;
    const f = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/);
    if (f.length < 9) continue;
    rx += Number(f[0]) || 0;
    tx += Number(f[8]) || 0;
  }
  return { rx, tx };
}
