import { z } from "zod";
import { labelFilterSchema, pruneFiltersSchema, type PruneFilters } from "./volumes";

/** An engine's `docker info`, in Wharf's words. Sizes are bytes. */
export interface SystemInfo {
  hostId: string;
  name: string;
  serverVersion: string;
  apiVersion: string;
  minApiVersion?: string;
  os: string;
  osType: string;
  kernelVersion: string;
  architecture: string;
  cpus: number;
  memoryBytes: number;
  cgroupDriver: string;
  cgroupVersion: string;
  storageDriver: string;
  loggingDriver: string;
  containers: number;
  containersRunning: number;
  containersPaused: number;
  containersStopped: number;
  images: number;
  rootDir: string;
  securityOptions: string[];
  /** The engine's own warnings (e.g. "No swap limit support"), word for word. */
  warnings: string[];
  /** Swarm node state: inactive, active, … */
  swarm: string;
  /** Plugins by kind (Volume, Network, Log, Authorization). */
  plugins: Record<string, string[]>;
  serverTime?: string;
}

export const DF_KINDS = ["images", "containers", "volumes", "buildCache"] as const;
export type DfKind = (typeof DF_KINDS)[number];

/** One row of `docker system df`: the same counting rules as the CLI. */
export interface DfSummaryRow {
  total: number;
  /** In use: images with containers, running or paused containers, referenced volumes, build cache in use. */
  active: number;
  size: number;
  reclaimable: number;
}

export interface DfImage {
  id: string;
  repoTags: string[];
  size: number;
  sharedSize: number;
  containers: number;
  created: number;
}

export interface DfContainer {
  id: string;
  name: string;
  image: string;
  state: string;
  /** Bytes written to the container's own layer (the engine omits zero sizes; they read as 0). */
  sizeRw: number;
  sizeRootFs: number;
}

export interface DfVolume {
  name: string;
  driver: string;
  /** -1 when the engine has not computed it. */
  size: number;
  refCount: number;
}

export interface DfBuildCache {
  id: string;
  type: string;
  description: string;
  size: number;
  inUse: boolean;
  shared: boolean;
  lastUsed?: number;
}

export interface DiskUsage {
  hostId: string;
  /** Bytes of all image layers on disk, counted once. */
  layersSize: number;
  summary: Record<DfKind, DfSummaryRow>;
  totalSize: number;
  totalReclaimable: number;
  images: DfImage[];
  containers: DfContainer[];
  volumes: DfVolume[];
  buildCache: DfBuildCache[];
}

/** What "prune everything" covers. Containers (stopped) and networks (unused) are always included. */
export const systemPruneSchema = z
  .object({
    images: z.enum(["dangling", "all"], "must be dangling or all").default("dangling"),
    volumes: z.boolean().default(false),
    buildCache: z.boolean().default(true),
    filters: pruneFiltersSchema.optional(),
  })
  .strict();
export type SystemPruneRequest = z.input<typeof systemPruneSchema>;

const boolQuery = z
  .enum(["true", "false", "1", "0", ""], "must be true, false, 1 or 0")
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));

/** The preview's query: the same choices as the prune body, as query parameters (`label` may repeat). */
export const prunePreviewQuerySchema = z
  .object({
    images: z.enum(["dangling", "all"], "must be dangling or all").default("dangling"),
    volumes: boolQuery,
    buildCache: boolQuery,
    label: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(labelFilterSchema).max(20, "at most 20 label filters"))
      .optional(),
  })
  .strict();

export const PRUNE_KINDS = ["containers", "networks", "images", "volumes", "buildCache"] as const;
export type PruneKind = (typeof PRUNE_KINDS)[number];

export interface PrunePreviewItem {
  id: string;
  name: string;
  /** Bytes freed by removing it, as far as the engine can say: -1 when unknown. */
  size: number;
}

export interface PrunePreviewKind {
  /** False when the request leaves this kind out. */
  included: boolean;
  items: PrunePreviewItem[];
  /** Sum of the known sizes. */
  size: number;
  /** Why the kind is left out, or how the engine will treat it (e.g. named volumes on older engines). */
  note?: string;
}

export interface PrunePreview {
  hostId: string;
  images: "dangling" | "all";
  kinds: Record<PruneKind, PrunePreviewKind>;
  totalSize: number;
}

/** One kind's outcome: a failure in one kind does not hide the others' results. */
export interface PruneKindResult {
  ok: boolean;
  /** False when the request left the kind out (or it cannot be limited by the filters given). */
  ran: boolean;
  deleted: string[];
  spaceReclaimed: number;
  note?: string;
  error?: { code: string; message: string };
}

export interface SystemPruneResult {
  hostId: string;
  results: Record<PruneKind, PruneKindResult>;
  spaceReclaimed: number;
}

export type { PruneFilters };

/** One engine event as the recent-events view shows it; times are epoch ms. */
export interface EngineEventItem {
  hostId: string;
  time: number;
  /** container, image, volume, network, daemon, plugin, … */
  type: string;
  action: string;
  /** The object's id (a volume's name). */
  id: string;
  /** The object's name when the engine says it. */
  name?: string;
  attributes: Record<string, string>;
}

export interface EngineEventList {
  items: EngineEventItem[];
  /** "recent": from Wharf's own memory of the live stream; "engine": asked of the engine for an older range. */
  source: "recent" | "engine";
  /** True when more events matched than `limit`; the newest ones are kept. */
  truncated: boolean;
  /**
   * Unix seconds from which Wharf holds every event of the host's live stream; absent while that stream
   * is not open. A `since` before it is answered by the engine.
   */
  coveredFrom?: number;
}

const seconds = z.coerce
  .number("must be unix seconds")
  .nonnegative("must be unix seconds")
  .max(1e11, "must be unix seconds, not milliseconds");

export const eventsQuerySchema = z
  .object({
    since: seconds.optional(),
    until: seconds.optional(),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(1000, "must be at most 1000")
      .default(200),
    type: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(
        z.array(
          z.enum(
            [
              "container",
              "image",
              "volume",
              "network",
              "daemon",
              "plugin",
              "node",
              "service",
              "secret",
              "config",
            ],
            "must be an engine event type",
          ),
        ),
      )
      .optional(),
  })
  .strict()
  .refine((q) => q.since === undefined || q.until === undefined || q.since <= q.until, {
    message: "must not be before since",
    path: ["until"],
  });
export type EventsQuery = z.infer<typeof eventsQuerySchema>;
