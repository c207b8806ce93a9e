import { crc32 } from "node:zlib";
import type tar from "tar-stream";
import { AppError } from "../../lib/errors";

/**
 * A folder's tar from the engine, rewritten as a ZIP while it streams: each file stored as it is (no
 * compression, so no CPU and no buffering), its CRC and size in a data descriptor after its bytes,
 * the central directory at the end. Folders and symbolic links keep their Unix modes; hard links,
 * devices and pipes have no place in a ZIP and are left out (and counted). Plain ZIP, not ZIP64:
 * a file or an archive past 4 GiB, or more than 65,535 entries, is refused, and the tar is the way.
 */

const LIMIT = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0008 | 0x0800;
/** Made by Unix (3), spec 2.0, so readers take the modes from the high half of the external attributes. */
const MADE_BY = (3 << 8) | 20;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

interface Central {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  time: number;
  date: number;
  attrs: number;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function localHeader(name: Buffer, time: number, date: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(FLAGS, 6);
  h.writeUInt16LE(0, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  // CRC and sizes stay 0 here: the data descriptor carries them.
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function descriptor(crc: number, size: number): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(crc >>> 0, 4);
  d.writeUInt32LE(size, 8);
  d.writeUInt32LE(size, 12);
  return d;
}

function centralHeader(e: Central): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(FLAGS, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(e.time, 12);
  h.writeUInt16LE(e.date, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.size, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.attrs >>> 0, 38);
  h.writeUInt32LE(e.offset, 42);
  return Buffer.concat([h, e.name]);
}

function endOfCentral(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

const tooLarge = (what: string) =>
  new AppError(
    "VALIDATION",
    `format: ${what} is past what a ZIP without ZIP64 holds; download the folder as a tar instead`,
  );

/**
 * Reads the tar through `extract` and hands the ZIP's bytes to `write`, which waits while the reader
 * is behind. Resolves with the entries left out once the central directory is written.
 */
export function tarToZip(
  extract: tar.Extract,
  write: (chunk: Buffer) => Promise<void>,
): Promise<{ entries: number; skipped: number }> {
  const central: Central[] = [];
  let offset = 0;
  let skipped = 0;
  const put = async (b: Buffer) => {
    offset += b.length;
    if (offset > LIMIT) throw tooLarge("the archive");
    await write(b);
  };
  return new Promise((resolve, reject) => {
    const fail = (err: unknown) => {
      extract.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    extract.on("entry", (header, stream, next) => {
      void (async () => {
        const kind = header.type;
        if (kind !== "file" && kind !== "directory" && kind !== "symlink") {
          skipped++;
          stream.resume();
          stream.once("end", next);
          return;
        }
        if (central.length >= MAX_ENTRIES) throw tooLarge("the number of entries");
        const name = Buffer.from(
          kind === "directory" && !header.name.endsWith("/") ? `${header.name}/` : header.name,
        );
        const { time, date } = dosTime(header.mtime ?? new Date(0));
        const start = offset;
        await put(localHeader(name, time, date));
        let crc = 0;
        let size = 0;
        if (kind === "symlink") {
          // A ZIP keeps a link's target as its content, marked a link by its mode.
          const target = Buffer.from(header.linkname ?? "");
          crc = crc32(target);
          size = target.length;
          await put(target);
          stream.resume();
        } else {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            crc = crc32(chunk, crc);
            size += chunk.length;
            if (size > LIMIT) throw tooLarge(header.name);
            await put(chunk);
          }
        }
        await put(descriptor(crc, size));
        const mode = (header.mode ?? 0o644) & 0o7777;
        const type = kind === "directory" ? S_IFDIR : kind === "symlink" ? S_IFLNK : S_IFREG;
        // The low byte is MS-DOS's attributes: 0x10 marks a folder for readers that look only there.
        central.push({
          name,
          crc,
          size,
          offset: start,
          time,
          date,
          attrs: ((type | mode) << 16) | (kind === "directory" ? 0x10 : 0),
        });
        next();
      })().catch(fail);
    });
    extract.once("error", fail);
    extract.once("finish", () => {
      void (async () => {
        const at = offset;
        for (const e of central) await put(centralHeader(e));
        await put(endOfCentral(central.length, offset - at, at));
        resolve({ entries: central.length, skipped });
      })().catch(fail);
    });
  });
}
