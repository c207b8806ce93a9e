import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import { AppError } from "../../lib/errors";
import type { UploadResult } from "../../lib/files/types";
import type { HostConnection } from "../engines/host-connection";
import { FILE_LIMITS, type FileLimits } from "./limits";
import { requireStat, statType } from "./path-stat";
import { findConflicts, refuseConflicts } from "./upload-conflicts";
import { sendUpload } from "./upload-send";
import { spoolUpload } from "./upload-spool";

const isTar = (contentType: string | undefined) => /^application\/(x-)?tar\b/i.test(contentType ?? "");

/** The folder an upload goes into: it must exist and be a folder (a symlink to one is followed). */
async function targetFolder(host: HostConnection, container: string, path: string): Promise<string> {
  const stat = await requireStat(host, container, path);
  let type = statType(stat.mode);
  let dir = path;
  if (type === "symlink" && stat.linkTarget) {
    dir = stat.linkTarget.startsWith("/") ? stat.linkTarget : `/${stat.linkTarget}`;
    type = statType((await requireStat(host, container, dir)).mode);
  }
  if (type !== "dir") throw new AppError("VALIDATION", `path: ${path} is a ${type}, not a folder`);
  return dir;
}

/**
 * An upload into the folder `path`: a tar of files and folders, or one raw file named `name`. The
 * body is spooled and checked whole, then paths that exist are looked up (409 unless `overwrite`),
 * and only then does the archive go to the engine: a refused upload changes nothing.
 */
export async function uploadFiles(
  req: IncomingMessage,
  host: HostConnection,
  container: string,
  q: { path: string; name?: string; overwrite: boolean },
  dataDir: string,
  limits: FileLimits = FILE_LIMITS,
): Promise<UploadResult> {
  const kind = isTar(req.headers["content-type"]) ? "tar" : "raw";
  if (kind === "raw" && !q.name)
    throw new AppError(
      "VALIDATION",
      "name: is required for a raw file; send a folder as a tar with content-type application/x-tar",
    );
  const dir = await targetFolder(host, container, q.path);
  const spooled = await spoolUpload(req, { kind, ...(q.name ? { name: q.name } : {}), dir, dataDir, limits });
  try {
    const conflicts = await findConflicts(host, container, dir, spooled.entries, limits.statConcurrency);
    refuseConflicts(conflicts, q.overwrite);
    await sendUpload(host, container, dir, spooled, limits.uploadTimeoutMs);
    return {
      path: dir,
      names: [...new Set(spooled.entries.map((e) => e.name.split("/")[0] ?? e.name))],
      entries: spooled.entries.length,
      bytes: spooled.contentBytes,
      replaced: conflicts.existing,
    };
  } finally {
    fs.rmSync(spooled.file, { force: true });
  }
}
