/** A line diff of two texts (Myers' algorithm), for comparing a stack's revisions. */

export interface DiffLine {
  kind: "same" | "add" | "del";
  text: string;
  /** 1-based line in the old text, for "same" and "del". */
  a?: number;
  /** 1-based line in the new text, for "same" and "add". */
  b?: number;
}

/** A run of unchanged lines left out of a hunked diff. */
export interface DiffSkip {
  kind: "skip";
  count: number;
}

/** Beyond this many changed lines the diff gives up on pairing and shows old out, new in. */
export const MAX_EDITS = 2000;

/** Lines of a text; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The shortest edit path from `a` to `b` as kept/removed/added lines, or undefined past `MAX_EDITS`. */
function myers(a: readonly string[], b: readonly string[]): DiffLine[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // The frontier before each round d, only the diagonals that round reads (-d-1 … d+1).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0));
      let x = down ? (v[off + k + 1] ?? 0) : (v[off + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[]): DiffLine[] {
  const out: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d] as Int32Array;
    const at = (k: number) => row[k + d + 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ kind: "same", text: a[x - 1] ?? "", a: x, b: y });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) out.push({ kind: "add", text: b[y - 1] ?? "", b: y });
      else out.push({ kind: "del", text: a[x - 1] ?? "", a: x });
    }
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}

/** Every line of both texts, each marked kept, removed (old only) or added (new only). */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const shift = (l: DiffLine): DiffLine => ({
    ...l,
    ...(l.a !== undefined ? { a: l.a + start } : {}),
    ...(l.b !== undefined ? { b: l.b + start } : {}),
  });
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB) ?? [
    ...middleA.map((text, i): DiffLine => ({ kind: "del", text, a: i + 1 })),
    ...middleB.map((text, i): DiffLine => ({ kind: "add", text, b: i + 1 })),
  ];
  return [
    ...a.slice(0, start).map((text, i): DiffLine => ({ kind: "same", text, a: i + 1, b: i + 1 })),
    ...middle.map(shift),
    ...a.slice(endA).map((text, i): DiffLine => ({
      kind: "same",
      text,
      a: endA + i + 1,
      b: endB + i + 1,
    })),
  ];
}

/** The changed lines with `context` kept lines around each change; longer kept runs are folded. */
export function diffHunks(lines: readonly DiffLine[], context = 3): (DiffLine | DiffSkip)[] {
  const near = new Array<boolean>(lines.length).fill(false);
  lines.forEach((l, i) => {
    if (l.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
  });
  const out: (DiffLine | DiffSkip)[] = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (near[i]) {
      if (skipped) out.push({ kind: "skip", count: skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped) out.push({ kind: "skip", count: skipped });
  return out;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.kind === "add") added++;
    else if (l.kind === "del") removed++;
  }
  return { added, removed };
}
