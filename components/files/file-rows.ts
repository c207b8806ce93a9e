import type { FileEntry } from "@/lib/files/types";

export type FileSortKey = "name" | "size" | "mtime";
export interface FileSort {
  key: FileSortKey;
  dir: "asc" | "desc";
}

const folderFirst = (a: FileEntry, b: FileEntry) => Number(b.type === "dir") - Number(a.type === "dir");

/**
 * A folder's entries as the table shows them: those whose name holds every word of the filter,
 * folders first, then by the chosen column (names compared as a person reads them: file2 before file10).
 */
export function fileRows(items: readonly FileEntry[], filter: string, sort: FileSort): FileEntry[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const sign = sort.dir === "desc" ? -1 : 1;
  const byName = (a: FileEntry, b: FileEntry) =>
    a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: "base" });
  const byKey = (a: FileEntry, b: FileEntry) =>
    sort.key === "name"
      ? byName(a, b)
      : sort.key === "size"
        ? a.size - b.size
        : Date.parse(a.mtime) - Date.parse(b.mtime);
  return items
    .filter((e) => words.every((w) => e.name.toLowerCase().includes(w)))
    .sort((a, b) => folderFirst(a, b) || sign * byKey(a, b) || byName(a, b));
}

/** The folders of a path, from the root: "/etc/nginx" → ["/", "/etc", "/etc/nginx"]. */
export function crumbs(path: string): { name: string; path: string }[] {
  const out = [{ name: "/", path: "/" }];
  let at = "";
  for (const part of path.split("/").filter(Boolean)) {
    at += `/${part}`;
    out.push({ name: part, path: at });
  }
  return out;
}

/** Where a symlink leads, as an absolute path: its target, relative to the link's own folder. */
export function resolveLink(linkPath: string, target: string): string {
  const parts = target.startsWith("/") ? [] : linkPath.split("/").slice(0, -1).filter(Boolean);
  for (const p of target.split("/")) {
    if (!p || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}
