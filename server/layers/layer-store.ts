import type { Db } from "../db/database";
import type { LayerRow } from "./entry-path";

/** Rows per transaction while a layer streams: few fsyncs, and never a whole layer in memory. */
export const WRITE_BATCH = 2000;

export interface IndexedLayer {
  id: number;
  diffId: string;
  tarSize: number;
  size: number;
  entries: number;
}

export interface StoredRow extends LayerRow {
  layerId: number;
}

interface DbRow {
  layer_id: number;
  dir: string;
  name: string;
  wh: 0 | 1 | 2;
  type: LayerRow["type"];
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  link_target: string | null;
}

const toRow = (r: DbRow): StoredRow => ({
  layerId: r.layer_id,
  dir: r.dir,
  name: r.name,
  wh: r.wh,
  type: r.type,
  size: r.size,
  mode: r.mode,
  uid: r.uid,
  gid: r.gid,
  mtime: r.mtime,
  linkTarget: r.link_target,
});

/**
 * A layer being written: rows go to a provisional layer row in batches as the tar streams; the
 * diff id, known only at the tar's end, is set last. A layer that turns out to be indexed already
 * (another image had it) is dropped again.
 */
export class LayerWriter {
  private pending: LayerRow[] = [];
  private entries = 0;
  private size = 0;

  constructor(
    private readonly store: LayerStore,
    readonly layerId: number,
  ) {}

  add(row: LayerRow): void {
    this.pending.push(row);
    this.entries++;
    this.size += row.size;
    if (this.pending.length >= WRITE_BATCH) this.flush();
  }

  flush(): void {
    if (!this.pending.length) return;
    this.store.insertRows(this.layerId, this.pending);
    this.pending = [];
  }

  /** Names the layer by its diff id; answers the layer as indexed (its own row or the one already there). */
  finish(diffId: string, tarSize: number): IndexedLayer {
    this.flush();
    return this.store.finishLayer(this.layerId, diffId, tarSize, this.size, this.entries);
  }

  abandon(): void {
    this.pending = [];
    this.store.dropLayer(this.layerId);
  }
}

export class LayerStore {
  constructor(private readonly db: Db) {
    // Layers a stopped server was still reading.
    db.prepare("DELETE FROM layer_index WHERE diff_id IS NULL").run();
  }

  begin(): LayerWriter {
    const r = this.db.prepare("INSERT INTO layer_index (indexed_at) VALUES (?)").run(Date.now());
    return new LayerWriter(this, Number(r.lastInsertRowid));
  }

  insertRows(layerId: number, rows: readonly LayerRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO layer_files (layer_id, dir, name, wh, type, size, mode, uid, gid, mtime, link_target)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (layer_id, dir, name, wh) DO UPDATE SET type = excluded.type, size = excluded.size,
         mode = excluded.mode, uid = excluded.uid, gid = excluded.gid, mtime = excluded.mtime,
         link_target = excluded.link_target`,
    );
    this.db.transaction(() => {
      // A tar may name a path twice; the later entry is the one extracted, as with tar -x.
      for (const r of rows)
        insert.run(layerId, r.dir, r.name, r.wh, r.type, r.size, r.mode, r.uid, r.gid, r.mtime, r.linkTarget);
    })();
  }

  finishLayer(layerId: number, diffId: string, tarSize: number, size: number, entries: number): IndexedLayer {
    return this.db.transaction(() => {
      const existing = this.find(diffId);
      if (existing) {
        this.dropLayer(layerId);
        return existing;
      }
      this.db
        .prepare("UPDATE layer_index SET diff_id = ?, tar_size = ?, size = ?, entries = ? WHERE id = ?")
        .run(diffId, tarSize, size, entries, layerId);
      return { id: layerId, diffId, tarSize, size, entries };
    })();
  }

  dropLayer(layerId: number): void {
    this.db.prepare("DELETE FROM layer_index WHERE id = ?").run(layerId);
  }

  find(diffId: string): IndexedLayer | undefined {
    return this.db
      .prepare<[string], IndexedLayer>(
        "SELECT id, diff_id AS diffId, tar_size AS tarSize, size, entries FROM layer_index WHERE diff_id = ?",
      )
      .get(diffId);
  }

  /** Every row of one layer, whiteouts and opaque folders first, then by folder (parents before children). */
  *layerRows(layerId: number): Generator<StoredRow> {
    const q = this.db.prepare<[number], DbRow>(
      "SELECT * FROM layer_files WHERE layer_id = ? ORDER BY wh DESC, dir, name",
    );
    for (const r of q.iterate(layerId)) yield toRow(r);
  }

  /** The rows of one folder in the given layers. */
  folderRows(layerIds: readonly number[], dir: string): StoredRow[] {
    if (!layerIds.length) return [];
    const marks = layerIds.map(() => "?").join(",");
    return this.db
      .prepare<unknown[], DbRow>(
        `SELECT * FROM layer_files WHERE layer_id IN (${marks}) AND dir = ? ORDER BY name`,
      )
      .all(...layerIds, dir)
      .map(toRow);
  }

  /** The rows naming one path (its entry, a whiteout of it, an opaque mark on it) in the given layers. */
  pathRows(layerIds: readonly number[], dir: string, name: string): StoredRow[] {
    if (!layerIds.length) return [];
    const marks = layerIds.map(() => "?").join(",");
    return this.db
      .prepare<unknown[], DbRow>(
        `SELECT * FROM layer_files WHERE layer_id IN (${marks}) AND dir = ? AND name = ?`,
      )
      .all(...layerIds, dir, name)
      .map(toRow);
  }

  findImage(imageId: string): { stepSource: string; steps: string; analysis: string } | undefined {
    return this.db
      .prepare<[string], { stepSource: string; steps: string; analysis: string }>(
        "SELECT step_source AS stepSource, steps, analysis FROM layer_images WHERE image_id = ?",
      )
      .get(imageId);
  }

  saveImage(imageId: string, stepSource: string, steps: unknown, analysis: unknown): void {
    this.db
      .prepare(
        `INSERT INTO layer_images (image_id, step_source, steps, analysis, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (image_id) DO UPDATE SET step_source = excluded.step_source, steps = excluded.steps,
           analysis = excluded.analysis, at = excluded.at`,
      )
      .run(imageId, stepSource, JSON.stringify(steps), JSON.stringify(analysis), Date.now());
  }
}
