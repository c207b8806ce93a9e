import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar, { type Header } from "tar-stream";

const GZIP = [0x1f, 0x8b] as const;
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd] as const;

export type BlobKind = "gzip" | "zstd" | "json" | "tar";

const startsWith = (b: Buffer, magic: readonly number[]) => magic.every((m, i) => b[i] === m);

/**
 * What a blob of a save holds, from its first bytes: a gzip or zstd layer, a JSON document (an
 * OCI config, manifest or index), or a plain tar (an empty layer is 1024 zero bytes, no magic at all).
 */
export function sniffBlob(head: Buffer): BlobKind {
  if (startsWith(head, GZIP)) return "gzip";
  if (startsWith(head, ZSTD)) return "zstd";
  const first = head.toString("latin1").trimStart()[0];
  return first === "{" || first === "[" ? "json" : "tar";
}

/** The first `n` bytes of a stream (fewer if it is shorter), and the whole stream again to read. */
export async function peek(source: AsyncIterable<Buffer>, n: number) {
  const it = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    have += r.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all() {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, all };
}

export interface LayerTarResult {
  diffId: string;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
}

/**
 * Reads one layer tar as it streams, gunzipping it when it is compressed: each entry's header goes
 * to `onEntry`, its content is skipped, and the diff id is the sha256 of the uncompressed bytes.
 * Nothing is written to disk and nothing is held beyond the streams' own buffers.
 */
export async function readLayerTar(
  source: AsyncIterable<Buffer>,
  kind: "gzip" | "tar",
  onEntry: (h: Header) => void,
): Promise<LayerTarResult> {
  const hash = createHash("sha256");
  let tarSize = 0;
  const hasher = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      tarSize += chunk.length;
      done(null, chunk);
    },
  });
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    onEntry(header);
    stream.on("end", () => next());
    stream.resume();
  });
  // The hash sees every byte, padding after the end-of-archive blocks included, since the
  // extractor reads its input to the end.
  const input = source as unknown as Readable;
  const sink = extract as unknown as NodeJS.WritableStream;
  if (kind === "gzip") await pipeline(input, createGunzip(), hasher, sink);
  else await pipeline(input, hasher, sink);
  return { diffId: `sha256:${hash.digest("hex")}`, tarSize };
}
