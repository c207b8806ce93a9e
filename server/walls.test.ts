import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Folder-level walls that an import rule cannot see: no two folders of components/ (or of server/)
 * may import each other, directly or round a longer loop. A loop means one of them holds something
 * both need, which belongs in a lower folder (ui/, hooks/, lib/).
 */
const ROOT = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** folder -> the folders (of the same parent) its files import. */
function folderGraph(parent: string): Map<string, Set<string>> {
  const base = path.join(ROOT, parent);
  const folders = fs
    .readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const graph = new Map(folders.map((f) => [f, new Set<string>()]));
  for (const from of folders) {
    for (const file of sources(path.join(base, from))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/from\s+"([^"]+)"|import\("([^"]+)"\)/g)) {
        const spec = m[1] ?? m[2] ?? "";
        const target = spec.startsWith("@/")
          ? path.join(ROOT, spec.slice(2))
          : spec.startsWith(".")
            ? path.resolve(path.dirname(file), spec)
            : undefined;
        if (!target) continue;
        const rel = path.relative(base, target).split(path.sep);
        const to = rel[0];
        if (rel.length > 1 && to && to !== from && graph.has(to)) graph.get(from)?.add(to);
      }
    }
  }
  return graph;
}

/** Every loop in the graph, each written as a path a -> b -> a. */
function loops(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, at: string, trail: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) {
        const loop = [...trail, start];
        const key = [...loop.slice(0, -1)].sort().join(",");
        if (![...found].some((f) => f.startsWith(`${key}|`))) found.add(`${key}|${loop.join(" -> ")}`);
      } else if (!trail.includes(next) && trail.length < 6) walk(start, next, [...trail, next]);
    }
  };
  for (const f of graph.keys()) walk(f, f, [f]);
  return [...found].map((f) => f.split("|")[1] as string);
}

describe("folder walls", () => {
  it.each(["components", "server"])(
    "no two folders of %s/ import each other, even round a loop",
    (parent) => {
      const graph = folderGraph(parent);
      expect(graph.size).toBeGreaterThan(3);
      expect(loops(graph)).toEqual([]);
    },
  );

  it("finds a loop when there is one", () => {
    const g = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(loops(g)).toEqual(["a -> b -> c -> a"]);
  });
});
