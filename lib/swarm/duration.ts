/** Go durations ("1m30s", "500ms") as the engine's nanoseconds and back: the swarm API counts in ns. */

const UNIT_NS = { h: 3_600e9, m: 60e9, s: 1e9, ms: 1e6, us: 1e3, µs: 1e3, ns: 1 } as const;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g;

/** Nanoseconds of a duration string, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === "0") return 0;
  if (!/^(\d+(?:\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(t)) return undefined;
  let ns = 0;
  for (const m of t.matchAll(PART)) ns += Number(m[1]) * UNIT_NS[m[2] as keyof typeof UNIT_NS];
  return Math.round(ns);
}

/** The shortest Go-style text for a count of nanoseconds ("0s", "250ms", "1m30s"). */
export function formatDuration(ns: number | undefined): string {
  if (!ns) return "0s";
  if (ns < 1e6) return ns % 1e3 === 0 ? `${ns / 1e3}us` : `${ns}ns`;
  if (ns < 1e9) return `${+(ns / 1e6).toFixed(3)}ms`;
  let rest = ns;
  let out = "";
  for (const [unit, size] of [
    ["h", 3_600e9],
    ["m", 60e9],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n) out += `${n}${unit}`;
    rest -= n * size;
  }
  if (rest || !out) out += `${+(rest / 1e9).toFixed(9)}s`;
  return out;
}
