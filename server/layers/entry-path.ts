import type { Header } from "tar-stream";
import type { LayerEntryType } from "../../lib/layers/types";

const WHITEOUT = ".wh.";
const OPAQUE = ".wh..wh..opq";

/** 0: an entry; 1: a whiteout of `dir/name`; 2: `dir/name` is an opaque folder. */
export type WhiteoutKind = 0 | 1 | 2;

/** One tar entry of a layer as the index keeps it. */
export interface LayerRow {
  dir: string;
  name: string;
  wh: WhiteoutKind;
  type: LayerEntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkTarget: string | null;
}

/** `./usr/bin/` and `usr/bin` are the same folder: no leading `./` or `/`, no trailing `/`. */
export function normalizeEntryPath(name: string): string {
  return name
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .join("/");
}

export function splitPath(path: string): { dir: string; name: string } {
  const at = path.lastIndexOf("/");
  return at < 0 ? { dir: "", name: path } : { dir: path.slice(0, at), name: path.slice(at + 1) };
}

export const joinPath = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** Every folder above `path`, the root ("") first, `path` itself not included. */
export function ancestorsOf(path: string): string[] {
  const out = [""];
  const parts = path.split("/").filter(Boolean);
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return path ? out : [];
}

const TYPES: Record<Header["type"], LayerEntryType> = {
  file: "file",
  "contiguous-file": "file",
  directory: "dir",
  symlink: "symlink",
  link: "hardlink",
  "character-device": "char",
  "block-device": "block",
  fifo: "fifo",
};

/**
 * A layer's tar entry as a row: `.wh.<name>` says `<name>` was deleted, and `.wh..wh..opq` that the
 * folder holding it hides everything below this layer. Undefined for the root itself and for
 * entries with no usable name (a pax global header, say).
 */
export function toLayerRow(h: Header): LayerRow | undefined {
  const path = normalizeEntryPath(h.name);
  if (!path || path.split("/").includes("..")) return undefined;
  const { dir, name } = splitPath(path);
  const base = {
    type: TYPES[h.type] ?? "other",
    size: h.size ?? 0,
    mode: h.mode ?? 0,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    mtime: h.mtime ? h.mtime.getTime() : 0,
    linkTarget: h.linkname ? h.linkname : null,
  };
  if (name === OPAQUE) {
    if (!dir) return undefined;
    const parent = splitPath(dir);
    return { ...base, dir: parent.dir, name: parent.name, wh: 2, type: "dir", size: 0 };
  }
  if (name.startsWith(WHITEOUT) && name.length > WHITEOUT.length)
    return { ...base, dir, name: name.slice(WHITEOUT.length), wh: 1, size: 0 };
  return { ...base, dir, name, wh: 0 };
}
