import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import tar, { type Header } from "tar-stream";
import { AppError } from "../../lib/errors";
import { normalizeEntryPath } from "./entry-path";
import { peek, readLayerTar, sniffBlob } from "./layer-tar";

/** JSON documents of a save (manifests, configs, the OCI index) are small; a larger one is not one. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** Where the layers of one save went: each blob by its path in the save, mapped to a diff id. */
export interface SaveLayers<L> {
  /** Blob path (`<id>/layer.tar`, `blobs/sha256/<hex>`) to the layer read from it. */
  byPath: Map<string, L & { diffId: string }>;
  /** The save's JSON documents by path: manifest.json, index.json, configs, OCI manifests. */
  json: Map<string, unknown>;
  /** Symlinked layer paths (a legacy save links a layer it holds twice). */
  links: Map<string, string>;
}

export interface LayerHandler<L> {
  /** A layer whose diff id its blob path already says (an uncompressed OCI blob), if known: not read again. */
  known?(diffId: string): (L & { diffId: string }) | undefined;
  /** A layer starts streaming: each of its entries, then its diff id, or its end by failure. */
  begin(): {
    entry(h: Header): void;
    finish(diffId: string, tarSize: number): L & { diffId: string };
    abandon(): void;
  };
}

const isBlobPath = (p: string) => /^blobs\/sha256\/[0-9a-f]{64}$/.test(p);
const isLegacyLayer = (p: string) => /^[^/]+\/layer\.tar$/.test(p);
const isTopJson = (p: string) => !p.includes("/") && (p.endsWith(".json") || p === "repositories");

async function drain(entry: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of entry) void _;
}

async function readJson(path: string, source: AsyncIterable<Buffer>, size: number): Promise<unknown> {
  if (size > MAX_JSON_BYTES) {
    await drain(source);
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const c of source) chunks.push(c);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new AppError("ENGINE_ERROR", `the image's save holds ${path}, which is not valid JSON`);
  }
}

/**
 * Streams a `docker save` tar, legacy (`<id>/layer.tar`, `manifest.json`) or OCI (`blobs/sha256/…`,
 * `index.json`), in whatever order its entries come: each layer blob is read as it passes (gunzipped
 * when compressed) and indexed under its path, and the JSON documents are kept to map those paths to
 * the image's layers afterwards. Nothing touches the disk.
 */
export async function readSaveArchive<L>(source: Readable, handler: LayerHandler<L>): Promise<SaveLayers<L>> {
  const out: SaveLayers<L> = { byPath: new Map(), json: new Map(), links: new Map() };
  const extract = tar.extract();
  const feeding = pipeline(source, extract as unknown as NodeJS.WritableStream);
  // Its failure surfaces through the iteration below; this keeps it from being unhandled meanwhile.
  feeding.catch(() => undefined);
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const path = normalizeEntryPath(h.name);
      if (h.type === "symlink" && (isLegacyLayer(path) || isBlobPath(path))) {
        const dir = path.slice(0, path.lastIndexOf("/") + 1);
        out.links.set(path, normalizeEntryPath(dir + h.linkname));
        await drain(entry);
        continue;
      }
      if (h.type !== "file" && h.type !== "contiguous-file") {
        await drain(entry);
        continue;
      }
      if (isTopJson(path)) {
        const doc = await readJson(path, entry as AsyncIterable<Buffer>, h.size ?? 0);
        if (doc !== undefined) out.json.set(path, doc);
        continue;
      }
      if (!isLegacyLayer(path) && !isBlobPath(path)) {
        await drain(entry);
        continue;
      }
      const { head, all } = await peek(entry as AsyncIterable<Buffer>, 512);
      const kind = sniffBlob(head);
      if (kind === "json") {
        const doc = await readJson(path, all(), h.size ?? 0);
        if (doc !== undefined) out.json.set(path, doc);
        continue;
      }
      if (kind === "zstd")
        throw new AppError(
          "ENGINE_ERROR",
          `the layer ${path} is zstd-compressed, which Wharf cannot read yet`,
        );
      const digest = isBlobPath(path) ? `sha256:${path.slice("blobs/sha256/".length)}` : undefined;
      const known = kind === "tar" && digest ? handler.known?.(digest) : undefined;
      if (known) {
        await drain(all());
        out.byPath.set(path, known);
        continue;
      }
      const layer = handler.begin();
      try {
        const r = await readLayerTar(all(), kind, (eh) => layer.entry(eh));
        out.byPath.set(path, layer.finish(r.diffId, r.tarSize));
      } catch (err) {
        layer.abandon();
        throw err;
      }
    }
    await feeding;
  } catch (err) {
    extract.destroy();
    source.destroy();
    throw err;
  }
  return out;
}
