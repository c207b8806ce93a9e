import { z } from "zod";
import { CONTAINER_SORT_KEYS } from "./container-filter";
import { BULK_ACTIONS, CONTAINER_ACTIONS, CONTAINER_STATES } from "./types";
import { LOCALES } from "./i18n/locales";

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

/** The `host` filter of every cross-host list: repeated, or comma-separated, host ids. */
export const hostFilterSchema = csv(hostIdSchema);

/** A query that may limit a cross-host list to some hosts; other parameters are left to the route. */
export const hostFilterQuerySchema = z.object({ host: hostFilterSchema.optional() });

export const containerListQuerySchema = z.object({
  name: z.string().max(255).optional(),
  state: csv(z.enum(CONTAINER_STATES)).optional(),
  label: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  host: hostFilterSchema.optional(),
  sort: z.enum(CONTAINER_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  /** Only the first rows (after filter and sort); the answer then counts the whole list in `total` and `running`. */
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000).optional(),
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

export const roleSchema = z.enum(["viewer", "operator", "admin"]);

export const labelSelectorSchema = z
  .string()
  .max(255, "is too long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*(=[^\s=][^\s]*|=)?$/, "must be `key` or `key=value`");

export const scopeHostsSchema = z.union([
  z.literal("*"),
  z.array(hostIdSchema).max(200, "at most 200 hosts"),
]);

const passwordSchema = z.string().min(8, "must be at least 8 characters").max(1024, "is too long");

export const usernameSchema = z
  .string()
  .min(1, "is required")
  .max(64, "is too long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, "may use letters, digits, '.', '_', '@' and '-'");

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    role: roleSchema,
    hosts: scopeHostsSchema.optional(),
    labelSelector: labelSelectorSchema.optional(),
  })
  .strict();

export const userUpdateSchema = z
  .object({
    role: roleSchema.optional(),
    hosts: scopeHostsSchema.optional(),
    labelSelector: labelSelectorSchema.nullable().optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1, "is required").max(1024), newPassword: passwordSchema })
  .strict();

export const localeChangeSchema = z.object({ locale: z.enum(LOCALES).nullable() }).strict();

export const tokenCreateSchema = z
  .object({
    name: z.string().min(1, "is required").max(80, "is too long"),
    role: roleSchema,
    hosts: scopeHostsSchema.optional(),
    labelSelector: labelSelectorSchema.optional(),
  })
  .strict();

export const numericIdSchema = z.coerce.number().int("must be a whole number").positive("must be positive");

const pem = (what: string) =>
  z
    .string()
    .max(64 * 1024, "is too long")
    .refine((v) => v.includes("-----BEGIN"), `must be ${what} in PEM text`);

/** Hosts added in the UI carry PEM text only, never a server file path. */
export const hostCreateSchema = z
  .object({
    id: hostIdSchema,
    name: z.string().min(1).max(80, "is too long").optional(),
    url: z
      .string()
      .max(2048, "is too long")
      .regex(/^(unix|tcp|https|ssh):\/\/.+/, "must start with unix://, tcp://, https:// or ssh://"),
    tls: z
      .object({ ca: pem("a CA certificate"), cert: pem("a certificate"), key: pem("a private key") })
      .strict()
      .optional(),
    ssh: z
      .object({ privateKey: pem("a private key") })
      .strict()
      .optional(),
  })
  .strict();

export const auditQuerySchema = z.object({
  user: z.string().max(100).optional(),
  hostId: hostIdSchema.optional(),
  action: z.string().max(100).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  format: z.enum(["json", "csv"]).optional(),
});

export const containerRefPayloadSchema = z.object({ hostId: hostIdSchema, containerId: containerRefSchema });

/** A swarm service, as the engine takes it: full id, unique id prefix, or name. */
export const serviceRefSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, "is too long")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "must be a swarm service id, id prefix or name");

const logsRefFields = {
  hostId: hostIdSchema,
  containerId: containerRefSchema.optional(),
  serviceId: serviceRefSchema.optional(),
};

/** Logs follow a container or a swarm service's tasks merged: exactly one of the two is named. */
function oneLogSource(p: { containerId?: string; serviceId?: string }, ctx: z.RefinementCtx): void {
  if (p.containerId !== undefined && p.serviceId !== undefined)
    ctx.addIssue({
      code: "custom",
      path: ["serviceId"],
      message: "name either a container (containerId) or a swarm service (serviceId), not both",
    });
  else if (p.containerId === undefined && p.serviceId === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["containerId"],
      message: "is required, or serviceId for a swarm service's logs",
    });
}

export const logsRefPayloadSchema = z.object(logsRefFields).superRefine(oneLogSource);

export const logsSubscribeSchema = z
  .object({
    ...logsRefFields,
    tail: z.number().int().min(0).max(100_000).optional(),
    since: z.number().int().min(0).optional(),
    until: z.number().int().min(0).optional(),
    timestamps: z.boolean().optional(),
  })
  .superRefine(oneLogSource);

const sessionIdField = z.string().min(1).max(100);

