/** Go-style durations as the healthcheck flags take them ("30s", "1m30s", "500ms"), in nanoseconds. */
const UNIT = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 } as const;

export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (!t) return 0;
  if (/^\d+$/.test(t)) return Number(t) * 1e9;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNIT[m[2] as keyof typeof UNIT];
    end = re.lastIndex;
  }
  return end === t.length ? Math.round(total) : undefined;
}

export function formatDuration(ns: number): string {
  if (!ns) return "";
  if (ns % 3600e9 === 0) return `${ns / 3600e9}h`;
  if (ns % 60e9 === 0) return `${ns / 60e9}m`;
  if (ns % 1e9 === 0) return `${ns / 1e9}s`;
  if (ns % 1e6 === 0) return `${ns / 1e6}ms`;
  return `${ns}ns`;
}
