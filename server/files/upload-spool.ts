import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import tar from "tar-stream";
import { AppError } from "../../lib/errors";
import { checkUploadEntry, type UploadEntry } from "./upload-check";
import type { FileLimits } from "./limits";

/** An upload held on disk, checked entry by entry, before any of it reaches the engine. */
export interface SpooledUpload {
  file: string;
  kind: "tar" | "raw";
  entries: UploadEntry[];
  /** Bytes of the body as received. */
  size: number;
  /** Bytes of file content in it. */
  contentBytes: number;
}

export const spoolDir = (dataDir: string) => path.join(dataDir, "tmp", "uploads");

function writeOrWait(w: { write(c: Buffer): boolean; once(e: "drain", f: () => void): unknown }, c: Buffer) {
  return w.write(c) ? undefined : new Promise<void>((resolve) => w.once("drain", resolve));
}

/**
 * Writes the request body to a file under the data dir. A tar is parsed on the way, so every entry is
 * checked against the target folder (see checkUploadEntry) before the upload is accepted; the first
 * refused entry ends the upload with a 400 naming it, and nothing is kept.
 */
export async function spoolUpload(
  req: IncomingMessage,
  o: { kind: "tar" | "raw"; name?: string; dir: string; dataDir: string; limits: FileLimits },
): Promise<SpooledUpload> {
  fs.mkdirSync(spoolDir(o.dataDir), { recursive: true, mode: 0o700 });
  const file = path.join(spoolDir(o.dataDir), `${randomUUID()}.${o.kind === "tar" ? "tar" : "bin"}`);
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const entries: UploadEntry[] = [];
  let problem: AppError | undefined;
  const extract = o.kind === "tar" ? tar.extract() : undefined;
  const parsed = new Promise<void>((resolve, reject) => {
    if (!extract) return resolve();
    extract.on("entry", (h, body, next) => {
      body.on("end", () => next());
      body.resume();
      if (problem) return;
      const checked = checkUploadEntry(h, o.dir);
      if (checked && "problem" in checked) problem = new AppError("VALIDATION", `body: ${checked.problem}`);
      else if (checked) entries.push(checked);
      if (entries.length > o.limits.uploadEntries)
        problem = new AppError(
          "VALIDATION",
          `body: the tar holds more than ${o.limits.uploadEntries} entries`,
        );
    });
    extract.on("finish", () => resolve());
    extract.on("error", (e: Error) =>
      reject(new AppError("VALIDATION", `body: not a readable tar: ${e.message}`)),
    );
  });
  parsed.catch(() => undefined);
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > o.limits.uploadBytes)
        throw new AppError("VALIDATION", `body: larger than ${o.limits.uploadBytes} bytes`);
      await writeOrWait(out, chunk);
      if (extract) await writeOrWait(extract, chunk);
      if (problem) throw problem;
    }
    extract?.end(null);
    await parsed;
    if (problem) throw problem;
    out.end();
    await new Promise<void>((resolve, reject) => out.once("close", resolve).once("error", reject));
  } catch (err) {
    // The rest of the body is read and dropped, so the client gets the answer and not a reset.
    req.resume();
    extract?.destroy(null);
    out.destroy();
    fs.rmSync(file, { force: true });
    throw err;
  }
  if (o.kind === "tar" && !entries.length) {
    fs.rmSync(file, { force: true });
    throw new AppError("VALIDATION", "body: the tar holds no entries");
  }
  if (o.kind === "raw") entries.push({ name: o.name ?? "", type: "file", size });
  return {
    file,
    kind: o.kind,
    entries,
    size,
    contentBytes: entries.reduce((n, e) => n + e.size, 0),
  };
}
