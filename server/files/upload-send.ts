import fs from "node:fs";
import type { Readable } from "node:stream";
import tar from "tar-stream";
import type { HostConnection } from "../engines/host-connection";
import { engineCall } from "../engines/engine-call";
import { dial } from "../engines/engine-dial";
import { archivePath } from "./path-stat";
import type { SpooledUpload } from "./upload-spool";

/** A raw file as the one-entry tar the engine takes in, streamed from the spool file. */
function rawAsTar(u: SpooledUpload): Readable {
  const pack = tar.pack();
  const entry = pack.entry({
    name: u.entries[0]?.name ?? "file",
    size: u.size,
    mode: 0o644,
    mtime: new Date(),
  });
  const src = fs.createReadStream(u.file);
  src.on("error", (e) => pack.destroy(e));
  src.pipe(entry);
  entry.on("finish", () => pack.finalize());
  return pack as unknown as Readable;
}

/**
 * `PUT …/archive?path=`: the checked upload goes to the engine. `noOverwriteDirNonDir` keeps the
 * engine from turning a folder into a file or back, which the check before has refused already.
 */
export function sendUpload(
  host: HostConnection,
  container: string,
  dir: string,
  u: SpooledUpload,
  timeoutMs: number,
): Promise<unknown> {
  return engineCall(
    host,
    (abortSignal) =>
      dial<unknown>(host, {
        path: archivePath(container),
        method: "PUT",
        options: { path: dir, noOverwriteDirNonDir: true },
        file: u.kind === "tar" ? fs.createReadStream(u.file) : rawAsTar(u),
        abortSignal,
        statusCodes: {
          200: true,
          400: "bad parameter",
          403: "read-only",
          404: "not found",
          500: "server error",
        },
        headers: { "Content-Type": "application/x-tar" },
      }),
    timeoutMs,
  );
}
