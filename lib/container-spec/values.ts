/** Exact conversions between the docker CLI's spellings and the engine's integers. */

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** A Go duration ("30s", "1m30s", "1.5s", "500ms") in nanoseconds, as the docker CLI reads them. */
export function parseDuration(input: string): number | undefined {
  const s = input.trim();
  if (s === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    at = re.lastIndex;
  }
  if (at === 0 || at !== s.length) return undefined;
  const n = Math.round(total);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Nanoseconds as the shortest exact Go duration. */
export function formatDuration(ns: number): string {
  for (const [unit, size] of [
    ["h", 3600e9],
    ["m", 60e9],
    ["s", 1e9],
    ["ms", 1e6],
    ["us", 1e3],
  ] as const) {
    if (ns >= size && ns % size === 0) return `${ns / size}${unit}`;
  }
  return `${ns}ns`;
}

/** Bytes as a `docker run` flag value: the largest binary unit that holds them exactly ("64m", "1536k"). Display uses formatBytes. */
export function bytesFlag(n: number): string {
  for (const [unit, size] of [
    ["g", 1024 ** 3],
    ["m", 1024 ** 2],
    ["k", 1024],
  ] as const) {
    if (n >= size && n % size === 0) return `${n / size}${unit}`;
  }
  return String(n);
}

/** NanoCpus as the `--cpus` flag value, without float noise (1500000000 → "1.5"). Display uses formatCpus. */
export function cpusFlag(nanoCpus: number): string {
  const whole = Math.floor(nanoCpus / 1e9);
  const frac = String(nanoCpus % 1e9)
    .padStart(9, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
