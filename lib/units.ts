/** Human units for limits, shared by the quota editor and the API's validation. */

const MEM_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** "512m", "1.5g", "1048576" → bytes, as the docker CLI reads them (binary units). */
export function parseBytes(input: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(input);
  if (!m) return undefined;
  const unit = MEM_UNITS[(m[2] ?? "").toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function formatLimitBytes(n: number): string {
  if (n <= 0) return "unlimited";
  for (const [unit, size] of [
    ["g", 1024 ** 3],
    ["m", 1024 ** 2],
    ["k", 1024],
  ] as const) {
    if (n >= size && n % (size / 1024) === 0) return `${+(n / size).toFixed(2)}${unit}`;
  }
  return `${n}b`;
}

/** "1.5" CPUs → NanoCpus, as `docker update --cpus`. */
export function parseCpus(input: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(input);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * 1e9);
}

export function formatCpus(nanoCpus: number): string {
  return nanoCpus > 0 ? `${+(nanoCpus / 1e9).toFixed(3)}` : "unlimited";
}

/** The CPUs a cpuset names ("0-2,4" → [0,1,2,4]), or undefined when malformed. */
export function parseCpuset(input: string): number[] | undefined {
  if (input === "") return [];
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(input)) return undefined;
  const out = new Set<number>();
  for (const part of input.split(",")) {
    const [a, b] = part.split("-").map(Number) as [number, number | undefined];
    const end = b ?? a;
    if (end < a || end - a > 4096) return undefined;
    for (let i = a; i <= end; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}
