/** A service's environment: its `env_file` entries in order, then `environment` on top. */
import type { LoadContext } from "./context";
import { hasStackFile, readStackFile } from "./context";
import { parseEnvFile } from "./env-file";
import { type Path, q } from "./issues";
import type { RawService } from "./raw";
import { listOrDictEntries } from "./values";

export function serviceEnvironment(
  ctx: LoadContext,
  raw: RawService,
  at: Path,
): Record<string, string | null> {
  const env: Record<string, string | null> = {};
  const entries =
    raw.env_file === undefined ? [] : typeof raw.env_file === "string" ? [raw.env_file] : raw.env_file;
  entries.forEach((entry, i) => {
    const { path, required = true } = typeof entry === "string" ? { path: entry } : entry;
    const where = typeof raw.env_file === "string" ? [...at, "env_file"] : [...at, "env_file", i];
    if (!required && !hasStackFile(ctx, path)) return;
    const text = readStackFile(ctx, path, where);
    if (text === undefined) return;
    const parsed = parseEnvFile(text, (name) => ctx.vars[name]);
    for (const issue of parsed.issues)
      ctx.issues.add(where, `${q(path)}, line ${issue.line}: ${issue.message}`);
    for (const name of parsed.unset)
      ctx.warnings.push(`${q(path)}: the variable ${q(name)} is not set; it became ""`);
    Object.assign(env, parsed.vars);
  });
  for (const [key, value] of listOrDictEntries(raw.environment)) env[key] = value;
  return env;
}
