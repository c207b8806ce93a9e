/**
 * The image layer explorer as the REST API answers it. Layers are numbered by `position`, 1 for the
 * bottom one, in the order of the image's RootFS; sizes are bytes; times are epoch ms.
 */

export const LAYER_ENTRY_TYPES = [
  "file",
  "dir",
  "symlink",
  "hardlink",
  "char",
  "block",
  "fifo",
  "other",
] as const;
export type LayerEntryType = (typeof LAYER_ENTRY_TYPES)[number];

/** What a layer did to a path: added, changed (it was there below) or deleted. */
export const LAYER_CHANGES = ["A", "C", "D"] as const;
export type LayerChange = (typeof LAYER_CHANGES)[number];

export const LAYER_VIEWS = ["changes", "merged"] as const;
export type LayerView = (typeof LAYER_VIEWS)[number];

/** Where the layers' steps were read: the image config in the save, or the engine's history rows. */
export type StepSource = "config" | "history";

export interface LayerSummary {
  /** 1 for the bottom layer. */
  position: number;
  /** `sha256:` of the layer's uncompressed tar. */
  diffId: string;
  /** The Dockerfile step that made it, as the image records it. */
  createdBy: string;
  created?: number;
  comment?: string;
  /** Bytes of the files in the layer (their tar sizes). */
  size: number;
  /** Bytes of the layer's uncompressed tar. */
  tarSize: number;
  /** Entries in the layer's tar, whiteouts included. */
  entries: number;
  added: number;
  modified: number;
  deleted: number;
  /** Bytes of this layer's files that later layers overwrite or delete. */
  wastedBytes: number;
}

export interface WasteEvent {
  position: number;
  action: "written" | "overwritten" | "deleted";
  /** The bytes of the copy written (none for a deletion). */
  size?: number;
}

/** A path whose earlier copies a later layer overwrote or deleted. */
export interface WastedFile {
  path: string;
  /** Each superseded copy counted once. */
  wastedBytes: number;
  events: WasteEvent[];
  /** "written in layer 2, overwritten in layer 3, deleted in layer 4". */
  explanation: string;
}

export interface LargestFile {
  path: string;
  size: number;
  /** The layer the visible copy comes from. */
  position: number;
}

export interface ImageLayers {
  hostId: string;
  imageId: string;
  stepSource: StepSource;
  items: LayerSummary[];
  /** Bytes of every file copy in every layer. */
  totalBytes: number;
  /** Bytes of copies that a later layer overwrites or deletes. */
  wastedBytes: number;
  /** 1 − wastedBytes / totalBytes (1 for an image with no file bytes). */
  efficiency: number;
  wasted: { items: WastedFile[]; total: number; truncated: boolean };
  /** The largest files of the image as it runs (after the last layer). */
  largest: LargestFile[];
}

export interface LayerFileEntry {
  name: string;
  path: string;
  type: LayerEntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  /** Epoch ms. */
  mtime: number;
  linkTarget?: string;
  /** In the changes view: what this layer did to the path. */
  change?: LayerChange;
  /** The layer the entry comes from (for a deletion, the layer whose copy was deleted). */
  position: number;
}

export interface LayerFiles {
  diffId: string;
  position: number;
  /** The folder listed, "" for the root. */
  path: string;
  view: LayerView;
  items: LayerFileEntry[];
  /** Entries in the folder before the cap. */
  total: number;
  truncated: boolean;
}
