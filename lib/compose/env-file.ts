/**
 * `.env` and `env_file` text: KEY=VALUE lines, `#` comments, an optional `export ` prefix, single
 * quotes (literal), double quotes (escapes, may span lines) and unquoted values (trailing ` #…`
 * comment dropped). Unquoted and double-quoted values expand `${VAR}` from the keys above them,
 * then from `fallback`, as compose does.
 */
import { InterpolationError, interpolateString, type Lookup } from "./interpolate";
import { q } from "./issues";

export interface EnvFile {
  vars: Record<string, string>;
  /** Problems by 1-based line. */
  issues: { line: number; message: string }[];
  /** Variables referenced while unset. */
  unset: string[];
}

const ENTRY = /^(?:export[ \t]+)?([^\s=]+)[ \t]*(?:=[ \t]*([\s\S]*))?$/;
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const DQ_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\", $: "$$" };

export function parseEnvFile(text: string, fallback?: Lookup): EnvFile {
  const vars: Record<string, string> = {};
  const issues: EnvFile["issues"] = [];
  const unset = new Set<string>();
  const lookup: Lookup = (name) => (Object.hasOwn(vars, name) ? vars[name] : fallback?.(name));
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const trimmed = (lines[n] as string).trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const m = ENTRY.exec(trimmed);
    const key = m?.[1];
    if (!m || key === undefined || !VALID_NAME.test(key)) {
      const message =
        key === undefined
          ? `cannot read ${q(trimmed)}; expected KEY=VALUE`
          : `${q(key)} is not a valid variable name`;
      issues.push({ line: lineNo, message });
      continue;
    }
    const rawValue = m[2];
    if (rawValue === undefined) {
      // A bare KEY takes its value from the surrounding variables, and is skipped when they lack it.
      const v = fallback?.(key);
      if (v !== undefined) vars[key] = v;
      continue;
    }
    const quote = rawValue[0];
    let value: string;
    let expand = true;
    if (quote === "'" || quote === '"') {
      // A quoted value may continue on the following lines until its closing quote.
      let body = rawValue.slice(1);
      let close = closingQuote(body, quote);
      while (close < 0 && n + 1 < lines.length) {
        n++;
        body += "\n" + (lines[n] as string);
        close = closingQuote(body, quote);
      }
      if (close < 0) {
        issues.push({
          line: lineNo,
          message: `the ${quote === "'" ? "single" : "double"} quote is not closed`,
        });
        continue;
      }
      const after = body.slice(close + 1).trim();
      if (after !== "" && !after.startsWith("#")) {
        issues.push({ line: lineNo, message: `unexpected ${q(after)} after the closing quote` });
        continue;
      }
      body = body.slice(0, close);
      expand = quote === '"';
      value = quote === '"' ? body.replace(/\\(.)/g, (s, c: string) => DQ_ESCAPES[c] ?? s) : body;
    } else {
      value = rawValue.replace(/[ \t]+#.*$/, "").trim();
    }
    if (expand) {
      try {
        value = interpolateString(value, lookup, unset);
      } catch (e) {
        if (!(e instanceof InterpolationError)) throw e;
        issues.push({ line: lineNo, message: e.message });
        continue;
      }
    }
    vars[key] = value;
  }
  return { vars, issues, unset: [...unset] };
}

/** Index of the unescaped closing quote in `body`, or -1. */
function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === "\\") i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}
