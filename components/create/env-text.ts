import type { EnvVar } from "@/lib/container-spec/types";

/** Pasted rows replace rows with the same key and add the rest, in order; blank rows are dropped. */
export function mergeEnv(current: EnvVar[], added: EnvVar[]): EnvVar[] {
  const byKey = new Map(added.map((e) => [e.key, e]));
  const kept = current
    .filter((e) => e.key.trim() || e.value)
    .map((e) => {
      const n = byKey.get(e.key);
      if (n) byKey.delete(e.key);
      return n ?? e;
    });
  return [...kept, ...added.filter((e) => byKey.has(e.key))];
}
