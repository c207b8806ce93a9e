/**
 * The container file browser, changes view and commit, as the REST API and the UI see them.
 * Sizes are bytes; times are ISO 8601 strings as the engine gives them.
 */

export const FILE_TYPES = [
  "file",
  "dir",
  "symlink",
  "hardlink",
  "char-device",
  "block-device",
  "fifo",
  "socket",
  "other",
] as const;
export type FileType = (typeof FILE_TYPES)[number];

export interface FileEntry {
  name: string;
  /** The entry's absolute path inside the container. */
  path: string;
  type: FileType;
  size: number;
  /** Permission bits in octal with the special bits, e.g. "0755" or "4755". */
  mode: string;
  /** As `ls -l` shows them, e.g. "drwxr-xr-x". */
  permissions: string;
  uid: number;
  gid: number;
  uname?: string;
  gname?: string;
  mtime: string;
  /** A symlink's target as stored (often relative); a hard link's as an absolute path. */
  linkTarget?: string;
}

export const TRUNCATION_REASONS = ["bytes", "entries"] as const;
export type TruncationReason = (typeof TRUNCATION_REASONS)[number];

/** One folder's direct children, folders first and then by name. */
export interface FolderListing {
  /** The path asked for. */
  path: string;
  /** Where a symlink asked for leads (the folder actually listed); absent when `path` is no symlink. */
  resolvedPath?: string;
  /** What `path` is: "dir" for a listing; any other type answers that one entry as `items[0]`. */
  type: FileType;
  items: FileEntry[];
  /** The listing stopped before the end of the folder's archive; `items` is what was found by then. */
  truncated: boolean;
  truncatedReason?: TruncationReason;
  /** Why it stopped, in words, when it did. */
  message?: string;
  /** Bytes of the engine's archive read for this listing (subfolders' contents included). */
  scannedBytes: number;
}

/** What an upload put into the container. */
export interface UploadResult {
  /** The folder the files went into (a symlink asked for is followed). */
  path: string;
  /** Top-level names written into `path`. */
  names: string[];
  /** Entries in the archive sent to the engine (files, folders and links). */
  entries: number;
  /** Bytes of file content. */
  bytes: number;
  /** Paths that existed before and were replaced (overwrite=1). */
  replaced: string[];
}

export const CHANGE_KINDS = ["C", "A", "D"] as const;
/** Changed, added or deleted, as `docker diff` prints them. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ContainerChange {
  path: string;
  kind: ChangeKind;
}

export interface ChangeNode {
  name: string;
  path: string;
  /** Absent for a folder that only holds changes and did not change itself. */
  kind?: ChangeKind;
  children: ChangeNode[];
}

export interface ChangesView {
  items: ContainerChange[];
  /** The same changes as a tree under "/", folders and files by name. */
  tree: ChangeNode[];
  counts: Record<ChangeKind, number>;
}

export interface CommitResult {
  /** The new image's id. */
  id: string;
  /** `repo:tag` as given (tag "latest" when none). */
  ref: string;
}
