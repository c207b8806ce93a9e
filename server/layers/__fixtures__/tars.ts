import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";

/** One entry of a hand-made tar: a file (with content or a size of zero bytes), a folder or a link. */
export type TarEntry =
  | { name: string; content?: string | Buffer; size?: number; mode?: number }
  | { name: string; type: "directory" }
  | { name: string; type: "symlink"; linkname: string };

/** A tar built in memory with tar-stream; `size` without content writes that many zero bytes. */
export async function makeTar(entries: readonly TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const done = (async () => {
    const chunks: Buffer[] = [];
    for await (const c of pack as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  })();
  for (const e of entries) {
    if ("type" in e) {
      if (e.type === "directory") pack.entry({ name: e.name, type: "directory", mode: 0o755 });
      else pack.entry({ name: e.name, type: "symlink", linkname: e.linkname });
      continue;
    }
    const body = e.content ?? Buffer.alloc(e.size ?? 0);
    pack.entry({ name: e.name, mode: e.mode ?? 0o644, mtime: new Date(1_700_000_000_000) }, body);
  }
  pack.finalize();
  return done;
}

export const sha256 = (b: Buffer) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** A legacy `docker save`: `<id>/layer.tar`, `<config hex>.json`, `manifest.json`, in the order asked. */
export async function legacySave(
  layers: readonly Buffer[],
  history: unknown[],
  manifestFirst = false,
): Promise<{ tar: Buffer; imageId: string; diffIds: string[] }> {
  const diffIds = layers.map(sha256);
  const config = Buffer.from(JSON.stringify({ rootfs: { type: "layers", diff_ids: diffIds }, history }));
  const imageId = sha256(config);
  const hex = imageId.slice(7);
  const dirs = layers.map((_, i) => `${String(i).padStart(2, "0")}${"a".repeat(62)}`);
  const manifest = {
    name: "manifest.json",
    content: JSON.stringify([
      { Config: `${hex}.json`, RepoTags: ["t:1"], Layers: dirs.map((d) => `${d}/layer.tar`) },
    ]),
  };
  const body = [
    ...layers.flatMap((l, i) => [
      { name: `${dirs[i]}/`, type: "directory" as const },
      { name: `${dirs[i]}/VERSION`, content: "1.0" },
      { name: `${dirs[i]}/layer.tar`, content: l },
    ]),
    { name: `${hex}.json`, content: config },
  ];
  const tarBuf = await makeTar(manifestFirst ? [manifest, ...body] : [...body, manifest]);
  return { tar: tarBuf, imageId, diffIds };
}

/** An OCI save: gzip-compressed layer blobs, the config and manifest as blobs, index.json and manifest.json last. */
export async function ociSave(
  layers: readonly Buffer[],
  history: unknown[],
): Promise<{ tar: Buffer; imageId: string; diffIds: string[] }> {
  const diffIds = layers.map(sha256);
  const gz = layers.map((l) => gzipSync(l));
  const config = Buffer.from(JSON.stringify({ rootfs: { type: "layers", diff_ids: diffIds }, history }));
  const imageId = sha256(config);
  const blob = (b: Buffer) => `blobs/sha256/${sha256(b).slice(7)}`;
  const ociManifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: { digest: imageId, size: config.length },
      layers: gz.map((g) => ({
        digest: sha256(g),
        size: g.length,
        mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
      })),
    }),
  );
  return {
    tar: await makeTar([
      { name: "blobs/", type: "directory" },
      { name: "blobs/sha256/", type: "directory" },
      ...gz.map((g) => ({ name: blob(g), content: g })),
      { name: blob(config), content: config },
      { name: blob(ociManifest), content: ociManifest },
      {
        name: "index.json",
        content: JSON.stringify({ schemaVersion: 2, manifests: [{ digest: sha256(ociManifest) }] }),
      },
      {
        name: "manifest.json",
        content: JSON.stringify([{ Config: blob(config), Layers: gz.map(blob) }]),
      },
      { name: "oci-layout", content: '{"imageLayoutVersion":"1.0.0"}' },
    ]),
    imageId,
    diffIds,
  };
}

/** A stream that hands the bytes over in small uneven pieces, as a socket would. */
export function chunked(b: Buffer, size = 777): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) parts.push(b.subarray(i, i + size));
  return Readable.from(parts);
}
