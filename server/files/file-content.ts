import type { IncomingMessage, ServerResponse } from "node:http";
import tar, { type ExtractEvents, type Header } from "tar-stream";
import { AppError } from "../../lib/errors";
import { formatBytes } from "../../lib/format";
import { baseName } from "../../lib/files/path";
import type { HostConnection } from "../engines/host-connection";
import { feedArchive, openArchive } from "./archive-open";
import { contentDisposition, guessContentType, looksLikeText } from "./content-type";
import { FILE_LIMITS, type FileLimits } from "./limits";
import { tarToZip } from "./zip-stream";

type Source = ExtractEvents["entry"][1];

/** A JSON answer written here: the file routes stream their own answers, so the router does not. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-length", Buffer.byteLength(payload));
  res.end(payload);
}

/** Headers every file answer carries: a file's bytes are never run as a page of Wharf's origin. */
function fileHeaders(res: ServerResponse, type: string, disposition: string): void {
  res.setHeader("content-type", type);
  res.setHeader("content-disposition", disposition);
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("content-security-policy", "sandbox; default-src 'none'");
}

/** Waits for the archive's first entry; the caller reads (or drops) its body. */
function firstEntry(extract: tar.Extract): Promise<{ header: Header; body: Source } | undefined> {
  return new Promise((resolve, reject) => {
    extract.once("entry", (header, body) => resolve({ header, body }));
    extract.once("finish", () => resolve(undefined));
    extract.once("error", reject);
  });
}

async function readAll(body: Source, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of body as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) throw new AppError("VALIDATION", `the file grew past ${max} bytes while it was read`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's bytes (unwrapped from the engine's one-entry archive, with backpressure) or a folder's
 * archive as the engine makes it. `preview` answers a file of at most `previewBytes` inline, with
 * `x-wharf-preview: text|binary`; a larger one is 413.
 */
export async function sendContent(
  res: ServerResponse,
  host: HostConnection,
  container: string,
  path: string,
  preview: boolean,
  limits: FileLimits = FILE_LIMITS,
  format: "tar" | "zip" = "tar",
): Promise<void> {
  const opened = await openArchive(host, container, path);
  const upstream = opened.res;
  const target = opened.resolvedPath ?? path;
  const name = baseName(target) || "root";
  res.once("close", () => upstream.destroy());
  if (opened.type === "dir") {
    if (preview) {
      upstream.destroy();
      throw new AppError("VALIDATION", `path: ${target} is a folder; a preview shows one file`);
    }
    if (format === "zip") return sendZip(res, upstream, name);
    fileHeaders(res, "application/x-tar", contentDisposition("attachment", `${name}.tar`));
    res.statusCode = 200;
    await copyOut(upstream, res);
    return;
  }
  if (opened.type !== "file") {
    upstream.destroy();
    throw new AppError("VALIDATION", `path: ${target} is a ${opened.type}; only files and folders download`);
  }
  if (preview && opened.stat.size > limits.previewBytes) {
    upstream.destroy();
    sendJson(res, 413, {
      error: {
        code: "VALIDATION",
        message: `path: ${target} is ${formatBytes(opened.stat.size)} (${opened.stat.size} bytes); a preview shows files up to ${formatBytes(limits.previewBytes)} (${limits.previewBytes} bytes); download it instead`,
        details: { size: opened.stat.size, limit: limits.previewBytes },
      },
    });
    return;
  }
  const extract = tar.extract();
  const feed = feedArchive(upstream, extract, () => undefined);
  feed.done.catch(() => undefined);
  try {
    const first = await firstEntry(extract);
    if (!first) throw new AppError("ENGINE_ERROR", `the engine's archive of ${target} held no entry`);
    const { header, body } = first;
    if (preview) {
      const bytes = await readAll(body, limits.previewBytes);
      fileHeaders(
        res,
        looksLikeText(bytes) ? "text/plain; charset=utf-8" : "application/octet-stream",
        contentDisposition("inline", name),
      );
      res.setHeader("x-wharf-preview", looksLikeText(bytes) ? "text" : "binary");
      res.setHeader("content-length", bytes.length);
      res.end(bytes);
      return;
    }
    fileHeaders(res, guessContentType(name), contentDisposition("attachment", name));
    res.setHeader("content-length", header.size);
    res.statusCode = 200;
    await copyOut(body as AsyncIterable<Buffer>, res);
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy();
  } finally {
    feed.stop();
  }
}

/** A folder as a ZIP, made from the engine's tar as both stream; a failure midway cuts the download. */
async function sendZip(res: ServerResponse, upstream: IncomingMessage, name: string) {
  fileHeaders(res, "application/zip", contentDisposition("attachment", `${name}.zip`));
  res.statusCode = 200;
  const extract = tar.extract();
  const feed = feedArchive(upstream, extract, () => undefined);
  feed.done.catch(() => undefined);
  try {
    await tarToZip(extract, (chunk) =>
      res.write(chunk) || res.destroyed ? Promise.resolve() : drained(res),
    );
    res.end();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy();
  } finally {
    feed.stop();
  }
}

/** Resolves once `res` takes writes again, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

/** Writes `from` to `res` as fast as the reader takes it; a reader that goes away ends the copy. */
async function copyOut(from: AsyncIterable<Buffer>, res: ServerResponse): Promise<void> {
  for await (const chunk of from) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}
