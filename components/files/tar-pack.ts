/**
 * A ustar archive of files picked in the browser, for an upload of several files or a folder: the
 * headers are made here and the files' own bytes are joined in as they are (a Blob of parts copies
 * nothing), so a 50 MB file costs no memory of its own. Folders get their own entries, parents first.
 */

export interface PackFile {
  /** The path inside the archive, "/"-separated and relative ("logs/app.log"). */
  path: string;
  size: number;
  /** Modification time, epoch ms. */
  mtime: number;
}

const BLOCK = 512;

/** Why a path cannot go into the archive as it is, or undefined. */
export function packPathProblem(path: string): string | undefined {
  if (!path) return "is empty";
  if (path.startsWith("/")) return "must be relative";
  if (path.split("/").some((s) => s === "" || s === "." || s === ".."))
    return "must not hold empty, . or .. parts";
  if (path.includes("\0")) return "must not hold a NUL character";
  return undefined;
}

/** The folders the files lie in, each once, parents before children. */
export function foldersOf(files: readonly PackFile[]): string[] {
  const seen = new Set<string>();
  for (const f of files) {
    const parts = f.path.split("/");
    for (let i = 1; i < parts.length; i++) seen.add(parts.slice(0, i).join("/"));
  }
  return [...seen].sort((a, b) => a.split("/").length - b.split("/").length || (a < b ? -1 : 1));
}

const encoder = new TextEncoder();

function put(h: Uint8Array, at: number, width: number, text: string): void {
  const bytes = encoder.encode(text);
  if (bytes.length > width) throw new Error(`tar header field too long: ${text}`);
  h.set(bytes, at);
}

/** An octal number field: digits, then a NUL, as ustar writes them. */
const octal = (h: Uint8Array, at: number, width: number, n: number) =>
  put(
    h,
    at,
    width,
    `${Math.floor(n)
      .toString(8)
      .padStart(width - 1, "0")}\0`,
  );

/** Splits a long path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a "/". */
function splitName(path: string): { name: string; prefix: string } {
  if (encoder.encode(path).length <= 100) return { name: path, prefix: "" };
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { name, prefix };
  }
  throw new Error(
    `${path}: the path is too long for an upload (at most 255 bytes, 100 after the last folders)`,
  );
}

/** One 512-byte header block. */
export function tarHeader(e: { path: string; size: number; mtime: number; dir: boolean }): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const { name, prefix } = splitName(e.dir ? `${e.path}/` : e.path);
  put(h, 0, 100, name);
  octal(h, 100, 8, e.dir ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, e.dir ? 0 : e.size);
  octal(h, 136, 12, e.mtime / 1000);
  put(h, 148, 8, "        ");
  put(h, 156, 1, e.dir ? "5" : "0");
  put(h, 257, 6, "ustar\0");
  put(h, 263, 2, "00");
  put(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  put(h, 148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
  return h;
}

/**
 * The archive as parts in order: each folder's header, then each file's header, its body (the
 * caller's own object, e.g. a File) and the padding to a whole block; two empty blocks end it.
 */
export function tarParts<B>(
  files: readonly (PackFile & { body: B })[],
  now = Date.now(),
): (Uint8Array | B)[] {
  for (const f of files) {
    const problem = packPathProblem(f.path);
    if (problem) throw new Error(`${f.path}: the path ${problem}`);
  }
  const parts: (Uint8Array | B)[] = [];
  for (const dir of foldersOf(files)) parts.push(tarHeader({ path: dir, size: 0, mtime: now, dir: true }));
  for (const f of files) {
    parts.push(tarHeader({ path: f.path, size: f.size, mtime: f.mtime, dir: false }), f.body);
    const pad = (BLOCK - (f.size % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return parts;
}
