import type { Readable } from "node:stream";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import { dial, OK, type RegistryAuth } from "./engine-dial";
import { listContainerItems } from "./containers";
import type { HostConnection } from "./host-connection";
import { withDockerNames } from "./podman/fixups";

export type { RegistryAuth };

const img = (ref: string) => `/images/${encodeURI(ref)}`;

export interface EngineImage {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created: number;
  Size: number;
  SharedSize: number;
  Containers: number;
  Labels?: Record<string, string> | null;
}

/**
 * `GET /images/json`, asked of the engine every time: the classic builder makes an untagged image
 * (and one per metadata step) without any event, so no event could say a held list went stale.
 */
export const listEngineImages = async (host: HostConnection) => {
  const list = await engineCall(host, (abortSignal) =>
    dial<EngineImage[]>(host, { path: "/images/json?", method: "GET", abortSignal, statusCodes: OK }),
  );
  // Podman qualifies every name (quirk image-names).
  return host.isPodman ? list.map(withDockerNames) : list;
};

export type EngineImageInspect = Record<string, unknown> & {
  Id: string;
  RepoTags?: string[];
  RepoDigests?: string[];
};

export const inspectEngineImage = (host: HostConnection, ref: string) =>
  engineCall(host, (abortSignal) =>
    dial<EngineImageInspect>(host, { path: `${img(ref)}/json`, method: "GET", abortSignal, statusCodes: OK }),
  );

export interface EngineHistoryRow {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export const engineImageHistory = (host: HostConnection, ref: string) =>
  engineCall(host, (abortSignal) =>
    dial<EngineHistoryRow[]>(host, {
      path: `${img(ref)}/history`,
      method: "GET",
      abortSignal,
      statusCodes: OK,
    }),
  );

export const removeEngineImage = (
  host: HostConnection,
  ref: string,
  o: { force: boolean; noprune: boolean },
) =>
  engineCall(
    host,
    (abortSignal) =>
      dial<{ Untagged?: string; Deleted?: string }[]>(host, {
        path: `${img(ref)}?`,
        method: "DELETE",
        options: { force: o.force, noprune: o.noprune },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );

export const tagEngineImage = (host: HostConnection, ref: string, repo: string, tag: string) =>
  engineCall(host, (abortSignal) =>
    dial<unknown>(host, {
      path: `${img(ref)}/tag?`,
      method: "POST",
      options: { repo, tag },
      abortSignal,
      statusCodes: OK,
    }),
  );

export const pruneEngineImages = (host: HostConnection, filters: Record<string, string[]>) =>
  engineCall(
    host,
    (abortSignal) =>
      dial<{ ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null; SpaceReclaimed?: number }>(
        host,
        {
          path: "/images/prune?",
          method: "POST",
          options: { filters: JSON.stringify(filters) },
          abortSignal,
          statusCodes: OK,
        },
      ),
    ACTION_TIMEOUT_MS,
  );

/** The tar of `docker save`; the caller owns the stream (and destroys it if its reader goes). */
export const exportEngineImage = (host: HostConnection, ref: string, abortSignal?: AbortSignal) =>
  engineCall(host, () =>
    dial<Readable>(host, {
      path: `${img(ref)}/get`,
      method: "GET",
      isStream: true,
      abortSignal,
      statusCodes: OK,
    }),
  );

/** `docker load`: the body is piped to the engine, so backpressure reaches the uploader. */
export const loadEngineImages = (host: HostConnection, tar: Readable) =>
  engineCall(host, () =>
    dial<Readable>(host, {
      path: "/images/load?",
      method: "POST",
      options: { quiet: false },
      file: tar,
      isStream: true,
      statusCodes: OK,
    }),
  );

/** The progress stream of a pull; `fromImage` keeps the registry and path, tag or digest go apart. */
export const pullEngineImage = (
  host: HostConnection,
  o: { fromImage: string; tag: string },
  auth: RegistryAuth | undefined,
  abortSignal: AbortSignal,
) =>
  dial<Readable>(host, {
    path: "/images/create?",
    method: "POST",
    options: o,
    authconfig: auth ?? {},
    abortSignal,
    isStream: true,
    statusCodes: OK,
  });

export const pushEngineImage = (
  host: HostConnection,
  repo: string,
  tag: string | undefined,
  auth: RegistryAuth | undefined,
  abortSignal: AbortSignal,
) =>
  dial<Readable>(host, {
    path: `${img(repo)}/push?`,
    method: "POST",
    options: tag ? { tag } : {},
    authconfig: auth ?? {},
    abortSignal,
    isStream: true,
    statusCodes: OK,
  });

/** The classic builder (`version=1`): it needs no session and works with no network. */
export const buildEngineImage = (
  host: HostConnection,
  context: Readable,
  o: {
    t: string[];
    dockerfile?: string;
    buildargs?: Record<string, string>;
    labels?: Record<string, string>;
    /** The stage of a multi-stage Dockerfile to build. */
    target?: string;
  },
  abortSignal: AbortSignal,
) =>
  dial<Readable>(host, {
    path: "/build?",
    method: "POST",
    options: {
      version: "1",
      rm: true,
      forcerm: true,
      ...(o.t.length ? { t: o.t } : {}),
      ...(o.dockerfile ? { dockerfile: o.dockerfile } : {}),
      ...(o.buildargs ? { buildargs: JSON.stringify(o.buildargs) } : {}),
      ...(o.labels ? { labels: JSON.stringify(o.labels) } : {}),
      ...(o.target ? { target: o.target } : {}),
    },
    file: context,
    abortSignal,
    isStream: true,
    statusCodes: OK,
    headers: { "Content-Type": "application/x-tar" },
  });

export interface ImageUserRow {
  id: string;
  name: string;
  state: string;
  imageId: string;
  labels: Record<string, string>;
}

/** Every container with the image it runs, by image id (what counts and `usedBy` match on). */
export const listImageUsers = async (host: HostConnection) =>
  (await listContainerItems(host)).map((c): ImageUserRow => ({
    id: c.Id ?? "",
    name: (c.Names?.[0] ?? (c.Id ?? "").slice(0, 12)).replace(/^\//, ""),
    state: c.State ?? "",
    imageId: c.ImageID ?? "",
    labels: c.Labels ?? {},
  }));
