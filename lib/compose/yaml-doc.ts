/**
 * Reads the compose YAML (anchors and `<<` merge keys on) and maps a path back to its line and
 * column, following aliases and merge keys to where the value is written.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ScalarTag,
} from "yaml";
import type { ComposeIssue } from "./model";
import type { Path } from "./issues";

/** go-yaml, which compose uses, reads `0755` as octal (YAML 1.1); modes in compose files rely on it. */
const LEGACY_OCTAL: ScalarTag = {
  identify: (v) => Number.isInteger(v),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0[0-7]+$/,
  resolve: (s) => parseInt(s, 8),
  stringify: ({ value }) => `0o${Number(value).toString(8)}`,
};

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
  customTags: (tags) => [LEGACY_OCTAL, ...tags],
};

export interface ComposeYaml {
  doc: Document;
  lines: LineCounter;
}

export interface ParsedYaml {
  yaml?: ComposeYaml;
  issues: ComposeIssue[];
  warnings: string[];
}

export function parseComposeYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: Math.max(line, 1), col };
  };
  const issues: ComposeIssue[] = [];
  const warnings: string[] = [];
  for (const e of doc.errors) {
    const { line, col } = at(e.pos[0]);
    issues.push({ path: "", message: `line ${line}, column ${col}: ${e.message}`, line, col });
  }
  for (const w of doc.warnings) {
    const { line, col } = at(w.pos[0]);
    // An unknown tag (compose's `!reset`, `!override`) would be read as plain data: refuse it.
    if (w.code === "TAG_RESOLVE_FAILED") {
      issues.push({
        path: "",
        message: `line ${line}, column ${col}: ${w.message}; tags are not supported`,
        line,
        col,
      });
    } else warnings.push(`line ${line}, column ${col}: ${w.message}`);
  }
  if (issues.length > 0) return { issues, warnings };
  if (doc.contents === null) {
    issues.push({ path: "", message: "the file is empty; it needs a `services:` mapping", line: 1, col: 1 });
  } else if (!isMap(doc.contents)) {
    const { line, col } = at(doc.contents.range[0]);
    issues.push({ path: "", message: "the file must be a mapping of keys such as `services:`", line, col });
  }
  return issues.length > 0 ? { issues, warnings } : { yaml: { doc, lines }, issues, warnings };
}

type Range = readonly [number, number, number];

/** The 1-based place of the deepest node of `path` found in the document (a map entry's key). */
export function locate({ doc, lines }: ComposeYaml, path: Path): { line: number; col: number } | undefined {
  let node: unknown = doc.contents;
  let range: Range | undefined = rangeOf(node);
  for (const seg of path) {
    const next = child(doc, node, seg, 0);
    if (!next) break;
    range = rangeOf(next.at) ?? range;
    node = next.value;
  }
  if (!range) return undefined;
  const { line, col } = lines.linePos(range[0]);
  return { line: Math.max(line, 1), col };
}

function rangeOf(node: unknown): Range | undefined {
  if (isScalar(node) || isMap(node) || isSeq(node) || isAlias(node)) return node.range ?? undefined;
  return undefined;
}

/** The child at `seg`: `at` is where to point (a key, or a list item), `value` the node to descend into. */
function child(
  doc: Document,
  node: unknown,
  seg: string | number,
  depth: number,
): { at: unknown; value: unknown } | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (depth > 20) return undefined;
  if (isSeq(target) && typeof seg === "number") {
    const item: unknown = target.items[seg];
    return item === undefined ? undefined : { at: item, value: item };
  }
  if (!isMap(target)) return undefined;
  const merges: unknown[] = [];
  for (const pair of target.items) {
    if (!isPair(pair)) continue;
    const key = pair.key;
    if (isScalar(key) && typeof key.value === "symbol") merges.push(pair.value);
    else if (isScalar(key) && String(key.value) === String(seg)) return { at: key, value: pair.value };
  }
  // Keys written in the map win over merged ones; earlier merge sources win over later ones.
  for (const source of merges) {
    const resolved = isAlias(source) ? source.resolve(doc) : source;
    const candidates: unknown[] = isSeq(resolved) ? resolved.items : [resolved];
    for (const candidate of candidates) {
      const found = child(doc, candidate, seg, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
