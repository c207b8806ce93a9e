import { type AppError } from "../../lib/errors";
import { fieldError } from "../../lib/parse";
import type { LayerFileEntry, LayerFiles, LayerView } from "../../lib/layers/types";
import { joinPath, splitPath } from "./entry-path";
import type { LayerStore, StoredRow } from "./layer-store";

/**
 * Folder listings of an image at one layer, read from the index: the merged tree (the filesystem
 * as a container would see it after that layer) or that layer's own changes to the folder.
 * `layerIds` are the image's indexed layers, bottom first.
 */
export class FolderView {
  constructor(
    private readonly store: LayerStore,
    private readonly layerIds: readonly number[],
  ) {}

  /** Rows of a path per layer index, lowest to highest, within layers [from, to). */
  private byIndex(rows: StoredRow[], from: number, to: number) {
    const at: { entry?: StoredRow; whiteout?: StoredRow; opaque?: StoredRow }[] = [];
    for (let i = from; i < to; i++) {
      const id = this.layerIds[i];
      const mine = rows.filter((r) => r.layerId === id);
      at[i] = {
        ...(mine.find((r) => r.wh === 0) ? { entry: mine.find((r) => r.wh === 0) } : {}),
        ...(mine.find((r) => r.wh === 1) ? { whiteout: mine.find((r) => r.wh === 1) } : {}),
        ...(mine.find((r) => r.wh === 2) ? { opaque: mine.find((r) => r.wh === 2) } : {}),
      };
    }
    return at;
  }

  /**
   * The lowest layer index whose entries in `folder` are visible with the layers [0, top), or
   * undefined when `folder` is not a folder there: below a whiteout of it or of a folder above it,
   * below a file that replaced it, or below an opaque mark on it, nothing shows.
   */
  visibleFrom(folder: string, top: number): number | undefined {
    if (folder === "") return 0;
    const { dir, name } = splitPath(folder);
    const b = this.visibleFrom(dir, top);
    if (b === undefined) return undefined;
    const ids = this.layerIds.slice(b, top);
    const at = this.byIndex(this.store.pathRows(ids, dir, name), b, top);
    let t = top - 1;
    while (t >= b && !at[t]?.entry && !at[t]?.whiteout) t--;
    const topRow = t >= b ? (at[t]?.entry ?? at[t]?.whiteout) : undefined;
    if (!topRow || topRow.wh !== 0 || topRow.type !== "dir") return undefined;
    let from = b;
    for (let i = t - 1; i >= b; i--) {
      const r = at[i];
      if (r?.whiteout || (r?.entry && r.entry.type !== "dir")) {
        from = i + 1;
        break;
      }
    }
    for (let i = top - 1; i >= from; i--)
      if (at[i]?.opaque) {
        from = i;
        break;
      }
    return from;
  }

  /** `folder`'s entries with the layers [0, top), each from the highest layer that states it. */
  merged(folder: string, top: number): Map<string, LayerFileEntry> | undefined {
    const from = this.visibleFrom(folder, top);
    if (from === undefined) return undefined;
    const rows = this.store.folderRows(this.layerIds.slice(from, top), folder);
    const best = new Map<string, { row: StoredRow; index: number }>();
    for (const row of rows) {
      if (row.wh === 2) continue;
      // An image may hold the same layer twice (an empty one, say): the higher copy is the one seen.
      const index = this.layerIds.lastIndexOf(row.layerId, top - 1);
      const seen = best.get(row.name);
      if (!seen || index > seen.index) best.set(row.name, { row, index });
    }
    const out = new Map<string, LayerFileEntry>();
    for (const [name, { row, index }] of best)
      if (row.wh === 0) out.set(name, toEntry(folder, row, index + 1));
    return out;
  }

  /** What the layer at `index` did inside `folder`: added, changed or deleted entries. */
  changes(folder: string, index: number): Map<string, LayerFileEntry> | undefined {
    const id = this.layerIds[index] as number;
    const own = this.store.folderRows([id], folder);
    const below =
      index > 0
        ? (this.merged(folder, index) ?? new Map<string, LayerFileEntry>())
        : new Map<string, LayerFileEntry>();
    if (!own.length && this.visibleFrom(folder, index + 1) === undefined) return undefined;
    const { dir, name } = splitPath(folder);
    const opaque = folder !== "" && this.store.pathRows([id], dir, name).some((r) => r.wh === 2);
    const out = new Map<string, LayerFileEntry>();
    for (const row of own) {
      if (row.wh === 2) continue;
      const prior = below.get(row.name);
      if (row.wh === 1) out.set(row.name, { ...(prior ?? toEntry(folder, row, index + 1)), change: "D" });
      else out.set(row.name, { ...toEntry(folder, row, index + 1), change: prior ? "C" : "A" });
    }
    if (opaque) for (const [n, prior] of below) if (!out.has(n)) out.set(n, { ...prior, change: "D" });
    return out;
  }

  list(folder: string, position: number, view: LayerView, limit: number): Omit<LayerFiles, "diffId"> {
    const found = view === "merged" ? this.merged(folder, position) : this.changes(folder, position - 1);
    if (!found) throw noFolder(folder, position);
    const items = [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      position,
      path: folder,
      view,
      items: items.slice(0, limit),
      total: items.length,
      truncated: items.length > limit,
    };
  }
}

const noFolder = (folder: string, position: number): AppError =>
  fieldError("path", `/${folder} is not a folder of the image at layer ${position}`, "NOT_FOUND");

function toEntry(folder: string, r: StoredRow, position: number): LayerFileEntry {
  return {
    name: r.name,
    path: joinPath(folder, r.name),
    type: r.type,
    size: r.size,
    mode: r.mode,
    uid: r.uid,
    gid: r.gid,
    mtime: r.mtime,
    ...(r.linkTarget ? { linkTarget: r.linkTarget } : {}),
    position,
  };
}