export const execStartSchema = containerRefPayloadSchema.extend({
  cmd: z.array(z.string().max(4096)).min(1).max(64).optional(),
  user: z.string().max(64).optional(),
  workingDir: z.string().max(4096).optional(),
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export const execInputSchema = z.object({ sessionId: sessionIdField, data: z.string().max(64 * 1024) });
export const execResizeSchema = z.object({
  sessionId: sessionIdField,
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export const execCloseSchema = z.object({ sessionId: sessionIdField });

export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

const cpusetString = z
  .string()
  .max(256, "is too long")
  .regex(/^(\d+(-\d+)?(,\d+(-\d+)?)*)?$/, "must be a list like 0-2,4");

/** Live limits, in the engine's own units (bytes, nano-CPUs, microseconds); the UI converts human units. */
export const resourcesSchema = z
  .object({
    cpuShares: z
      .number()
      .int("must be a whole number")
      .min(2, "must be at least 2")
      .max(262_144, "must be at most 262144")
      .optional(),
    nanoCpus: z
      .number()
      .int()
      .min(10_000_000, "must be at least 0.01 CPU")
      .max(1024 * 1e9)
      .optional(),
    cpuQuota: z.number().int().min(-1, "must be -1 (unlimited) or more").max(1e12).optional(),
    cpuPeriod: z.number().int().min(0).max(1_000_000, "must be at most 1000000 µs").optional(),
    cpusetCpus: cpusetString.optional(),
    cpusetMems: cpusetString.optional(),
    // The engine's update treats 0 as "leave unchanged", so a live limit can be changed but not removed.
    memory: z.number().int().min(MIN_MEMORY_BYTES, "must be at least 6 MiB").optional(),
    memoryReservation: z.number().int().min(0, "must not be negative").optional(),
    memorySwap: z.number().int().min(-1, "must be -1 (unlimited) or more").optional(),
    pidsLimit: z
      .number()
      .int()
      .refine((v) => v === -1 || v >= 1, "must be -1 (unlimited) or at least 1")
      .optional(),
    blkioWeight: z
      .number()
      .int()
      .refine((v) => v === 0 || (v >= 10 && v <= 1000), "must be 0 or between 10 and 1000")
      .optional(),
    restartPolicy: z
      .object({
        name: z.enum(["no", "always", "unless-stopped", "on-failure"]),
        maximumRetryCount: z.number().int().min(0).max(1000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "name at least one limit to change");
export type ResourcesRequest = z.infer<typeof resourcesSchema>;

const LOCAL_REGISTRY_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A registry address as stored: scheme, host and port. Without a scheme, loopback gets http (how
 * local registries run) and anything else https, as the docker CLI assumes.
 */
export function normalizeRegistryUrl(input: string): { url: string } | { error: string } {
  const raw = input.trim();
  if (!raw) return { error: "is required" };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let u: URL;
  try {
    u = new URL(hasScheme ? raw : `http://${raw}`);
    if (!hasScheme && !LOCAL_REGISTRY_HOST.test(u.hostname)) u = new URL(`https://${raw}`);
  } catch {
    return { error: "must be a URL like https://registry.example.com or localhost:5000" };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return { error: "must use http:// or https://" };
  if (u.username || u.password) return { error: "must not carry credentials; use username and password" };
  if (u.search || u.hash) return { error: "must not have a query or a fragment" };
  // The v2 API always lives at /v2/ of the host, so a path can only be a mistake (or /v2 itself).
  if (!/^\/?(v2\/?)?$/.test(u.pathname)) return { error: "must be the registry's root, without a path" };
  return { url: `${u.protocol}//${u.host}` };
}

export const registryUrlSchema = z
  .string()
  .max(2048, "is too long")
  .transform((v, ctx) => {
    const r = normalizeRegistryUrl(v);
    if ("error" in r) {
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.url;
  });

const registryNameSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(80, "is too long")
  .refine((v) => !/\p{Cc}/u.test(v), "must not contain control characters");
// Basic auth joins user and password with ':', so the user cannot contain one.
const registryUsernameSchema = z
  .string()
  .trim()
  .max(255, "is too long")
  .refine((v) => !/[:\p{Cc}]/u.test(v), "must not contain ':' or control characters");
const registryPasswordSchema = z.string().max(4096, "is too long");

export const registryCreateSchema = z
  .object({
    name: registryNameSchema,
    url: registryUrlSchema,
    username: registryUsernameSchema.optional(),
    password: registryPasswordSchema.optional(),
  })
  .strict()
  .refine((v) => !v.password || !!v.username, { message: "is required with a password", path: ["username"] });
export type RegistryCreateRequest = z.infer<typeof registryCreateSchema>;

/** Omitted fields stay; `null` or "" clears the username or the password. */
export const registryUpdateSchema = z
  .object({
    name: registryNameSchema.optional(),
    url: registryUrlSchema.optional(),
    username: registryUsernameSchema.nullable().optional(),
    password: registryPasswordSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "name at least one field to change");
export type RegistryUpdateRequest = z.infer<typeof registryUpdateSchema>;

/** Repository names as the distribution spec defines them; `/` separates path components. */
export const repositoryNameSchema = z
  .string()
  .min(1, "is required")
  .max(255, "is too long")
  .regex(
    /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/,
    "must be a repository name like library/busybox",
  );

/** A tag, or a digest (so a platform of a manifest list can be opened too). */
export const tagReferenceSchema = z
  .string()
  .max(200, "is too long")
  .regex(/^(\w[\w.-]{0,127}|[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,})$/, "must be a tag or a digest");

export const registryPageQuerySchema = z.object({
  n: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000).optional(),
  last: z.string().max(512, "is too long").optional(),
});
