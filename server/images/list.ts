import type { ImageSummary } from "../../lib/images/types";
import { readDiskUsage } from "../engines/disk-usage";
import { listEngineImages, listImageUsers, type EngineImage } from "../engines/images";
import type { HostConnection } from "../engines/host-connection";

/** Disk usage walks every layer; a slow answer costs the list its shared sizes, never its speed. */
export const DISK_USAGE_TIMEOUT_MS = 3000;

const realTags = (tags: string[] | null | undefined) => (tags ?? []).filter((t) => t !== "<none>:<none>");
const realDigests = (d: string[] | null | undefined) => (d ?? []).filter((x) => x !== "<none>@<none>");

export function toImageSummary(
  hostId: string,
  i: EngineImage,
  usage: { sharedSize?: number; containers?: number },
): ImageSummary {
  const repoTags = realTags(i.RepoTags);
  const containers = usage.containers ?? (i.Containers >= 0 ? i.Containers : -1);
  return {
    hostId,
    id: i.Id,
    repoTags,
    repoDigests: realDigests(i.RepoDigests),
    size: i.Size,
    sharedSize: usage.sharedSize ?? (i.SharedSize >= 0 ? i.SharedSize : -1),
    created: i.Created * 1000,
    containers,
    dangling: repoTags.length === 0,
    unused: containers === 0,
    labels: i.Labels ?? {},
  };
}

/**
 * One host's images. Container counts come from the container list (cheap and exact); shared sizes
 * from disk usage when it answers in time, else -1.
 */
export async function listHostImages(host: HostConnection): Promise<ImageSummary[]> {
  const [images, containers, df] = await Promise.all([
    listEngineImages(host),
    listImageUsers(host),
    readDiskUsage(host, DISK_USAGE_TIMEOUT_MS).catch(() => undefined),
  ]);
  const uses = new Map<string, number>();
  for (const c of containers) if (c.imageId) uses.set(c.imageId, (uses.get(c.imageId) ?? 0) + 1);
  const shared = new Map((df?.Images ?? []).map((i) => [i.Id, i.SharedSize]));
  return images.map((i) =>
    toImageSummary(host.spec.id, i, {
      containers: uses.get(i.Id) ?? 0,
      ...(shared.has(i.Id) ? { sharedSize: shared.get(i.Id) } : {}),
    }),
  );
}
