import { z } from "zod";
import type { PruneResult } from "./images/types";
import type { HostListError } from "./types";

export type { PruneResult };

/**
 * Volumes as the REST API and the UI see them. Sizes are bytes; times are epoch ms.
 * `size` and `refCount` come from the engine's disk-usage view (`/system/df`): -1 when the engine has
 * not computed them (a driver other than `local`, or disk usage could not be read; see `warnings`).
 */
export interface VolumeSummary {
  hostId: string;
  name: string;
  driver: string;
  mountpoint: string;
  /** "local" or "global" (a driver that spans hosts). */
  scope: string;
  labels: Record<string, string>;
  /** The driver options it was created with (`DriverOpts`). */
  options: Record<string, string>;
  /** Absent when the engine does not say. */
  created?: number;
  size: number;
  /** How many containers (running or not) reference it, by the engine's count. */
  refCount: number;
  /** The containers that mount it, as far as the caller's scope shows them. */
  usedBy: VolumeUser[];
  /** Created without a name (a container's anonymous volume): a 64-hex-digit name or the engine's label. */
  anonymous: boolean;
  /**
   * Whether the engine's prune may remove it when unused. The engine never sizes or prunes local
   * volumes created with driver options (tmpfs, bind, NFS): they may hold data outside its store.
   */
  prunable: boolean;
  /** Why `size` is -1, when the engine will not compute it. */
  sizeNote?: string;
}

export interface VolumeUser {
  id: string;
  name: string;
  /** The container's state: running, exited, … */
  state: string;
  /** Where the volume is mounted inside the container. */
  destination: string;
  rw: boolean;
}

export interface VolumeList {
  items: VolumeSummary[];
  /** Hosts that could not answer, when listing across hosts. */
  errors?: HostListError[];
  /** Things the list could not include, e.g. sizes when disk usage could not be read. */
  warnings?: string[];
}

export const labelFilterSchema = z
  .string()
  .min(1, "must not be empty")
  .max(255, "is too long")
  .regex(/^[^\s=]+(=\S*)?$/, "must be `key` or `key=value`");

/** The engine's label filter for prunes: `key` or `key=value`, all of which must match. */
export const pruneFiltersSchema = z
  .object({ label: z.array(labelFilterSchema).max(20, "at most 20 label filters").optional() })
  .strict();
export type PruneFilters = z.infer<typeof pruneFiltersSchema>;

export const labelsSchema = z
  .record(
    z
      .string()
      .min(1, "a label key must not be empty")
      .max(255, "a label key is too long")
      .regex(/^[^\s=]+$/, "a label key must not contain spaces or '='"),
    z.string().max(4096, "a label value is too long"),
  )
  .refine((r) => Object.keys(r).length <= 100, "at most 100 labels");

/** The local driver's rule for names, which the CLI and the engine enforce. */
export const volumeNameSchema = z
  .string()
  .min(2, "must be at least 2 characters")
  .max(255, "is too long")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/,
    "may use letters, digits, '_', '.' and '-', and must start with a letter or digit",
  );

const driverNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(255, "is too long")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, "must be a driver name like local or vendor/plugin:tag");

/** The Engine API's VolumeCreate body. A missing Name lets the engine pick one. */
export const volumeCreateSchema = z
  .object({
    Name: volumeNameSchema.optional(),
    Driver: driverNameSchema.default("local"),
    DriverOpts: z
      .record(
        z
          .string()
          .min(1, "an option name must not be empty")
          .max(255)
          .regex(/^[^\s=]+$/, "an option name must not contain spaces or '='"),
        z.string().max(4096, "an option value is too long"),
      )
      .refine((r) => Object.keys(r).length <= 50, "at most 50 options")
      .optional(),
    Labels: labelsSchema.optional(),
  })
  .strict();
export type VolumeCreateRequest = z.input<typeof volumeCreateSchema>;

/**
 * `all`: on engines with API 1.42 and later, prune named volumes too (otherwise only anonymous ones).
 * Older engines always prune every unused volume, named or not, so they need `all: true` said out loud.
 */
export const volumePruneSchema = z
  .object({ all: z.boolean().optional(), filters: pruneFiltersSchema.optional() })
  .strict();
export type VolumePruneRequest = z.infer<typeof volumePruneSchema>;

export interface VolumePruneResult extends PruneResult {
  /** What the engine's prune covered: only anonymous volumes, or every unused one. */
  covered: "anonymous" | "all-unused";
}
