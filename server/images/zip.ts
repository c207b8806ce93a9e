import zlib from "node:zlib";
import type { TarEntry } from "./tar";

/** A zip that cannot become a build context; the message names the reason. */
export class ZipError extends Error {}

export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEnd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError("is not a zip archive (no end of central directory)");
}

/** Names inside a context stay inside it. */
function safeName(raw: string): string {
  const name = raw.replace(/\\/g, "/").replace(/^\/+/, "");
  if (name.split("/").some((p) => p === ".."))
    throw new ZipError(`holds a path that leaves the archive: ${raw}`);
  return name;
}

/** Reads a zip's entries (stored or deflated) as tar entries; unix modes and symlinks are kept. */
export function zipEntries(buf: Buffer, maxBytes: number): TarEntry[] {
  const end = findEnd(buf);
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  if (p === 0xffffffff || count === 0xffff)
    throw new ZipError("is a zip64 archive, which Wharf does not read");
  const entries: TarEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipError("has a damaged central directory");
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const dosTime = buf.readUInt16LE(p + 12);
    const dosDate = buf.readUInt16LE(p + 14);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const attrs = buf.readUInt32LE(p + 38);
    const local = buf.readUInt32LE(p + 42);
    const raw = buf.toString((flags & 0x800) !== 0 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    const name = safeName(raw);
    if (!name) continue;
    if (flags & 1) throw new ZipError(`holds an encrypted entry: ${raw}`);
    const mode = madeBy === 3 ? attrs >>> 16 : 0;
    const mtime = dosToMs(dosDate, dosTime);
    if (name.endsWith("/")) {
      entries.push({
        kind: "dir",
        name: name.slice(0, -1),
        ...(mode & 0o7777 ? { mode: mode & 0o7777 } : {}),
        mtime,
      });
      continue;
    }
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL)
      throw new ZipError(`has a damaged entry: ${raw}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(start, start + compSize);
    if (packed.length !== compSize) throw new ZipError(`is truncated at ${raw}`);
    total += size;
    if (total > maxBytes) throw new ZipError(`unpacks to more than ${maxBytes} bytes`);
    let data: Buffer;
    if (method === 0) data = packed;
    else if (method === 8) {
      try {
        data = zlib.inflateRawSync(packed, { maxOutputLength: Math.max(size, 1) });
      } catch {
        throw new ZipError(`has an entry that does not inflate: ${raw}`);
      }
    } else
      throw new ZipError(`uses compression method ${method} for ${raw}; only stored and deflated are read`);
    if ((mode & 0o170000) === 0o120000)
      entries.push({ kind: "symlink", name, target: data.toString("utf8"), mtime });
    else entries.push({ kind: "file", name, data, ...(mode & 0o7777 ? { mode: mode & 0o7777 } : {}), mtime });
  }
  return entries;
}

function dosToMs(date: number, time: number): number {
  const ms = Date.UTC(
    1980 + (date >> 9),
    ((date >> 5) & 15) - 1,
    date & 31,
    time >> 11,
    (time >> 5) & 63,
    (time & 31) * 2,
  );
  return Number.isFinite(ms) ? ms : 0;
}
