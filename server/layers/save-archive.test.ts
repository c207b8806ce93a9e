import type { Header } from "tar-stream";
import { describe, expect, it } from "vitest";
import { normalizeEntryPath } from "./entry-path";
import { chunked, legacySave, makeTar, ociSave } from "./__fixtures__/tars";
import { readSaveArchive, type LayerHandler } from "./save-archive";
import { configOf, manifestLayers } from "./save-image";

interface Seen {
  diffId: string;
  tarSize: number;
  names: string[];
}

/** A handler that keeps each layer's entry names, as the index would keep its rows. */
function recorder(known = new Map<string, Seen>()): LayerHandler<Seen> & { begun: number } {
  const h = {
    begun: 0,
    known: (d: string) => known.get(d),
    begin: () => {
      h.begun++;
      const names: string[] = [];
      return {
        entry: (e: Header) => names.push(normalizeEntryPath(e.name)),
        finish: (diffId: string, tarSize: number) => ({ diffId, tarSize, names }),
        abandon: () => undefined,
      };
    },
  };
  return h;
}

const history = [
  { created_by: "ADD rootfs" },
  { created_by: "ENV A=1", empty_layer: true },
  { created_by: "RUN echo hi > /etc/hi" },
];

async function twoLayers() {
  return [
    await makeTar([
      { name: "etc/", type: "directory" },
      { name: "etc/passwd", content: "root:x:0:0::/root:/bin/sh\n" },
      { name: "bin/sh", size: 4096 },
    ]),
    await makeTar([
      { name: "etc/", type: "directory" },
      { name: "etc/hi", content: "hi\n" },
      { name: "bin/.wh.sh" },
    ]),
  ];
}

describe("reading a docker save as a stream", () => {
  it.each([false, true])(
    "maps legacy <id>/layer.tar blobs to the config's diff ids (manifest first: %s)",
    async (manifestFirst) => {
      const layers = await twoLayers();
      const save = await legacySave(layers, history, manifestFirst);
      const h = recorder();
      const out = await readSaveArchive(chunked(save.tar), h);
      const paths = manifestLayers(out, save.imageId) ?? [];
      expect(paths.map((p) => out.byPath.get(p)?.diffId)).toEqual(save.diffIds);
      expect(configOf(out, save.imageId)?.rootfs?.diff_ids).toEqual(save.diffIds);
      expect(out.byPath.get(paths[1] as string)?.names).toEqual(["etc", "etc/hi", "bin/.wh.sh"]);
      expect(out.byPath.get(paths[0] as string)?.tarSize).toBe(layers[0]?.length);
    },
  );

  it("gunzips OCI blobs in the stream and hashes the uncompressed tar", async () => {
    const layers = await twoLayers();
    const save = await ociSave(layers, history);
    const out = await readSaveArchive(chunked(save.tar, 1000), recorder());
    const paths = manifestLayers(out, save.imageId) ?? [];
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => out.byPath.get(p)?.diffId)).toEqual(save.diffIds);
    expect(out.byPath.get(paths[0] as string)?.names).toEqual(["etc", "etc/passwd", "bin/sh"]);
    expect(configOf(out, save.imageId)?.history).toHaveLength(3);
    // The config and the OCI manifest are blobs too, but JSON: kept, not read as layers.
    expect([...out.json.keys()].filter((k) => k.startsWith("blobs/"))).toHaveLength(2);
  });

  it("does not read an uncompressed OCI blob whose digest is a layer the index has", async () => {
    const layers = await twoLayers();
    const save = await ociSave(layers, history);
    // Uncompressed blobs: the blob digest is the diff id.
    const plain = await makeTar([
      ...layers.map((l, i) => ({ name: `blobs/sha256/${save.diffIds[i]?.slice(7)}`, content: l })),
    ]);
    const known = new Map([
      [save.diffIds[0] as string, { diffId: save.diffIds[0] as string, tarSize: 1, names: [] }],
    ]);
    const h = recorder(known);
    const out = await readSaveArchive(chunked(plain), h);
    expect(h.begun).toBe(1);
    expect(out.byPath.size).toBe(2);
  });

  it("reads the empty layer (1024 zero bytes, no magic) as a layer", async () => {
    const empty = await makeTar([]);
    const save = await legacySave([empty], [{ created_by: "RUN true" }]);
    const out = await readSaveArchive(chunked(save.tar), recorder());
    const [p] = manifestLayers(out, save.imageId) ?? [];
    expect(out.byPath.get(p as string)).toMatchObject({ diffId: save.diffIds[0], names: [] });
  });

  it("fails when the stream breaks off in the middle", async () => {
    const save = await legacySave(await twoLayers(), history);
    const broken = chunked(save.tar.subarray(0, 3000));
    await expect(readSaveArchive(broken, recorder())).rejects.toThrow();
  });
});
