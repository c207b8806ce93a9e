import type { CreateConfig } from "../../../lib/container-spec/create-body";
import type { RawDf } from "../system-df";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A create body as Podman takes it, with what was changed, in words. Bodies made from a Podman
 * container's inspect carry two values Podman's own create refuses:
 * - Ulimits named as the kernel names them ("RLIMIT_NOFILE"), where create wants "nofile";
 * - MemorySwappiness 0, which Podman's inspect reports for "not set" and crun refuses to apply
 *   ("-1" is Docker's "not set", refused the same way). Only 1..100 is a choice anyone made.
 */
export function podmanCreateBody(config: CreateConfig): { body: CreateConfig; fixed: string[] } {
  const fixed: string[] = [];
  const hc: Obj | undefined = isObj(config.HostConfig) ? { ...config.HostConfig } : undefined;
  if (!hc) return { body: config, fixed };
  if (Array.isArray(hc.Ulimits)) {
    hc.Ulimits = hc.Ulimits.map((u: unknown) => {
      if (!isObj(u) || typeof u.Name !== "string" || !/^RLIMIT_/i.test(u.Name)) return u;
      const name = u.Name.slice("RLIMIT_".length).toLowerCase();
      fixed.push(`ulimit ${u.Name} as ${name}`);
      return { ...u, Name: name };
    });
  }
  const sw = hc.MemorySwappiness;
  if (typeof sw === "number" && (sw <= 0 || sw > 100)) {
    delete hc.MemorySwappiness;
    fixed.push(`MemorySwappiness ${sw} left unset`);
  }
  return { body: { ...config, HostConfig: hc }, fixed };
}

/**
 * Podman's events in Docker's words: a removed container is "remove" where Docker says "destroy",
 * which is what lists, log and stats streams and alerts wait for; and a volume event names its volume
 * in Actor.Attributes.name with an empty Actor.ID, where Docker's Actor.ID is the volume's name.
 */
export function podmanEvent(raw: unknown): unknown {
  if (isObj(raw) && raw.Type === "volume") return withVolumeId(raw);
  if (!isObj(raw) || raw.Type !== "container") return raw;
  if (raw.Action !== "remove" && raw.status !== "remove") return raw;
  return { ...raw, Action: "destroy", ...(raw.status === "remove" ? { status: "destroy" } : {}) };
}

function withVolumeId(raw: Obj): Obj {
  const actor = raw.Actor;
  if (!isObj(actor) || (typeof actor.ID === "string" && actor.ID)) return raw;
  const name = isObj(actor.Attributes) ? actor.Attributes.name : undefined;
  return typeof name === "string" && name ? { ...raw, Actor: { ...actor, ID: name } } : raw;
}

/**
 * An image name as Docker would show it. Podman qualifies every name it stores: what Docker calls
 * local/busybox:1.35 is docker.io/local/busybox:1.35 in its lists, and busybox is
 * docker.io/library/busybox. Both short forms resolve on Podman to the same image.
 */
export function dockerImageName(ref: string): string {
  if (ref.startsWith("docker.io/library/")) return ref.slice("docker.io/library/".length);
  if (ref.startsWith("docker.io/")) return ref.slice("docker.io/".length);
  return ref;
}

export function withDockerNames<T extends { RepoTags?: string[] | null; RepoDigests?: string[] | null }>(
  image: T,
): T {
  return {
    ...image,
    ...(image.RepoTags ? { RepoTags: image.RepoTags.map(dockerImageName) } : {}),
    ...(image.RepoDigests ? { RepoDigests: image.RepoDigests.map(dockerImageName) } : {}),
  };
}

/** Podman's df answers image ids without the "sha256:" its image list has. */
const bareId = (id: string) => id.replace(/^sha256:/, "");

/**
 * `/system/df` as Docker answers it. Podman lists each image with its tags alone ("1.35" for
 * local/busybox:1.35), so the names come from the image list. Its LayersSize is always 0, and it
 * reports no shared sizes, so the images' total is the sum of their sizes: an upper bound, since
 * layers two images share count twice, but never "nothing used".
 */
export function podmanDf(df: RawDf, images: readonly { Id: string; RepoTags?: string[] | null }[]): RawDf {
  const names = new Map(images.map((i) => [bareId(i.Id), (i.RepoTags ?? []).map(dockerImageName)]));
  const out: RawDf = {
    ...df,
    Images: (df.Images ?? []).map((i) => ({ ...i, RepoTags: names.get(bareId(i.Id)) ?? i.RepoTags ?? [] })),
  };
  if (!df.LayersSize) out.LayersSize = (df.Images ?? []).reduce((n, i) => n + Math.max(0, i.Size ?? 0), 0);
  return out;
}
