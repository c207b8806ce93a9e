import type { LogEntry } from "./log-buffer";

export interface CompiledSearch {
  re?: RegExp;
  error?: string;
}

/**
 * A search as a global regular expression. Smart case: case-insensitive unless the query has a
 * capital letter. An invalid expression is reported, not thrown.
 */
export function compileSearch(query: string): CompiledSearch {
  if (!query) return {};
  try {
    return { re: new RegExp(query, /[A-Z]/.test(query) ? "g" : "gi") };
  } catch (e) {
    return { error: e instanceof Error ? e.message.replace(/^Invalid regular expression: /, "") : String(e) };
  }
}

/** Where a line matches, as [start, end) pairs; empty matches are skipped, and a line yields at most `max`. */
export function matchRanges(text: string, re: RegExp | undefined, max = 200): [number, number][] {
  if (!re) return [];
  const out: [number, number][] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < max && (m = re.exec(text))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function entryMatches(e: LogEntry, re: RegExp): boolean {
  if (e.kind !== "line") return false;
  re.lastIndex = 0;
  return re.test(e.plain);
}

/** The next (dir 1) or previous (dir -1) matching row after `from`, wrapping around; -1 when none. */
export function findMatch(
  rows: readonly LogEntry[],
  re: RegExp | undefined,
  from: number,
  dir: 1 | -1,
): number {
  if (!re || !rows.length) return -1;
  const n = rows.length;
  const start = from < 0 ? (dir === 1 ? -1 : n) : from;
  for (let k = 1; k <= n; k++) {
    const i = (((start + dir * k) % n) + n) % n;
    if (entryMatches(rows[i] as LogEntry, re)) return i;
  }
  return -1;
}

/** Splits text into pieces, marking those inside a match range. */
export function splitByRanges(
  text: string,
  offset: number,
  ranges: readonly [number, number][],
): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    const a = Math.max(0, s - offset);
    const b = Math.min(text.length, e - offset);
    if (b <= a || a < at) continue;
    if (a > at) out.push({ text: text.slice(at, a), hit: false });
    out.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
