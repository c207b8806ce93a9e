import type { LargestFile, LayerEntryType, WasteEvent, WastedFile } from "../../lib/layers/types";
import { joinPath, type LayerRow } from "./entry-path";

export const WASTED_FILES_CAP = 100;
export const LARGEST_FILES_CAP = 20;

interface Node {
  type: LayerEntryType;
  size: number;
  /** The layer the visible copy comes from. */
  position: number;
  /** The last layer that wrote or re-stated this entry: what an opaque folder keeps. */
  touched: number;
  children?: Map<string, Node>;
}

export interface LayerCounts {
  added: number;
  modified: number;
  deleted: number;
  /** Bytes of this layer's copies that later layers overwrite or delete. */
  wastedBytes: number;
}

export interface Analysis {
  layers: LayerCounts[];
  totalBytes: number;
  wastedBytes: number;
  efficiency: number;
  wasted: { items: WastedFile[]; total: number; truncated: boolean };
  largest: LargestFile[];
}

const dirNode = (position: number): Node => ({
  type: "dir",
  size: 0,
  position,
  touched: position,
  children: new Map(),
});

export function explain(events: readonly WasteEvent[]): string {
  return events.map((e) => `${e.action} in layer ${e.position}`).join(", ");
}

/**
 * Walks the layers bottom to top over one tree of the image's paths. Each copy of a file that a
 * later layer overwrites or deletes (by a whiteout, an opaque folder, or a folder replaced by a
 * file) is wasted once: a file written in layer 1, overwritten in layer 2 and deleted in layer 3
 * wastes both copies, not three. `rowsOf` gives a layer's rows whiteouts and opaque marks first,
 * then by folder, parents before children.
 */
export function analyzeLayers(
  count: number,
  rowsOf: (index: number) => Iterable<LayerRow>,
  layerBytes: readonly number[],
): Analysis {
  const root = dirNode(0);
  const counts: LayerCounts[] = Array.from({ length: count }, () => ({
    added: 0,
    modified: 0,
    deleted: 0,
    wastedBytes: 0,
  }));
  const trails = new Map<string, { events: WasteEvent[]; wastedBytes: number }>();
  let wastedBytes = 0;

  /** A copy at `path` stops being visible at `position`, by `action`. */
  const supersede = (path: string, old: Node, next: WasteEvent) => {
    if (old.type === "dir" || old.size <= 0) return;
    wastedBytes += old.size;
    const c = counts[old.position - 1];
    if (c) c.wastedBytes += old.size;
    let t = trails.get(path);
    if (!t) trails.set(path, (t = { events: [], wastedBytes: 0 }));
    const last = t.events.at(-1);
    if (!last || last.position !== old.position || last.action === "deleted")
      t.events.push({ position: old.position, action: "written", size: old.size });
    t.events.push(next);
    t.wastedBytes += old.size;
  };

  const removeTree = (path: string, node: Node, position: number) => {
    supersede(path, node, { position, action: "deleted" });
    for (const [name, child] of node.children ?? []) removeTree(joinPath(path, name), child, position);
  };

  /** The folder at `path`; with `create`, missing or replaced folders are made, and all are marked as stated. */
  const lookup = (path: string, create: number | undefined): Node | undefined => {
    let node = root;
    let at = "";
    for (const part of path ? path.split("/") : []) {
      at = joinPath(at, part);
      let next = node.children?.get(part);
      if (!next || next.type !== "dir") {
        if (create === undefined) return undefined;
        // A tar that names a file under a folder it never listed: the folder is implied.
        if (next) removeTree(at, next, create);
        next = dirNode(create);
        node.children?.set(part, next);
      }
      if (create !== undefined) next.touched = create;
      node = next;
    }
    return node;
  };

  for (let i = 0; i < count; i++) {
    const position = i + 1;
    const c = counts[i] as LayerCounts;
    const opaque: { path: string; node: Node }[] = [];
    for (const r of rowsOf(i)) {
      const path = joinPath(r.dir, r.name);
      const parent = lookup(r.dir, r.wh === 0 ? position : undefined);
      const existing = parent?.children?.get(r.name);
      if (r.wh === 2) {
        if (existing?.type === "dir") opaque.push({ path, node: existing });
        continue;
      }
      if (r.wh === 1) {
        if (existing && parent) {
          c.deleted++;
          removeTree(path, existing, position);
          parent.children?.delete(r.name);
        }
        continue;
      }
      if (!parent) continue;
      if (!existing) {
        c.added++;
        parent.children?.set(
          r.name,
          r.type === "dir" ? dirNode(position) : { type: r.type, size: r.size, position, touched: position },
        );
        continue;
      }
      c.modified++;
      if (existing.type === "dir" && r.type === "dir") {
        existing.touched = position;
        continue;
      }
      if (existing.type === "dir")
        for (const [name, child] of existing.children ?? [])
          removeTree(joinPath(path, name), child, position);
      else supersede(path, existing, { position, action: "overwritten", size: r.size });
      parent.children?.set(
        r.name,
        r.type === "dir" ? dirNode(position) : { type: r.type, size: r.size, position, touched: position },
      );
    }
    // An opaque folder keeps only what this layer itself states inside it, all the way down.
    const prune = (path: string, node: Node, top: boolean) => {
      for (const [name, child] of node.children ?? []) {
        const p = joinPath(path, name);
        if (child.touched !== position) {
          if (top) c.deleted++;
          removeTree(p, child, position);
          node.children?.delete(name);
        } else if (child.type === "dir") prune(p, child, false);
      }
    };
    for (const o of opaque) prune(o.path, o.node, true);
  }

  const totalBytes = layerBytes.reduce((a, b) => a + b, 0);
  const files: LargestFile[] = [];
  const collect = (path: string, node: Node) => {
    for (const [name, child] of node.children ?? []) {
      const p = joinPath(path, name);
      if (child.type === "dir") collect(p, child);
      else if (child.size > 0) files.push({ path: p, size: child.size, position: child.position });
    }
  };
  collect("", root);
  files.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
  const wasted = [...trails]
    .map(([path, t]): WastedFile => ({
      path,
      wastedBytes: t.wastedBytes,
      events: t.events,
      explanation: explain(t.events),
    }))
    .sort((a, b) => b.wastedBytes - a.wastedBytes || a.path.localeCompare(b.path));
  return {
    layers: counts,
    totalBytes,
    wastedBytes,
    efficiency: totalBytes > 0 ? 1 - wastedBytes / totalBytes : 1,
    wasted: {
      items: wasted.slice(0, WASTED_FILES_CAP),
      total: wasted.length,
      truncated: wasted.length > WASTED_FILES_CAP,
    },
    largest: files.slice(0, LARGEST_FILES_CAP),
  };
}
