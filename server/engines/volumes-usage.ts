import type { VolumeSummary, VolumeUser } from "../../lib/volumes";
import type { ContainerListItem, MountPoint, VolumeInspect } from "./engine-types";

/** The engine's documents this module reads, as the Engine API defines them. */
export type RawVolume = VolumeInspect;
export type RawContainer = ContainerListItem;
export type RawMount = MountPoint;

export interface VolumeUsage {
  size: number;
  refCount: number;
}

/** The engine labels anonymous volumes on API 1.42+; older engines name them with 64 hex digits. */
const ANONYMOUS_LABEL = "com.docker.volume.anonymous";
export const isAnonymousVolume = (name: string, labels: Record<string, string> | null | undefined) =>
  /^[0-9a-f]{64}$/.test(name) || Object.hasOwn(labels ?? {}, ANONYMOUS_LABEL);

const containerName = (c: RawContainer) => (c.Names?.[0] ?? (c.Id ?? "").slice(0, 12)).replace(/^\//, "");

/**
 * Which containers mount which volume, from one container list. `visible` hides containers outside the
 * caller's label scope; the engine's refCount still counts them.
 */
export function volumeUsers(
  containers: readonly RawContainer[],
  visible: (labels: Record<string, string>) => boolean = () => true,
): Map<string, VolumeUser[]> {
  const out = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    if (!visible(c.Labels ?? {})) continue;
    for (const m of c.Mounts ?? []) {
      if (m.Type !== "volume" || !m.Name) continue;
      const users = out.get(m.Name) ?? [];
      users.push({
        id: c.Id ?? "",
        name: containerName(c),
        state: c.State ?? "unknown",
        destination: m.Destination ?? "",
        rw: m.RW !== false,
      });
      out.set(m.Name, users);
    }
  }
  return out;
}

/** How many containers (running or not, in any scope) mount each volume. */
export function mountCounts(containers: readonly RawContainer[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of containers) {
    const names = new Set(
      (c.Mounts ?? []).filter((m) => m.Type === "volume" && m.Name).map((m) => m.Name as string),
    );
    for (const n of names) out.set(n, (out.get(n) ?? 0) + 1);
  }
  return out;
}

/**
 * The engine sizes (and prunes) only local volumes created without driver options: one with options
 * (tmpfs, a bind of a host path, NFS) may hold data outside its volume store.
 */
export function engineSizes(v: Pick<RawVolume, "Driver" | "Options">): boolean {
  return (v.Driver ?? "local") === "local" && Object.keys(v.Options ?? {}).length === 0;
}

export const UNSIZED_NOTE =
  "the engine does not size or prune local volumes created with driver options (tmpfs, bind, NFS) or volumes of other drivers";

export const NOT_COMPUTED_NOTE = "the engine has not computed its size (disk usage did not include it)";

/** Sizes and reference counts from `/system/df`, by volume name. */
export function volumeUsageByName(
  dfVolumes: readonly RawVolume[] | null | undefined,
): Map<string, VolumeUsage> {
  const out = new Map<string, VolumeUsage>();
  for (const v of dfVolumes ?? []) {
    out.set(v.Name ?? "", { size: v.UsageData?.Size ?? -1, refCount: v.UsageData?.RefCount ?? -1 });
  }
  return out;
}

export function toVolumeSummary(
  hostId: string,
  v: RawVolume,
  usage: VolumeUsage | undefined,
  users: VolumeUser[] | undefined,
  mounts?: number,
): VolumeSummary {
  const created = v.CreatedAt ? Date.parse(v.CreatedAt) : NaN;
  const labels = v.Labels ?? {};
  const sized = engineSizes(v);
  return {
    hostId,
    name: v.Name ?? "",
    driver: v.Driver ?? "",
    mountpoint: v.Mountpoint ?? "",
    scope: v.Scope ?? "local",
    labels,
    options: v.Options ?? {},
    ...(Number.isFinite(created) ? { created } : {}),
    size: usage?.size ?? -1,
    // The engine leaves unsized volumes out of its disk usage; the container list still counts their users.
    refCount: usage && usage.refCount >= 0 ? usage.refCount : (mounts ?? -1),
    usedBy: users ?? [],
    anonymous: isAnonymousVolume(v.Name ?? "", labels),
    prunable: sized,
    ...(!sized ? { sizeNote: UNSIZED_NOTE } : (usage?.size ?? -1) < 0 ? { sizeNote: NOT_COMPUTED_NOTE } : {}),
  };
}

/** What differs between an existing volume and a create request for the same name, in words. */
export function createDifferences(
  existing: RawVolume,
  want: { Driver: string; DriverOpts?: Record<string, string>; Labels?: Record<string, string> },
): string[] {
  const diffs: string[] = [];
  if ((existing.Driver ?? "local") !== want.Driver) diffs.push(`driver ${existing.Driver ?? "?"}`);
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  if (!same(existing.Options ?? {}, want.DriverOpts ?? {})) diffs.push("options");
  if (!same(existing.Labels ?? {}, want.Labels ?? {})) diffs.push("labels");
  return diffs;
}
