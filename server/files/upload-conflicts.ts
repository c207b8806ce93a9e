import { AppError } from "../../lib/errors";
import type { FileType } from "../../lib/files/types";
import { joinPath } from "../../lib/files/path";
import type { HostConnection } from "../engines/host-connection";
import { mapLimit } from "../map-limit";
import { findStat, statType } from "./path-stat";
import type { UploadEntry } from "./upload-check";

interface Node {
  name: string;
  type: FileType;
  children: Map<string, Node>;
}

/** The upload as a tree: a name inside a folder the tar does not list on its own makes that folder. */
function treeOf(entries: readonly UploadEntry[]): Map<string, Node> {
  const top = new Map<string, Node>();
  for (const e of entries) {
    let level = top;
    const segs = e.name.split("/");
    segs.forEach((name, i) => {
      const last = i === segs.length - 1;
      let n = level.get(name);
      if (!n) {
        n = { name, type: last ? e.type : "dir", children: new Map() };
        level.set(name, n);
      } else if (last) n.type = e.type;
      level = n.children;
    });
  }
  return top;
}

export interface UploadConflicts {
  /** Paths that exist and would be replaced by a file or link of the upload. */
  existing: string[];
  /** Paths where a folder would meet a file (or the other way round): never replaced. */
  clashes: { path: string; exists: FileType; upload: FileType }[];
}

/**
 * Asks the engine (HEAD stat) which of the upload's paths exist already, a folder level at a time: a
 * folder that does not exist yet holds nothing that could be overwritten, so it is not looked into.
 */
export async function findConflicts(
  host: HostConnection,
  container: string,
  dir: string,
  entries: readonly UploadEntry[],
  concurrency: number,
): Promise<UploadConflicts> {
  const found: UploadConflicts = { existing: [], clashes: [] };
  let level: { path: string; node: Node }[] = [...treeOf(entries).values()].map((node) => ({
    path: joinPath(dir, node.name),
    node,
  }));
  while (level.length) {
    const stats = await mapLimit(level, concurrency, (x) => findStat(host, container, x.path));
    const next: typeof level = [];
    level.forEach(({ path, node }, i) => {
      const stat = stats[i];
      if (!stat) return;
      const exists = statType(stat.mode);
      const bothDirs = exists === "dir" && node.type === "dir";
      if (bothDirs) {
        for (const child of node.children.values())
          next.push({ path: joinPath(path, child.name), node: child });
      } else if (exists === "dir" || node.type === "dir") {
        found.clashes.push({ path, exists, upload: node.type });
      } else found.existing.push(path);
    });
    level = next;
  }
  return found;
}

const kindWord = (t: FileType) => (t === "dir" ? "a folder" : t === "symlink" ? "a symlink" : "a file");

/** 409 for what an upload may not do: a clash always, an existing path unless `overwrite`. */
export function refuseConflicts(c: UploadConflicts, overwrite: boolean): void {
  const clash = c.clashes[0];
  if (clash) {
    throw new AppError(
      "CONFLICT",
      `${clash.path} exists as ${kindWord(clash.exists)} and the upload holds ${kindWord(clash.upload)} there; remove it first`,
      { clashes: c.clashes.slice(0, 100) },
    );
  }
  if (!overwrite && c.existing.length) {
    const shown = c.existing.slice(0, 5).join(", ");
    const more = c.existing.length > 5 ? ` and ${c.existing.length - 5} more` : "";
    throw new AppError(
      "CONFLICT",
      `${shown}${more} already exist${c.existing.length === 1 ? "s" : ""}; send overwrite=1 to replace ${c.existing.length === 1 ? "it" : "them"}`,
      { existing: c.existing.slice(0, 1000), count: c.existing.length },
    );
  }
}
