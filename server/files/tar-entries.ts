import type { Header } from "tar-stream";
import { octalMode, permissionString } from "../../lib/files/mode";
import type { FileEntry, FileType } from "../../lib/files/types";

const TAR_TYPES = {
  file: "file",
  "contiguous-file": "file",
  link: "hardlink",
  symlink: "symlink",
  directory: "dir",
  "character-device": "char-device",
  "block-device": "block-device",
  fifo: "fifo",
} as const satisfies Record<Header["type"], FileType>;

export function tarType(t: string | undefined): FileType {
  return t && Object.hasOwn(TAR_TYPES, t) ? TAR_TYPES[t as Header["type"]] : "other";
}

/** An archive entry name without its trailing "/" (a folder's), and without a leading "./". */
export const bareName = (name: string) => name.replace(/^\.\//, "").replace(/\/+$/, "");

/**
 * Where the entries of the archive of `folder` are in the container: the engine names them after the
 * folder's own entry (`root`, "etc" for /etc, "" for "/" whose entries are "/bin", "/etc").
 */
export function archiveToPath(folder: string, root: string, name: string): string | undefined {
  const bare = bareName(name);
  if (bare !== root && !bare.startsWith(root === "" ? "/" : `${root}/`)) return undefined;
  const rest = bare.slice(root.length).replace(/^\/+/, "");
  if (!rest) return folder;
  return folder === "/" ? `/${rest}` : `${folder}/${rest}`;
}

export function toFileEntry(h: Partial<Header>, name: string, path: string, linkPath?: string): FileEntry {
  const type = tarType(h.type);
  const mode = h.mode ?? 0;
  return {
    name,
    path,
    type,
    size: h.size ?? 0,
    mode: octalMode(mode),
    permissions: permissionString(type, mode),
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    ...(h.uname ? { uname: h.uname } : {}),
    ...(h.gname ? { gname: h.gname } : {}),
    mtime: (h.mtime ?? new Date(0)).toISOString(),
    ...(type === "symlink" && h.linkname ? { linkTarget: h.linkname } : {}),
    ...(type === "hardlink" && h.linkname ? { linkTarget: linkPath ?? h.linkname } : {}),
  };
}

/** Folders first, then by name (code point order, as `ls` in the C locale). */
export function sortEntries(items: FileEntry[]): FileEntry[] {
  return items.sort(
    (a, b) =>
      Number(b.type === "dir") - Number(a.type === "dir") || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
