import type { DfBuildCache, DfContainer, DfImage, DfSummaryRow, DfVolume, DiskUsage } from "../../lib/system";

/** The engine's `/system/df` answer, as far as Wharf reads it. */
export interface RawDf {
  LayersSize?: number;
  Images?: RawDfImage[] | null;
  Containers?: RawDfContainer[] | null;
  Volumes?: RawDfVolume[] | null;
  BuildCache?: RawDfBuildCache[] | null;
}

export interface RawDfImage {
  Id: string;
  RepoTags?: string[] | null;
  Size?: number;
  SharedSize?: number;
  Containers?: number;
  Created?: number;
  Labels?: Record<string, string> | null;
}

export interface RawDfContainer {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  State?: string;
  SizeRw?: number;
  SizeRootFs?: number;
  Labels?: Record<string, string> | null;
  Mounts?: { Type?: string; Name?: string }[] | null;
}

export interface RawDfVolume {
  Name: string;
  Driver?: string;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
  UsageData?: { Size?: number; RefCount?: number } | null;
}

export interface RawDfBuildCache {
  ID: string;
  Type?: string;
  Description?: string;
  Size?: number;
  InUse?: boolean;
  Shared?: boolean;
  LastUsedAt?: string | null;
}

/** The engine counts a paused or restarting container as running, and never prunes it. */
export const isActiveContainer = (state: string | undefined) => /running|paused|restarting/.test(state ?? "");

const known = (n: number | undefined) => (n !== undefined && n >= 0 ? n : 0);

/** The rows of `docker system df`, with the CLI's own rules for "active", "size" and "reclaimable". */
export function summariseDf(
  df: RawDf,
): Record<"images" | "containers" | "volumes" | "buildCache", DfSummaryRow> {
  const images = df.Images ?? [];
  const layers = known(df.LayersSize);
  // Bytes that images in use hold alone; what is shared with other images is not counted twice.
  const used = images
    .filter((i) => (i.Containers ?? 0) > 0 && (i.Size ?? -1) >= 0 && (i.SharedSize ?? -1) >= 0)
    .reduce((s, i) => s + (i.Size as number) - (i.SharedSize as number), 0);
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  const unshared = cache.filter((c) => !c.Shared);
  return {
    images: {
      total: images.length,
      active: images.filter((i) => (i.Containers ?? 0) > 0).length,
      size: layers,
      reclaimable: Math.max(0, layers - used),
    },
    containers: {
      total: containers.length,
      active: containers.filter((c) => isActiveContainer(c.State)).length,
      size: containers.reduce((s, c) => s + known(c.SizeRw), 0),
      reclaimable: containers
        .filter((c) => !isActiveContainer(c.State))
        .reduce((s, c) => s + known(c.SizeRw), 0),
    },
    volumes: {
      total: volumes.length,
      active: volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length,
      size: volumes.reduce((s, v) => s + known(v.UsageData?.Size), 0),
      reclaimable: volumes
        .filter((v) => (v.UsageData?.RefCount ?? 0) === 0)
        .reduce((s, v) => s + known(v.UsageData?.Size), 0),
    },
    buildCache: {
      total: cache.length,
      active: cache.filter((c) => c.InUse).length,
      size: unshared.reduce((s, c) => s + known(c.Size), 0),
      reclaimable: unshared.filter((c) => !c.InUse).reduce((s, c) => s + known(c.Size), 0),
    },
  };
}

const toMs = (iso: string | null | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

/** The engine leaves out a container's sizes when they are zero (omitempty), having computed them all. */
export function toDiskUsage(hostId: string, df: RawDf): DiskUsage {
  const summary = summariseDf(df);
  const rows = Object.values(summary);
  return {
    hostId,
    layersSize: known(df.LayersSize),
    summary,
    totalSize: rows.reduce((s, r) => s + r.size, 0),
    totalReclaimable: rows.reduce((s, r) => s + r.reclaimable, 0),
    images: (df.Images ?? []).map((i): DfImage => ({
      id: i.Id,
      repoTags: (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>"),
      size: i.Size ?? -1,
      sharedSize: i.SharedSize ?? -1,
      containers: i.Containers ?? 0,
      created: (i.Created ?? 0) * 1000,
    })),
    containers: (df.Containers ?? []).map((c): DfContainer => ({
      id: c.Id,
      name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ""),
      image: c.Image ?? "",
      state: c.State ?? "",
      sizeRw: c.SizeRw ?? 0,
      sizeRootFs: c.SizeRootFs ?? 0,
    })),
    volumes: (df.Volumes ?? []).map((v): DfVolume => ({
      name: v.Name,
      driver: v.Driver ?? "",
      size: v.UsageData?.Size ?? -1,
      refCount: v.UsageData?.RefCount ?? -1,
    })),
    buildCache: (df.BuildCache ?? []).map((b): DfBuildCache => {
      const lastUsed = toMs(b.LastUsedAt);
      return {
        id: b.ID,
        type: b.Type ?? "",
        description: b.Description ?? "",
        size: b.Size ?? -1,
        inUse: !!b.InUse,
        shared: !!b.Shared,
        ...(lastUsed ? { lastUsed } : {}),
      };
    }),
  };
}
