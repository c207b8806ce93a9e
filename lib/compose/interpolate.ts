/**
 * Compose's variable interpolation: `$VAR`, `${VAR}`, the `:-` `-` `:?` `?` `:+` `+` forms (nested
 * values allowed) and `$$` for a literal `$`. Variables come only from the lookup given, never from
 * the server's own environment.
 */
import { type Issues, type PathSegment, q } from "./issues";

export type Lookup = (name: string) => string | undefined;

export class InterpolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InterpolationError";
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/;

/** Expands one string. Names read but unset (and not defaulted) are added to `unset`. */
export function interpolateString(text: string, lookup: Lookup, unset: Set<string>): string {
  if (!text.includes("$")) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
    } else if (next === "{") {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new InterpolationError(`${q(text.slice(i))} has no closing "}"`);
      out += braced(text.slice(i + 2, end), lookup, unset);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (name === undefined) {
        throw new InterpolationError(`invalid "$" in ${q(text)}: write "$$" for a literal "$"`);
      }
      out += variable(name, lookup, unset);
      i += 1 + name.length;
    }
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "{") depth++;
    else if (text[j] === "}" && --depth === 0) return j;
  }
  return -1;
}

function variable(name: string, lookup: Lookup, unset: Set<string>): string {
  const value = lookup(name);
  if (value === undefined) unset.add(name);
  return value ?? "";
}

function braced(inner: string, lookup: Lookup, unset: Set<string>): string {
  const m = BRACED.exec(inner);
  if (!m) throw new InterpolationError(`invalid variable reference ${q("${" + inner + "}")}`);
  const name = m[1] as string;
  const op = m[2];
  if (op === undefined) return variable(name, lookup, unset);
  // The rest is expanded only when used, so an unused default names no unset variable.
  const rest = () => interpolateString(m[3] ?? "", lookup, unset);
  const value = lookup(name);
  const set = value !== undefined && (value !== "" || !op.startsWith(":"));
  switch (op) {
    case ":-":
    case "-":
      return set ? value : rest();
    case ":?":
    case "?": {
      if (set) return value;
      const why = rest();
      throw new InterpolationError(`required variable ${q(name)} is missing a value${why ? `: ${why}` : ""}`);
    }
    default:
      return set ? rest() : "";
  }
}

/**
 * Expands every string value of a parsed document (keys stay as written). Problems go to `issues`
 * at the value's path; names read while unset go to `unset`.
 */
export function interpolateTree(value: unknown, lookup: Lookup, issues: Issues, unset: Set<string>): unknown {
  const walk = (v: unknown, path: PathSegment[]): unknown => {
    if (typeof v === "string") {
      try {
        return interpolateString(v, lookup, unset);
      } catch (e) {
        if (!(e instanceof InterpolationError)) throw e;
        issues.add(path, e.message);
        return v;
      }
    }
    if (Array.isArray(v)) return v.map((item: unknown, i) => walk(item, [...path, i]));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) out[k] = walk(item, [...path, k]);
      return out;
    }
    return v;
  };
  return walk(value, []);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
