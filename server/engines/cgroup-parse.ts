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
  if (keys) {
    for (const key of keys) {
      const v = keyedValue(text, key);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const sp = text.indexOf(" ", start);
    if (sp > start && sp < end) {
      const v = Number(text.slice(sp + 1, end));
      if (Number.isFinite(v)) out[text.slice(start, sp)] = v;
    }
    start = end + 1;
  }
  return out;
}

/** The value on the line that starts with `key `, found without cutting the file into lines. */
function keyedValue(text: string, key: string): number | undefined {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const end = at + key.length;
    if ((at > 0 && text.charCodeAt(at - 1) !== NL) || text.charCodeAt(end) !== SPACE) continue;
    let stop = text.indexOf("\n", end);
    if (stop < 0) stop = text.length;
    const v = Number(text.slice(end + 1, stop));
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

/**
 * The same for a file still in the read buffer, `n` bytes long, with the keys given as bytes: the
 * largest file read every second (memory.stat) is then never turned into a string.
 */
export function keyedValueIn(buf: Buffer, n: number, key: Buffer): number | undefined {
  for (let at = buf.indexOf(key); at >= 0 && at < n; at = buf.indexOf(key, at + 1)) {
    const end = at + key.length;
    if ((at > 0 && buf[at - 1] !== NL) || end >= n || buf[end] !== SPACE) continue;
    return digitsAt(buf, end + 1, n);
  }
  return undefined;
}

/** A decimal integer at `from` (the counters are integers), or undefined when none is there. */
export function digitsAt(buf: Buffer, from: number, n: number): number | undefined {
  let v = 0;
  let i = from;
  for (; i < n; i++) {
    const c = buf[i];
    if (c === undefined || c < ZERO || c > NINE) break;
    v = v * 10 + (c - ZERO);
  }
  return i > from ? v : undefined;
}

const NL = 10;
const SPACE = 32;
const ZERO = 48;
const NINE = 57;

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
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    while (text.charCodeAt(start) === SPACE) start++;
    const a = text.indexOf(" ", start);
    if (a > start && a < end && !(a - start === 5 && text.startsWith("Total", start))) {
      entries++;
      const b = text.indexOf(" ", a + 1);
      const opEnd = b > a && b < end ? b : end;
      const op = opEnd - a - 1;
      if (op === 4 && text.startsWith("Read", a + 1)) read += Number(text.slice(opEnd + 1, end)) || 0;
      else if (op === 5 && text.startsWith("Write", a + 1)) write += Number(text.slice(opEnd + 1, end)) || 0;
    }
    start = end + 1;
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
