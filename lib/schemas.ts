import { z } from "zod";
import { CONTAINER_SORT_KEYS } from "./container-filter";
import { BULK_ACTIONS, CONTAINER_ACTIONS, CONTAINER_STATES } from "./types";

export const hostIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "must be 1-63 chars of lowercase letters, digits, '-' or '_'");

/** Full id, unique id prefix, or name, as the docker CLI accepts. */
export const containerRefSchema = z
  .string()
  .min(1, "must not be empty")
  .max(255, "is too long")
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "must be a container id, id prefix or name");

export const loginSchema = z.object({
  username: z.string().min(1, "is required").max(64, "is too long"),
  password: z.string().min(1, "is required").max(1024, "is too long"),
});

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

export const containerListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  state: csv(z.enum(CONTAINER_STATES)).optional(),
  label: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  host: csv(hostIdSchema).optional(),
  sort: z.enum(CONTAINER_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});

export const containerActionSchema = z.enum(CONTAINER_ACTIONS);

const boolParam = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const removeQuerySchema = z.object({ force: boolParam, volumes: boolParam });

export const bulkActionSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  force: z.boolean().optional(),
  volumes: z.boolean().optional(),
  targets: z
    .array(z.object({ hostId: hostIdSchema, id: containerRefSchema }))
    .min(1, "must name at least one container")
    .max(500, "at most 500 containers at once"),
});
export type BulkActionRequest = z.infer<typeof bulkActionSchema>;
