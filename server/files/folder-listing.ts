import tar from "tar-stream";
import { AppError } from "../../lib/errors";
import type { FileEntry, FolderListing, TruncationReason } from "../../lib/files/types";
import { baseName } from "../../lib/files/path";
import type { HostConnection } from "../engines/host-connection";
import { feedArchive, openArchive } from "./archive-open";
import { FILE_LIMITS, type FileLimits } from "./limits";
import { archiveToPath, bareName, sortEntries, toFileEntry } from "./tar-entries";

const stopMessage = (reason: TruncationReason, limits: FileLimits) =>
  reason === "bytes"
    ? `listed what the first ${limits.listArchiveBytes} bytes of the folder's archive hold; its subfolders' contents count toward that, so later entries are not listed`
    : `listed the first ${limits.listEntries} entries of the folder`;

/**
 * One folder's direct children from the engine's archive of it. Only headers are read: bodies are
 * drained as they pass. The archive holds every descendant's contents too, so reading stops (and the
 * engine's request is ended) once the byte or entry budget is spent, answering what was found.
 */
export async function listFolder(
  host: HostConnection,
  container: string,
  path: string,
  limits: FileLimits = FILE_LIMITS,
  signal?: AbortSignal,
): Promise<FolderListing> {
  const { res, stat, type, resolvedPath } = await openArchive(host, container, path);
  const folder = resolvedPath ?? path;
  const extract = tar.extract();
  const items: FileEntry[] = [];
  const hardlinks: FileEntry[] = [];
  let root: string | undefined;
  let truncatedReason: TruncationReason | undefined;
  let scannedBytes = 0;
  const feed = feedArchive(res, extract, (total) => {
    scannedBytes = total;
    if (total > limits.listArchiveBytes && !truncatedReason) {
      truncatedReason = "bytes";
      feed.stop();
    }
  });
  // A reader that went away needs no answer: the engine's request ends with it.
  signal?.addEventListener("abort", () => feed.stop(), { once: true });
  extract.on("entry", (h, body, next) => {
    body.on("end", () => next());
    body.resume();
    if (truncatedReason) return;
    if (root === undefined) {
      root = bareName(h.name);
      // A file (or device) asked for: its own entry is the answer.
      if (type !== "dir") {
        const p = resolvedPath ?? path;
        items.push(toFileEntry(h, baseName(p) || stat.name, p));
        feed.stop();
      }
      return;
    }
    const at = archiveToPath(folder, root, h.name);
    if (!at || at === folder || at.slice(folder === "/" ? 1 : folder.length + 1).includes("/")) return;
    const linkPath = h.type === "link" && h.linkname ? archiveToPath(folder, root, h.linkname) : undefined;
    const entry = toFileEntry(h, baseName(at), at, linkPath);
    items.push(entry);
    if (entry.type === "hardlink") hardlinks.push(entry);
    if (items.length >= limits.listEntries) {
      truncatedReason = "entries";
      feed.stop();
    }
  });
  try {
    await feed.done;
  } finally {
    res.destroy();
  }
  // A hard link's entry carries no size; its target's, when listed here, is the same file's.
  const byPath = new Map(items.map((i) => [i.path, i]));
  for (const l of hardlinks) l.size = byPath.get(l.linkTarget ?? "")?.size ?? l.size;
  if (!items.length && type !== "dir")
    throw new AppError("ENGINE_ERROR", `the engine's archive of ${path} held no entry`);
  return {
    path,
    ...(resolvedPath ? { resolvedPath } : {}),
    type,
    items: sortEntries(items),
    truncated: !!truncatedReason,
    ...(truncatedReason ? { truncatedReason, message: stopMessage(truncatedReason, limits) } : {}),
    scannedBytes,
  };
}
