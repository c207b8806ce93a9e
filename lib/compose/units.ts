/** Compose's size and duration strings, read as docker's go-units and Go's time package read them. */

const BINARY_PREFIX: Record<string, number> = {
  "": 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

// go-units RAMInBytes: a decimal number, an optional space, then k/m/g/t/p, an optional "i" and "b".
const BYTE_SIZE = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i;

/** "48m", "1g", "512M", "1.5gb", 1024 → bytes (binary units, truncated like go-units); undefined when malformed. */
export function parseByteSize(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const m = BYTE_SIZE.exec(value.trim());
  if (!m) return undefined;
  const bytes = Math.trunc(Number(m[1]) * (BINARY_PREFIX[(m[2] ?? "").toLowerCase()] ?? 1));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

const NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Go's time.ParseDuration for non-negative values: "1m30s", "10s", "500ms", "1.5h" → nanoseconds. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < s.length) {
    const m = DURATION_PART.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * (NANOS[m[2] as string] ?? 0);
  }
  const ns = Math.round(total);
  return Number.isSafeInteger(ns) ? ns : undefined;
}

/** "0755", "1777" or a number → file mode bits; undefined when not octal. */
export function parseFileMode(value: string | number): number | undefined {
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 0 && value <= 0o7777 ? value : undefined;
  const m = /^(?:0o?)?([0-7]{1,4})$/.exec(value.trim());
  return m ? parseInt(m[1] as string, 8) : undefined;
}
