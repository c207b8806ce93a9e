import type { StackServiceProgress } from "../stacks/types";
import type { HostListError } from "../types";

/**
 * Images as the REST API and the UI see them. Sizes are bytes; times are epoch ms.
 * `sharedSize` and `containers` come from the engine's disk-usage view: -1 when the engine
 * could not say.
 */
export interface ImageSummary {
  hostId: string;
  /** The engine's full id, `sha256:…`. */
  id: string;
  /** `repo:tag` names; empty for a dangling image. */
  repoTags: string[];
  /** `repo@sha256:…` digests the image was pulled or pushed by. */
  repoDigests: string[];
  size: number;
  sharedSize: number;
  created: number;
  /** How many containers (running or not) use the image. */
  containers: number;
  /** No tag at all. */
  dangling: boolean;
  /** No container uses it. */
  unused: boolean;
  labels: Record<string, string>;
  /** Known only for tags that come from a configured registry; see `ImageUpdateStatus`. */
  update?: ImageUpdateStatus;
}

export interface ImageList {
  items: ImageSummary[];
  /** Hosts that could not answer, when listing across hosts. */
  errors?: HostListError[];
}

/** One row of `docker history`, oldest last as the engine gives it. */
export interface ImageLayer {
  /** The layer's image id, or "<missing>" for layers built elsewhere. */
  id: string;
  createdBy: string;
  created: number;
  size: number;
  /** A metadata-only step (ENV, CMD, …) with no filesystem change. */
  empty: boolean;
  tags: string[];
  comment: string;
}

export interface ImageUser {
  hostId: string;
  id: string;
  name: string;
  state: string;
}

export interface ImageDetail {
  hostId: string;
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: number;
  size: number;
  architecture: string;
  os: string;
  variant?: string;
  author?: string;
  config: {
    entrypoint: string[];
    cmd: string[];
    env: string[];
    exposedPorts: string[];
    labels: Record<string, string>;
    workingDir: string;
    user: string;
    volumes: string[];
  };
  /** Containers using this image, on every host in the caller's scope (matched by image id). */
  usedBy: ImageUser[];
  /** Hosts whose containers could not be listed, so `usedBy` may be missing some. */
  usedByErrors?: HostListError[];
  update?: ImageUpdateStatus;
}

/**
 * "Update available": the local repo digest of `ref` against the digest the registry serves for
 * that tag now. `untracked` when the tag does not come from a configured registry.
 */
export interface ImageUpdateStatus {
  ref: string;
  state: "current" | "available" | "untracked" | "error";
  registryId?: number;
  localDigest?: string;
  remoteDigest?: string;
  message?: string;
  checkedAt: number;
  /** The local image the tag points at (in the per-host updates list). */
  imageId?: string;
}

export interface PruneResult {
  deleted: string[];
  spaceReclaimed: number;
}

export interface HubSearchResult {
  name: string;
  description: string;
  stars: number;
  official: boolean;
}

/** A result per host for actions run on several hosts at once. */
export interface HostResult<T = unknown> {
  hostId: string;
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

// ---- Long image jobs (pull, push, build), streamed over socket.io ----

/** Image jobs, and stack operations (deploy, stop, down…) which report per service. */
export type JobKind = "pull" | "push" | "build" | "stack";
export type JobState = "running" | "done" | "error" | "cancelled";

export type LayerPhase =
  "waiting" | "downloading" | "verifying" | "extracting" | "pushing" | "exists" | "done";

export interface JobLayer {
  /** Short layer id as the engine reports it. */
  id: string;
  phase: LayerPhase;
  /** The engine's own status text for the layer ("Downloading", "Pull complete", …). */
  status: string;
  current?: number;
  total?: number;
}

export interface JobSnapshot {
  jobId: string;
  kind: JobKind;
  hostId: string;
  /** The image reference being pulled or pushed, or the first tag of a build. */
  ref: string;
  state: JobState;
  /** Who started it. */
  user: string;
  startedAt: number;
  endedAt?: number;
  layers: JobLayer[];
  /** The latest status line that is not about one layer ("Digest: …", "Status: …"). */
  status?: string;
  /** Build output (bounded to the last lines); empty for pull and push. */
  log: string[];
  error?: string;
  /** The image id when the job succeeded. */
  imageId?: string;
  /** A stack job's operation ("deploy", "down"…) and what each service came to. */
  operation?: string;
  services?: StackServiceProgress[];
}

/**
 * A change to a job, at most a few per second per job. `log` carries only the lines new since the
 * previous update; everything else is the whole current value.
 */
export type JobUpdate = Omit<JobSnapshot, "log"> & { log: string[] };
