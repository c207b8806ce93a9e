import type { FileType } from "../../lib/files/types";
import { tarType } from "./tar-entries";

/** One entry of an upload as checked: its name relative to the target folder, normalized. */
export interface UploadEntry {
  name: string;
  type: FileType;
  size: number;
  linkTarget?: string;
}

const UPLOADABLE: ReadonlySet<FileType> = new Set(["file", "dir", "symlink", "hardlink"]);

/** The segments of an archive name or relative link, without empty and "." ones. */
const segments = (p: string) => p.split("/").filter((s) => s !== "" && s !== ".");

/** Whether a relative path, taken from the folder `from` (segments under the target), stays inside. */
function staysInside(from: string[], relative: string): boolean {
  let depth = from.length;
  for (const s of segments(relative)) {
    depth += s === ".." ? -1 : 1;
    if (depth < 0) return false;
  }
  return true;
}

const insideDir = (dir: string, abs: string) => dir === "/" || abs === dir || abs.startsWith(`${dir}/`);

/**
 * Checks one tar header of an upload into the folder `dir`. Answers the entry, `undefined` for the
 * archive's own root ("./"), or the reason it is refused: a name that is absolute or climbs out with
 * "..", a link whose target leads outside `dir`, or a kind of entry that is not a file, folder or link.
 */
export function checkUploadEntry(
  h: { name: string; type?: string | null; size?: number; linkname?: string | null },
  dir: string,
): UploadEntry | undefined | { problem: string } {
  const raw = h.name;
  const what = JSON.stringify(raw);
  if (raw.includes("\0")) return { problem: `entry ${what}: the name holds a NUL character` };
  if (raw.startsWith("/")) return { problem: `entry ${what}: the name is absolute; names must be relative` };
  const segs = segments(raw);
  if (segs.includes(".."))
    return { problem: `entry ${what}: the name climbs out of the target folder with ".."` };
  const type = tarType(h.type ?? undefined);
  if (!segs.length) return type === "dir" ? undefined : { problem: `entry ${what}: an entry needs a name` };
  if (!UPLOADABLE.has(type))
    return { problem: `entry ${what}: a ${type} cannot be uploaded; only files, folders and links` };
  const name = segs.join("/");
  const link = h.linkname ?? "";
  if (type === "symlink") {
    if (!link) return { problem: `entry ${what}: the symlink has no target` };
    const ok = link.startsWith("/") ? insideDir(dir, link) : staysInside(segs.slice(0, -1), link);
    if (!ok)
      return { problem: `entry ${what}: the symlink's target ${JSON.stringify(link)} leads outside ${dir}` };
  }
  if (type === "hardlink") {
    if (!link || link.startsWith("/") || segments(link).includes(".."))
      return {
        problem: `entry ${what}: the hard link's target ${JSON.stringify(link)} leads outside the upload`,
      };
  }
  return {
    name,
    type,
    size: type === "file" ? (h.size ?? 0) : 0,
    ...(type === "symlink" || type === "hardlink" ? { linkTarget: link } : {}),
  };
}
