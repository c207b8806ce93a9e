import { afterEach, describe, expect, it } from "vitest";
import { analyzeLayers } from "./analysis";
import type { IndexedLayer } from "./layer-store";
import { indexLayers, tempStore } from "./__fixtures__/indexed";
import type { TarEntry } from "./__fixtures__/tars";

const MiB = 1024 * 1024;
const open: { close(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function analyze(layers: TarEntry[][]) {
  const t = tempStore();
  open.push(t);
  const indexed: IndexedLayer[] = await indexLayers(t.store, layers);
  return analyzeLayers(
    indexed.length,
    (i) => t.store.layerRows((indexed[i] as IndexedLayer).id),
    indexed.map((l) => l.size),
  );
}

const base: TarEntry[] = [
  { name: "bin/", type: "directory" },
  { name: "bin/sh", size: 1000 },
  { name: "data/", type: "directory" },
];

describe("wasted space", () => {
  it("counts each superseded copy once: written, overwritten, deleted wastes two copies, not three", async () => {
    // Arrange
    const layers: TarEntry[][] = [
      base,
      [
        { name: "data/", type: "directory" },
        { name: "data/big", size: 10 * MiB },
      ],
      [
        { name: "data/", type: "directory" },
        { name: "data/big", size: 10 * MiB },
      ],
      [{ name: "data/", type: "directory" }, { name: "data/.wh.big" }],
    ];
    // Act
    const a = await analyze(layers);
    // Assert
    expect(a.wastedBytes).toBe(20 * MiB);
    expect(a.totalBytes).toBe(20 * MiB + 1000);
    expect(a.efficiency).toBeCloseTo(1 - (20 * MiB) / (20 * MiB + 1000), 10);
    expect(a.wasted.items).toEqual([
      {
        path: "data/big",
        wastedBytes: 20 * MiB,
        events: [
          { position: 2, action: "written", size: 10 * MiB },
          { position: 3, action: "overwritten", size: 10 * MiB },
          { position: 4, action: "deleted" },
        ],
        explanation: "written in layer 2, overwritten in layer 3, deleted in layer 4",
      },
    ]);
    expect(a.layers.map((l) => l.wastedBytes)).toEqual([0, 10 * MiB, 10 * MiB, 0]);
    expect(a.layers.map((l) => [l.added, l.modified, l.deleted])).toEqual([
      [3, 0, 0],
      [1, 1, 0],
      [0, 2, 0],
      [0, 1, 1],
    ]);
    expect(a.largest).toEqual([{ path: "bin/sh", size: 1000, position: 1 }]);
  });

  it("wastes every file under a deleted folder, and nothing for a file deleted before", async () => {
    const a = await analyze([
      [
        ...base,
        { name: "cache/", type: "directory" },
        { name: "cache/a", size: 300 },
        { name: "cache/b", size: 200 },
      ],
      [{ name: "cache/", type: "directory" }, { name: "cache/.wh.a" }],
      [{ name: ".wh.cache" }],
    ]);
    expect(a.wastedBytes).toBe(500);
    expect(a.layers.map((l) => l.deleted)).toEqual([0, 1, 1]);
    expect(a.wasted.items.map((w) => [w.path, w.explanation])).toEqual([
      ["cache/a", "written in layer 1, deleted in layer 2"],
      ["cache/b", "written in layer 1, deleted in layer 3"],
    ]);
  });

  it("resolves an opaque folder: what the layer does not restate below it is gone", async () => {
    const a = await analyze([
      [
        { name: "app/", type: "directory" },
        { name: "app/old.js", size: 50 },
        { name: "app/keep.js", size: 10 },
        { name: "app/lib/", type: "directory" },
        { name: "app/lib/x.js", size: 5 },
      ],
      [
        { name: "app/", type: "directory" },
        { name: "app/.wh..wh..opq" },
        { name: "app/keep.js", size: 11 },
        { name: "app/lib/", type: "directory" },
      ],
    ]);
    // old.js and lib/x.js are hidden, keep.js is overwritten: every lower copy is wasted.
    expect(a.wastedBytes).toBe(65);
    expect(a.layers[1]).toMatchObject({ added: 0, modified: 3, deleted: 1 });
    expect(a.largest).toEqual([{ path: "app/keep.js", size: 11, position: 2 }]);
  });

  it("treats a folder replaced by a file as deleting what was under it", async () => {
    const a = await analyze([
      [
        { name: "etc/", type: "directory" },
        { name: "etc/conf", size: 70 },
      ],
      [{ name: "etc", size: 3 }],
    ]);
    expect(a.wastedBytes).toBe(70);
    expect(a.wasted.items[0]?.explanation).toBe("written in layer 1, deleted in layer 2");
  });

  it("says an image with no file bytes is fully efficient", async () => {
    const a = await analyze([[{ name: "empty/", type: "directory" }]]);
    expect(a).toMatchObject({ totalBytes: 0, wastedBytes: 0, efficiency: 1 });
  });
});
