import type { IncomingMessage } from "node:http";
import { AppError } from "../../lib/errors";
import type { FileType } from "../../lib/files/types";
import { engineCall } from "../engines/engine-call";
import { dialStream } from "../engines/engine-dial";
import type { HostConnection } from "../engines/host-connection";

/** The engine's `X-Docker-Container-Path-Stat`: Go's os.FileMode in `mode`, the resolved target in `linkTarget`. */
export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

// Go's os.FileMode type bits (io/fs), as the engine sends them.
const GO_DIR = 2 ** 31;
const GO_SYMLINK = 2 ** 27;
const GO_DEVICE = 2 ** 26;
const GO_NAMED_PIPE = 2 ** 25;
const GO_SOCKET = 2 ** 24;
const GO_SETUID = 2 ** 23;
const GO_SETGID = 2 ** 22;
const GO_CHAR_DEVICE = 2 ** 21;
const GO_STICKY = 2 ** 20;

const has = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

export function statType(mode: number): FileType {
  if (has(mode, GO_DIR)) return "dir";
  if (has(mode, GO_SYMLINK)) return "symlink";
  if (has(mode, GO_DEVICE)) return has(mode, GO_CHAR_DEVICE) ? "char-device" : "block-device";
  if (has(mode, GO_NAMED_PIPE)) return "fifo";
  if (has(mode, GO_SOCKET)) return "socket";
  return "file";
}

/** The Unix permission bits (with setuid, setgid and sticky) of a Go FileMode. */
export function statPermBits(mode: number): number {
  return (
    (mode % 0o1000) +
    (has(mode, GO_SETUID) ? 0o4000 : 0) +
    (has(mode, GO_SETGID) ? 0o2000 : 0) +
    (has(mode, GO_STICKY) ? 0o1000 : 0)
  );
}

export function decodePathStat(header: string | string[] | undefined): PathStat | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return undefined;
  try {
    const v = JSON.parse(Buffer.from(raw, "base64").toString("utf8")) as Partial<PathStat>;
    if (typeof v.name !== "string" || typeof v.mode !== "number") return undefined;
    return {
      name: v.name,
      size: typeof v.size === "number" ? v.size : 0,
      mode: v.mode,
      mtime: typeof v.mtime === "string" ? v.mtime : "",
      linkTarget: typeof v.linkTarget === "string" ? v.linkTarget : "",
    };
  } catch {
    return undefined;
  }
}

export const archivePath = (container: string) => `/containers/${encodeURIComponent(container)}/archive?`;

const ARCHIVE_CODES = { 200: true, 400: "bad parameter", 404: "not found", 500: "server error" } as const;

/** `GET …/archive?path=`: the tar as a stream, or the engine's own error (404 names the missing path). */
export const openArchiveStream = (host: HostConnection, container: string, path: string) =>
  engineCall(host, (abortSignal) =>
    dialStream(host, {
      path: archivePath(container),
      method: "GET",
      options: { path },
      abortSignal,
      statusCodes: ARCHIVE_CODES,
    }),
  );

export function statOf(res: IncomingMessage, path: string): PathStat {
  const stat = decodePathStat(res.headers["x-docker-container-path-stat"]);
  if (!stat) {
    res.destroy();
    throw new AppError("ENGINE_ERROR", `the engine sent no readable stat for ${path}`);
  }
  return stat;
}

/**
 * `HEAD …/archive?path=`: the path's stat, or undefined when it does not exist. A HEAD answer has no
 * body, so `requireStat` asks again with GET for the engine's own words about a miss.
 */
export async function findStat(host: HostConnection, container: string, path: string) {
  try {
    const res = await engineCall(host, (abortSignal) =>
      dialStream(host, {
        path: archivePath(container),
        method: "HEAD",
        options: { path },
        abortSignal,
        statusCodes: ARCHIVE_CODES,
      }),
    );
    res.resume();
    return statOf(res, path);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return undefined;
    throw err;
  }
}

export async function requireStat(host: HostConnection, container: string, path: string) {
  const stat = await findStat(host, container, path);
  if (stat) return stat;
  // Only for its error: a GET of the same path fails with the engine's message.
  const res = await openArchiveStream(host, container, path);
  res.destroy();
  throw new AppError("NOT_FOUND", `Could not find the file ${path} in the container`);
}
