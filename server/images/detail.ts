import type { ImageDetail, ImageLayer, ImageUser } from "../../lib/images/types";
import { scopeAllowsLabels } from "../../lib/permissions";
import type { HostListError } from "../../lib/types";
import type { Principal } from "../auth/principal";
import {
  engineImageHistory,
  listImageUsers,
  type EngineHistoryRow,
  type EngineImageInspect,
} from "../engines/images";
import type { AppContext } from "../context";
import { acrossHosts } from "../scope/fan-out";

interface InspectConfig {
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, unknown> | null;
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  User?: string;
  Volumes?: Record<string, unknown> | null;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function toImageDetail(hostId: string, i: EngineImageInspect, usedBy: ImageUser[]): ImageDetail {
  const c = (i.Config ?? {}) as InspectConfig;
  const created = Date.parse(str(i.Created));
  return {
    hostId,
    id: i.Id,
    repoTags: (i.RepoTags ?? []).filter((t) => t !== "<none>:<none>"),
    repoDigests: (i.RepoDigests ?? []).filter((d) => d !== "<none>@<none>"),
    created: Number.isFinite(created) ? created : 0,
    size: typeof i.Size === "number" ? i.Size : 0,
    architecture: str(i.Architecture),
    os: str(i.Os),
    ...(str(i.Variant) ? { variant: str(i.Variant) } : {}),
    ...(str(i.Author) ? { author: str(i.Author) } : {}),
    config: {
      entrypoint: c.Entrypoint ?? [],
      cmd: c.Cmd ?? [],
      env: c.Env ?? [],
      exposedPorts: Object.keys(c.ExposedPorts ?? {}),
      labels: c.Labels ?? {},
      workingDir: c.WorkingDir ?? "",
      user: c.User ?? "",
      volumes: Object.keys(c.Volumes ?? {}),
    },
    usedBy,
  };
}

export function toImageLayer(r: EngineHistoryRow): ImageLayer {
  return {
    id: r.Id,
    createdBy: r.CreatedBy ?? "",
    created: (r.Created ?? 0) * 1000,
    size: r.Size ?? 0,
    empty: (r.Size ?? 0) === 0,
    tags: r.Tags ?? [],
    comment: r.Comment ?? "",
  };
}

export async function imageHistory(
  host: Parameters<typeof engineImageHistory>[0],
  ref: string,
): Promise<ImageLayer[]> {
  return (await engineImageHistory(host, ref)).map(toImageLayer);
}

/** Containers running the image on every host the caller sees, within its label scope; unreachable hosts are named. */
export async function imageUsers(
  ctx: AppContext,
  p: Principal,
  imageId: string,
): Promise<{ usedBy: ImageUser[]; errors: HostListError[] }> {
  const { items, errors } = await acrossHosts(ctx, p, undefined, async (host) =>
    (await listImageUsers(host))
      .filter((c) => c.imageId === imageId && scopeAllowsLabels(p.scope, c.labels))
      .map((c): ImageUser => ({ hostId: host.spec.id, id: c.id, name: c.name, state: c.state })),
  );
  return { usedBy: items, errors };
}
