import type { ImageSummary } from "@/lib/images/types";

export const IMAGE_SORT_KEYS = ["name", "id", "size", "shared", "created", "containers", "host"] as const;
export type ImageSortKey = (typeof IMAGE_SORT_KEYS)[number];

export interface ImageFilter {
  /** Matches a tag, a digest or an id prefix, case-insensitive. */
  q?: string;
  dangling?: boolean;
  unused?: boolean;
  host?: string;
  sort: ImageSortKey;
  dir: "asc" | "desc";
}

export const NONE = "<none>";

/** The name a row shows and sorts by: its first tag, or `<none>` for a dangling image. */
export function imageName(i: Pick<ImageSummary, "repoTags">): string {
  return i.repoTags[0] ?? NONE;
}

export const imageKey = (i: Pick<ImageSummary, "hostId" | "id">) => `${i.hostId}/${i.id}`;

/** The path segment that names an image in the API: a tag reads better in the address than an id. */
export function imageRef(i: Pick<ImageSummary, "repoTags" | "id">): string {
  return i.repoTags[0] ?? i.id;
}

const VALUE = {
  name: (i) => imageName(i).toLowerCase(),
  id: (i) => i.id,
  size: (i) => i.size,
  shared: (i) => i.sharedSize,
  created: (i) => i.created,
  containers: (i) => i.containers,
  host: (i) => i.hostId,
} as const satisfies Record<ImageSortKey, (i: ImageSummary) => string | number>;

function matches(i: ImageSummary, q: string): boolean {
  const bare = q.replace(/^sha256:/, "");
  return (
    i.id.replace(/^sha256:/, "").startsWith(bare) ||
    i.repoTags.some((t) => t.toLowerCase().includes(q)) ||
    i.repoDigests.some((d) => d.toLowerCase().includes(q)) ||
    (i.dangling && NONE.includes(q))
  );
}

export function filterImages(items: ImageSummary[], f: ImageFilter): ImageSummary[] {
  const q = f.q?.trim().toLowerCase();
  const out = items.filter(
    (i) =>
      (!f.dangling || i.dangling) &&
      (!f.unused || i.unused) &&
      (!f.host || i.hostId === f.host) &&
      (!q || matches(i, q)),
  );
  const value = VALUE[f.sort];
  const sign = f.dir === "desc" ? -1 : 1;
  // Dangling images sort after named ones by name, whatever the direction: they are rarely what you look for.
  return out.sort((a, b) => {
    if (f.sort === "name" && a.dangling !== b.dangling) return a.dangling ? 1 : -1;
    const va = value(a);
    const vb = value(b);
    const c = va < vb ? -1 : va > vb ? 1 : imageKey(a).localeCompare(imageKey(b));
    return c * sign;
  });
}
