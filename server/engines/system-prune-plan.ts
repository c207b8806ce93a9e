import { parseLabelSelector } from "../../lib/container-filter";
import { isPredefinedNetwork } from "../../lib/networks";
import type { PruneKind, PrunePreviewItem, PrunePreviewKind } from "../../lib/system";
import type { PruneFilters } from "../../lib/volumes";
import type { RawNetwork } from "./networks-map";
import { isActiveContainer, type RawDf } from "./system-df";
import { engineSizes, isAnonymousVolume } from "./volumes-usage";

export interface PrunePlanInput {
  df: RawDf;
  /** Networks with their `Containers` (active endpoints) filled in, as inspect gives them. */
  networks: RawNetwork[];
  images: "dangling" | "all";
  volumes: boolean;
  buildCache: boolean;
  filters?: PruneFilters;
  /** API before 1.42: a volume prune covers named volumes too. */
  volumesCoverNamed: boolean;
}

/** The engine's label filter: every `key` must be present and every `key=value` must match. */
export function matchesLabelFilters(
  labels: Record<string, string> | null | undefined,
  filters?: PruneFilters,
): boolean {
  const l = labels ?? {};
  return (filters?.label ?? []).every((f) => {
    const { key, value } = parseLabelSelector(f);
    return value === undefined ? Object.hasOwn(l, key) : l[key] === value;
  });
}

const sum = (items: PrunePreviewItem[]) => items.reduce((s, i) => s + Math.max(0, i.size), 0);
const kind = (items: PrunePreviewItem[], note?: string): PrunePreviewKind => ({
  included: true,
  items,
  size: sum(items),
  ...(note ? { note } : {}),
});
const skipped = (note: string): PrunePreviewKind => ({ included: false, items: [], size: 0, note });

/**
 * What "prune everything" would remove, in the order it runs: stopped containers first, so images
 * and volumes only they used count as unused afterwards, as they will be when the prune runs.
 */
export function planPrune(input: PrunePlanInput): Record<PruneKind, PrunePreviewKind> {
  const { df, filters } = input;
  const allContainers = df.Containers ?? [];
  const goneContainers = allContainers.filter(
    (c) => !isActiveContainer(c.State) && matchesLabelFilters(c.Labels, filters),
  );
  const gone = new Set(goneContainers.map((c) => c.Id));
  const staying = allContainers.filter((c) => !gone.has(c.Id));

  const containers = goneContainers.map((c) => ({
    id: c.Id,
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
    size: c.SizeRw ?? 0,
  }));

  const networks = input.networks
    .filter(
      (n) =>
        !isPredefinedNetwork(n.Name) &&
        !n.Ingress &&
        (n.Scope ?? "local") === "local" &&
        Object.keys(n.Containers ?? {}).length === 0 &&
        matchesLabelFilters(n.Labels, filters),
    )
    .map((n) => ({ id: n.Id, name: n.Name, size: 0 }));

  const usedImages = new Set(staying.map((c) => c.ImageID).filter(Boolean));
  const images = (df.Images ?? [])
    .filter((i) => {
      const tags = (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
      return (
        (input.images === "all" || tags.length === 0) &&
        !usedImages.has(i.Id) &&
        matchesLabelFilters(i.Labels, filters)
      );
    })
    .map((i) => ({
      id: i.Id,
      name: (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>").join(", ") || "<none>",
      // What removing it frees: the bytes it does not share with images that stay.
      size:
        (i.Size ?? -1) >= 0 && (i.SharedSize ?? -1) >= 0
          ? (i.Size as number) - (i.SharedSize as number)
          : (i.Size ?? -1),
    }));

  const mounted = new Set(
    staying.flatMap((c) => (c.Mounts ?? []).filter((m) => m.Type === "volume").map((m) => m.Name)),
  );
  const volumes = (df.Volumes ?? [])
    .filter(
      (v) =>
        engineSizes(v) &&
        !mounted.has(v.Name) &&
        (input.volumesCoverNamed || isAnonymousVolume(v.Name, v.Labels)) &&
        matchesLabelFilters(v.Labels, filters),
    )
    .map((v) => ({ id: v.Name, name: v.Name, size: v.UsageData?.Size ?? -1 }));

  const cache = (df.BuildCache ?? [])
    .filter((b) => !b.InUse && !b.Shared)
    .map((b) => ({ id: b.ID, name: b.Description || b.Type || b.ID, size: b.Size ?? -1 }));

  return {
    containers: kind(containers),
    networks: kind(networks),
    images: kind(
      images,
      input.images === "all"
        ? "every image no remaining container uses"
        : "untagged images no container uses",
    ),
    volumes: input.volumes
      ? kind(
          volumes,
          input.volumesCoverNamed
            ? "this engine prunes every unused local volume, named or anonymous"
            : "anonymous volumes only, as the engine prunes them",
        )
      : skipped("volumes are kept unless asked for"),
    buildCache: !input.buildCache
      ? skipped("build cache is kept unless asked for")
      : filters?.label?.length
        ? skipped("build cache carries no labels, so it is not pruned when a label filter is given")
        : kind(cache),
  };
}
