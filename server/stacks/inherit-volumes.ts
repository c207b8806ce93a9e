import type { CreateConfig } from "../../lib/container-spec";
import type { ContainerInspect } from "../engines/engine-types";

interface MountRequest {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  [other: string]: unknown;
}

const clean = (p: string) => (p.length > 1 ? p.replace(/\/+$/, "") : p);

/** The container path of a `Binds` entry (`source:target[:mode]`). */
const bindTarget = (b: string) => clean(b.split(":")[1] ?? "");

/**
 * The create body of a service's new container, made to keep the volumes the old container's data
 * lives in, as compose does when it recreates: an anonymous volume of the service (`- /data`) and a
 * volume the image declares (`VOLUME /data`) are mounted from the old container's volume at the same
 * path, instead of a fresh empty one. A path the file mounts from a named volume, a bind or a tmpfs
 * is the file's to say, and a path the old container had no volume at starts empty. Returns the body
 * (unchanged when nothing is inherited) and the paths that were.
 */
export function inheritVolumes(
  config: CreateConfig,
  old: Pick<ContainerInspect, "Mounts">,
  imageVolumes: readonly string[],
): { config: CreateConfig; inherited: string[] } {
  const hc = config.HostConfig ?? {};
  const mounts = ((hc.Mounts as MountRequest[] | undefined) ?? []).map((m) => ({ ...m }));
  const binds = (hc.Binds as string[] | undefined) ?? [];
  const tmpfs = Object.keys((hc.Tmpfs as Record<string, string> | undefined) ?? {}).map(clean);
  const fixed = new Set([...binds.map(bindTarget), ...tmpfs]);
  const images = new Set(imageVolumes.map(clean));
  const inherited: string[] = [];
  for (const m of old.Mounts ?? []) {
    if (m.Type !== "volume" || !m.Name || !m.Destination) continue;
    const target = clean(m.Destination);
    if (fixed.has(target)) continue;
    const own = mounts.find((x) => clean(x.Target) === target);
    if (own) {
      // Only an anonymous volume of the file takes the old one's place; a named one is the file's choice.
      if (own.Type !== "volume" || own.Source) continue;
      own.Source = m.Name;
    } else if (images.has(target)) {
      mounts.push({ Type: "volume", Source: m.Name, Target: target, ReadOnly: m.RW === false });
    } else continue;
    inherited.push(target);
  }
  if (!inherited.length) return { config, inherited };
  return { config: { ...config, HostConfig: { ...hc, Mounts: mounts } }, inherited };
}

/** The engine names an anonymous volume by 64 hex digits; a named one by what the file or user chose. */
const ANONYMOUS = /^[0-9a-f]{64}$/;

/**
 * The anonymous volumes a container mounts. `rm -v` removes only those the engine made for that
 * container; one a recreate handed on from the container before is mounted by name, so down with
 * volumes removes these itself once the container is gone.
 */
export function anonymousVolumes(c: Pick<ContainerInspect, "Mounts">): string[] {
  return (c.Mounts ?? []).flatMap((m) =>
    m.Type === "volume" && m.Name && ANONYMOUS.test(m.Name) ? [m.Name] : [],
  );
}
