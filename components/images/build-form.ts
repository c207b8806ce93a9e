import type { FormProblem } from "./problem";
import { checkReference } from "./pull-ref";

/** `KEY=VALUE` lines (blank lines and `#` comments skipped) as build args, or the first bad line. */
export function parseBuildArgs(text: string): { args: Record<string, string> } | { error: FormProblem } {
  const args: Record<string, string> = {};
  for (const [n, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m?.[1]) return { error: { field: "buildArgs", reason: { key: "notKeyValue", line: n + 1 } } };
    args[m[1]] = m[2] ?? "";
  }
  return { args };
}

/** Tags separated by spaces or commas; each must be a valid reference. */
export function parseTags(text: string): { tags: string[] } | { error: FormProblem } {
  const tags = text.split(/[\s,]+/).filter(Boolean);
  for (const t of tags) {
    const problem = checkReference(t, "tags", t);
    if (problem) return { error: problem };
  }
  return { tags };
}
