/** Sorting and searching shared by the volume and network tables: pure, so it is unit-tested. */
export interface SortState<K extends string> {
  sort: K;
  dir: "asc" | "desc";
  q: string;
}

/** A click on a column: the same column flips its direction; another starts at `first` (ascending by default). */
export function nextSort<K extends string>(
  s: SortState<K>,
  key: K,
  first: SortState<K>["dir"] = "asc",
): SortState<K> {
  return { ...s, sort: key, dir: s.sort === key ? (s.dir === "asc" ? "desc" : "asc") : first };
}

/** Every whitespace-separated term must appear in one of the row's texts (case-insensitive). */
export function matchesQuery(texts: readonly string[], q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return true;
  const hay = texts.join("\n").toLowerCase();
  return terms.every((t) => hay.includes(t));
}

/** Numbers compare numerically (unknown, -1, sorts last ascending), strings naturally. */
export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

export function sortAndFilter<T, K extends string>(
  items: readonly T[],
  s: SortState<K>,
  texts: (t: T) => readonly string[],
  value: (t: T, key: K) => string | number,
): T[] {
  const sign = s.dir === "desc" ? -1 : 1;
  return items
    .filter((t) => matchesQuery(texts(t), s.q))
    .sort((a, b) => sign * compareValues(value(a, s.sort), value(b, s.sort)));
}
