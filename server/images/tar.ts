/** A minimal ustar writer: enough for a build context made of a pasted Dockerfile or a converted zip. */

export type TarEntry =
  | { kind: "file"; name: string; data: Buffer; mode?: number; mtime?: number; uid?: number; gid?: number }
  | { kind: "dir"; name: string; mode?: number; mtime?: number }
  | { kind: "symlink"; name: string; target: string; mtime?: number };

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

/** ustar keeps names to 100 bytes, plus a 155-byte prefix split at a `/`. */
function splitName(name: string): { name: string; prefix: string } {
  if (Buffer.byteLength(name) <= 100) return { name, prefix: "" };
  for (let i = name.indexOf("/"); i >= 0; i = name.indexOf("/", i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest)
      return { name: rest, prefix };
  }
  throw new Error(`path "${name}" is too long for a tar archive`);
}

function header(e: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  const path = e.kind === "dir" && !e.name.endsWith("/") ? `${e.name}/` : e.name;
  const { name, prefix } = splitName(path);
  const defaultMode = e.kind === "file" ? 0o644 : 0o755;
  const mode = e.kind === "symlink" ? 0o777 : (e.mode ?? defaultMode) & 0o7777;
  h.write(name, 0, 100, "utf8");
  h.write(octal(mode, 8), 100, 8, "ascii");
  h.write(octal(e.kind === "file" ? (e.uid ?? 0) : 0, 8), 108, 8, "ascii");
  h.write(octal(e.kind === "file" ? (e.gid ?? 0) : 0, 8), 116, 8, "ascii");
  h.write(octal(size, 12), 124, 12, "ascii");
  h.write(octal(Math.floor((e.mtime ?? 0) / 1000), 12), 136, 12, "ascii");
  h.write("        ", 148, 8, "ascii");
  h.write(e.kind === "dir" ? "5" : e.kind === "symlink" ? "2" : "0", 156, 1, "ascii");
  if (e.kind === "symlink") h.write(e.target, 157, 100, "utf8");
  h.write("ustar\u000000", 257, 8, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + " ", 148, 8, "ascii");
  return h;
}

/** A whole archive in memory, ending with the two zero blocks tar readers expect. */
export function writeTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.kind === "file" ? e.data : Buffer.alloc(0);
    parts.push(header(e, data.length), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
