import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/database";
import { toLayerRow } from "../entry-path";
import { LayerStore, type IndexedLayer } from "../layer-store";
import { readLayerTar } from "../layer-tar";
import { chunked, makeTar, type TarEntry } from "./tars";

/** A database in a folder of its own, for one test. */
export function tempStore(): { store: LayerStore; db: Db; close(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-layers-"));
  const db = openDatabase(dir);
  return {
    store: new LayerStore(db),
    db,
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Indexes each layer (given as tar entries) as a save would, and answers the layers bottom first. */
export async function indexLayers(store: LayerStore, layers: readonly TarEntry[][]): Promise<IndexedLayer[]> {
  const out: IndexedLayer[] = [];
  for (const entries of layers) {
    const w = store.begin();
    const r = await readLayerTar(chunked(await makeTar(entries)), "tar", (h) => {
      const row = toLayerRow(h);
      if (row) w.add(row);
    });
    out.push(w.finish(r.diffId, r.tarSize));
  }
  return out;
}
