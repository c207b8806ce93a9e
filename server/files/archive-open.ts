import type { IncomingMessage } from "node:http";
import type { Extract } from "tar-stream";
import { AppError } from "../../lib/errors";
import type { FileType } from "../../lib/files/types";
import type { HostConnection } from "../engines/host-connection";
import { openArchiveStream, statOf, statType, type PathStat } from "./path-stat";

export interface OpenedArchive {
  res: IncomingMessage;
  stat: PathStat;
  type: FileType;
  /** Where a symlink asked for leads: the path whose archive `res` is. */
  resolvedPath?: string;
}

/**
 * The archive of `path`, following a symlink once: the engine's stat of a symlink carries its fully
 * resolved target, so one more request reaches what it names (a dangling one is the engine's 404).
 */
export async function openArchive(
  host: HostConnection,
  container: string,
  path: string,
): Promise<OpenedArchive> {
  const res = await openArchiveStream(host, container, path);
  const stat = statOf(res, path);
  const type = statType(stat.mode);
  if (type !== "symlink" || !stat.linkTarget || stat.linkTarget === path) return { res, stat, type };
  res.destroy();
  const target = stat.linkTarget.startsWith("/") ? stat.linkTarget : `/${stat.linkTarget}`;
  const next = await openArchiveStream(host, container, target);
  const nextStat = statOf(next, target);
  const nextType = statType(nextStat.mode);
  if (nextType === "symlink") {
    next.destroy();
    throw new AppError("VALIDATION", `path: ${path} is a symlink to ${target}, which is a symlink again`);
  }
  return { res: next, stat: nextStat, type: nextType, resolvedPath: target };
}

/**
 * Feeds the engine's archive into a tar parser with backpressure, counting bytes. Resolves when the
 * archive ended and the parser finished, or when `stop()` was called (the upstream is destroyed then).
 */
export function feedArchive(
  res: IncomingMessage,
  extract: Extract,
  onBytes: (total: number) => void,
): { done: Promise<void>; stop: () => void } {
  let total = 0;
  let stopped = false;
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    res.destroy();
    extract.destroy(null);
    settle?.resolve();
  };
  const fail = (err: unknown) => {
    if (stopped) return;
    stopped = true;
    res.destroy();
    settle?.reject(err);
  };
  res.on("data", (chunk: Buffer) => {
    if (stopped) return;
    total += chunk.length;
    if (!extract.write(chunk)) res.pause();
    onBytes(total);
  });
  extract.on("drain", () => res.resume());
  res.once("end", () => {
    if (!stopped) extract.end(null);
  });
  res.once("error", fail);
  res.once("aborted", () => fail(new AppError("ENGINE_ERROR", "the engine ended the archive early")));
  extract.on("error", (err: Error) =>
    fail(new AppError("ENGINE_ERROR", `the engine's archive could not be read: ${err.message}`)),
  );
  extract.on("finish", () => {
    if (stopped) return;
    stopped = true;
    settle?.resolve();
  });
  return { done, stop };
}
