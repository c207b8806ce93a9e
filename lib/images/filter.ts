import type { ImageSummary } from "./types";

export const IMAGE_SORT_KEYS = ["created", "size", "name", "containers"] as const;
export type ImageSortKey = (typeof IMAGE_SORT_KEYS)[number];

export interface ImageFilter {
  dangling?: boolean;
  unused?: boolean;
  /** Case-insensitive substring of a tag or digest, or an id prefix (with or without `sha256:`). */
  q?: string;
  sort?: ImageSortKey;
  dir?: "asc" | "desc";
}

const nameOf = (i: ImageSummary) => i.repoTags[0] ?? "";

function compare(a: ImageSummary, b: ImageSummary, key: ImageSortKey): number {
  switch (key) {
    case "created":
      return a.created - b.created;
    case "size":
      return a.size - b.size;
    case "containers":
      return a.containers - b.containers;
    case "name":
      // Dangling images (no name) sort last either way up.
      return nameOf(a).localeCompare(nameOf(b));
  }
}

function matches(i: ImageSummary, needle: string): boolean {
  const bare = needle.replace(/^sha256:/, "");
  return (
    i.id.slice(7).startsWith(bare) ||
    i.repoTags.some((t) => t.toLowerCase().includes(needle)) ||
    i.repoDigests.some((d) => d.toLowerCase().includes(needle))
  );
}

/** Pure and shared: the REST API filters with it, and the browser can filter its cached list the same way. */
export function filterImages(items: readonly ImageSummary[], f: ImageFilter): ImageSummary[] {
  const needle = f.q?.trim().toLowerCase();
  const out = items.filter(
    (i) => (!f.dangling || i.dangling) && (!f.unused || i.unused) && (!needle || matches(i, needle)),
  );
  const key = f.sort ?? "created";
  const sign = (f.dir ?? (key === "name" ? "asc" : "desc")) === "asc" ? 1 : -1;
  return out.sort((a, b) => {
    if (key === "name" && !!nameOf(a) !== !!nameOf(b)) return nameOf(a) ? -1 : 1;
    return sign * compare(a, b, key) || a.id.localeCompare(b.id);
  });
}
