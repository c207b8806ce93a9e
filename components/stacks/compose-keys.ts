/**
 * Which compose keys fit where the cursor is, read from the indentation of the lines above it: the
 * top level, a service, a service's `deploy`, a port's long form… Only block-style YAML is followed,
 * which is how compose files are written; inside flow style (`{…}`, `[…]`) nothing is offered.
 */
import { KEY_VALUES } from "@/lib/compose/key-values";
import { SUPPORTED_KEYS, type KeyLevel } from "@/lib/compose/supported";

/** The sections whose entries are named by the user: their keys lead to these levels. */
const NAMED_SECTIONS: Record<string, KeyLevel> = {
  services: "service",
  networks: "network",
  volumes: "volume",
  configs: "config",
  secrets: "secret",
};

const isLevel = (s: string): s is KeyLevel => Object.hasOwn(SUPPORTED_KEYS, s);

/** One line's outline: where its list dashes start, where its key starts, and its key if it has one. */
interface Outline {
  /** Column of the first `- `, when the line starts a list item. */
  dash?: number;
  /** Column where the content after the dashes starts. */
  col: number;
  key?: string;
  /** The key has nothing after its colon (a block follows). */
  open: boolean;
}

const LINE = /^( *)((?:- +)*)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#:'"][^:#]*?)\s*:(?:\s+(.*))?$/;

function outline(line: string): Outline | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const [, spaces = "", dashes = "", rest = ""] = m;
  const body = rest.trimEnd();
  if (!body && !dashes) return undefined;
  if (body.startsWith("#")) return undefined;
  const k = KEY.exec(body);
  const key = k?.[1]?.replace(/^["']|["']$/g, "");
  const value = (k?.[2] ?? "").replace(/\s+#.*$/, "").trim();
  return {
    ...(dashes ? { dash: spaces.length } : {}),
    col: spaces.length + dashes.length,
    ...(key !== undefined ? { key } : {}),
    open: key !== undefined && (value === "" || value.startsWith("&") || value === "|" || value === ">"),
  };
}

/**
 * The mapping keys and list items from the top of the file down to the mapping the cursor is in,
 * as `["services", "web", "ports", "-"]`; undefined when the cursor is not where a key is typed.
 */
export function keyPathAt(lines: readonly string[], lineIndex: number, before: string): string[] | undefined {
  const m = /^( *)((?:- +)?)([\w.-]*)$/.exec(before);
  if (!m) return undefined;
  const spaces = m[1]?.length ?? 0;
  const path: string[] = [];
  // The column the cursor's mapping starts at, and the dash of the list item it is in, if any.
  let col = spaces + (m[2]?.length ?? 0);
  let item: number | undefined = m[2] ? spaces : undefined;
  for (let i = lineIndex - 1; i >= 0 && (col > 0 || item !== undefined); i--) {
    const o = outline(lines[i] ?? "");
    if (!o) continue;
    if (item !== undefined) {
      // A list item: its sequence belongs to the key above it, at the dash's column or left of it.
      if (o.dash === item && o.col > item) continue;
      if (o.col > item) continue;
      if (o.col === item && !(o.key !== undefined && o.open && o.dash === undefined)) continue;
      path.unshift("-");
      item = undefined;
      col = o.col;
      if (o.key === undefined || !o.open) return undefined;
      path.unshift(o.key);
      if (o.dash !== undefined) item = o.dash;
      continue;
    }
    if (o.col > col) continue;
    if (o.col === col) {
      // A sibling key; one that starts a list item makes the cursor's mapping that item.
      if (o.dash !== undefined) {
        item = o.dash;
        col = o.dash;
      }
      continue;
    }
    if (o.key === undefined || !o.open) return undefined;
    path.unshift(o.key);
    col = o.col;
    if (o.dash !== undefined) {
      item = o.dash;
      col = o.dash;
    }
  }
  if (item !== undefined) return undefined;
  return path;
}

/** The supported-key table's level for a key path, or undefined when the table does not cover it. */
export function levelOf(path: readonly string[]): KeyLevel | undefined {
  const [section, name, ...rest] = path;
  if (section === undefined) return "top";
  const base = NAMED_SECTIONS[section];
  if (!base || name === undefined || name === "-") return undefined;
  let level: string = base;
  for (const seg of rest) {
    const next = seg === "-" ? `${level}[]` : `${level}.${seg}`;
    if (
      isLevel(next) ||
      Object.keys(SUPPORTED_KEYS).some((k) => k.startsWith(`${next}.`) || k.startsWith(`${next}[]`))
    )
      level = next;
    else if (seg !== "-" && isLevel(`${level}.*`)) level = `${level}.*`;
    else return undefined;
  }
  return isLevel(level) ? level : undefined;
}

/**
 * The keys already written in the cursor's mapping, so they are not offered twice. A line that starts
 * a list item at the mapping's column begins another item's mapping.
 */
function siblings(lines: readonly string[], lineIndex: number, col: number, newItem: boolean): Set<string> {
  const out = new Set<string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const o = outline(lines[i] ?? "");
      if (!o || o.col > col) continue;
      if (o.col < col) return;
      if (o.dash !== undefined && step > 0) return;
      if (o.key !== undefined) out.add(o.key);
      if (o.dash !== undefined) return;
    }
  };
  if (!newItem) scan(lineIndex - 1, -1);
  scan(lineIndex + 1, 1);
  return out;
}

/** The compose keys to offer at the cursor: those of its level that its mapping does not have yet. */
export function keysAt(text: string, pos: number): { from: number; keys: readonly string[] } | undefined {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const before = text.slice(lineStart, pos);
  const lines = text.split("\n");
  const lineIndex = text.slice(0, lineStart).split("\n").length - 1;
  const path = keyPathAt(lines, lineIndex, before);
  if (!path) return undefined;
  const level = levelOf(path);
  if (!level) return undefined;
  const typed = /[\w.-]*$/.exec(before)?.[0] ?? "";
  const col = before.length - typed.length;
  const have = siblings(lines, lineIndex, col, /^ *- /.test(before));
  return { from: pos - typed.length, keys: SUPPORTED_KEYS[level].filter((k) => !have.has(k)) };
}

/**
 * The values to offer after `key: ` where the key takes one of a few (`restart: `, a dependency's
 * `condition: `), from the value table; undefined anywhere else.
 */
export function valuesAt(text: string, pos: number): { from: number; values: readonly string[] } | undefined {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  const m = /^( *(?:- +)?)([\w.-]+): +([\w:.-]*)$/.exec(text.slice(lineStart, pos));
  if (!m) return undefined;
  const [, lead = "", key = "", typed = ""] = m;
  const lineIndex = text.slice(0, lineStart).split("\n").length - 1;
  const path = keyPathAt(text.split("\n"), lineIndex, lead);
  const level = path && levelOf(path);
  const values = level ? KEY_VALUES[`${level}.${key}`] : undefined;
  return values ? { from: pos - typed.length, values } : undefined;
}
