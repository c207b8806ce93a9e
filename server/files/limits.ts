const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/**
 * What one file-browser request may cost. A folder's archive carries every descendant's contents,
 * so a listing reads headers only and stops at `listArchiveBytes` of archive, answering what it has.
 */
export const FILE_LIMITS = {
  /** Archive bytes a listing reads before it stops (subfolders' contents included). */
  listArchiveBytes: 256 * MiB,
  /** Direct children a listing answers at most. */
  listEntries: 20_000,
  /** The largest file a preview answers; a larger one is 413. */
  previewBytes: 256 * KiB,
  /** The largest upload body, spooled to the data dir before anything reaches the engine. */
  uploadBytes: 4 * GiB,
  /** Entries an uploaded tar may hold. */
  uploadEntries: 20_000,
  /** Existence checks (HEAD) in flight at once before an upload. */
  statConcurrency: 8,
  /** How long the engine may take to take in an upload. */
  uploadTimeoutMs: 30 * 60_000,
} as const;

export type FileLimits = { [K in keyof typeof FILE_LIMITS]: number };
