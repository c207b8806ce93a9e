import type { EnvVar } from "@/lib/container-spec/types";

/**
 * Reads pasted `.env` text the way `docker run --env-file` does, plus the quoting people paste
 * from compose files: `KEY=value`, `export KEY=value`, `KEY="quoted"`, comments and blank lines.
 * A line without `=` is reported, not guessed at.
 */
export function parseEnvText(text: string): { env: EnvVar[]; skipped: string[] } {
  const env: EnvVar[] = [];
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(line);
    if (!m) {
      skipped.push(line);
      continue;
    }
    let value = m[2] ?? "";
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, "\n").replace(/\\(["\\])/g, "$1");
    }
    env.push({ key: m[1] ?? "", value });
  }
  return { env, skipped };
}

/** Pasted rows replace rows with the same key and add the rest, in order. */
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
