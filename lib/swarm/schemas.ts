import { z } from "zod";
import { hostIdSchema } from "../schemas";
import { labelsSchema } from "../volumes";
import { parseDuration } from "./duration";
import { FAILURE_ACTIONS, NODE_AVAILABILITIES, NODE_ROLES, UPDATE_ORDERS } from "./types";

/** Service, config and secret names as the engine accepts them (it allows up to 63 characters). */
export const swarmNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(63, "must be at most 63 characters")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/,
    "may use letters, digits, '_', '.' and '-', and must start with a letter or digit",
  );

/** A node, service, task, config or secret: its id, an id prefix, or its name. */
export const swarmRefSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, "is too long")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "is not a swarm object id or name");

/** A Go duration ("10s", "1m30s") or a number of milliseconds; nanoseconds come out, as the engine takes them. */
export const durationSchema = z.union(
  [
    z
      .number()
      .int("must be whole milliseconds")
      .min(0, "must not be negative")
      .max(86_400_000)
      .transform((ms) => ms * 1e6),
    z.string().transform((t, ctx) => {
      const ns = parseDuration(t);
      if (ns === undefined) {
        ctx.addIssue({ code: "custom", message: 'must be a duration such as "10s" or "1m30s"' });
        return z.NEVER;
      }
      return ns;
    }),
  ],
  'must be a duration such as "10s" or a number of milliseconds',
);

const policyFields = {
  parallelism: z.number().int().min(0, "must be 0 (all at once) or more").max(1000).optional(),
  delay: durationSchema.optional(),
  monitor: durationSchema.optional(),
  maxFailureRatio: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
  order: z.enum(UPDATE_ORDERS, `must be one of ${UPDATE_ORDERS.join(", ")}`).optional(),
};

export const updatePolicySchema = z
  .object({
    ...policyFields,
    failureAction: z.enum(FAILURE_ACTIONS, `must be one of ${FAILURE_ACTIONS.join(", ")}`).optional(),
  })
  .strict();

/** A rollback cannot itself roll back. */
export const rollbackPolicySchema = z
  .object({
    ...policyFields,
    failureAction: z.enum(["pause", "continue"], "must be pause or continue").optional(),
  })
  .strict();

const envSchema = z
  .array(
    z
      .string()
      .regex(/^[^=\s]+=/, "must be KEY=value")
      .max(32_768),
  )
  .max(500, "at most 500 variables");

const portSchema = z
  .object({
    target: z.number().int().min(1).max(65_535),
    published: z.number().int().min(1).max(65_535).optional(),
    protocol: z.enum(["tcp", "udp", "sctp"]).default("tcp"),
    mode: z.enum(["ingress", "host"]).default("ingress"),
  })
  .strict();

const fileRefSchema = z
  .object({
    name: swarmNameSchema,
    /** The file name inside the container; the object's name when unset. */
    target: z.string().min(1).max(4096).optional(),
  })
  .strict();

const resourcesSchema = z
  .object({
    nanoCpus: z.number().int().min(0).optional(),
    memoryBytes: z
      .number()
      .int()
      .min(6 * 1024 * 1024, "must be at least 6 MB, the engine's minimum")
      .optional(),
  })
  .strict();

const restartPolicySchema = z
  .object({
    condition: z.enum(["none", "on-failure", "any"], "must be none, on-failure or any").optional(),
    delay: durationSchema.optional(),
    maxAttempts: z.number().int().min(0).optional(),
    window: durationSchema.optional(),
  })
  .strict();

/** What a service create or update may set; the engine's ServiceSpec is built from it on the server. */
const serviceFields = {
  image: z.string().min(1, "must not be empty").max(512),
  command: z.array(z.string().max(32_768)).max(500).optional(),
  args: z.array(z.string().max(32_768)).max(500).optional(),
  env: envSchema.optional(),
  workdir: z.string().max(4096).optional(),
  user: z.string().max(256).optional(),
  labels: labelsSchema.optional(),
  containerLabels: labelsSchema.optional(),
  replicas: z.number().int().min(0, "must not be negative").max(10_000).optional(),
  constraints: z
    .array(
      z
        .string()
        .min(3)
        .max(512)
        .regex(/(==|!=)/, 'must read like "node.role==manager"'),
    )
    .max(50)
    .optional(),
  preferences: z.array(z.string().min(1).max(512)).max(10).optional(),
  maxReplicasPerNode: z.number().int().min(0).optional(),
  ports: z.array(portSchema).max(100).optional(),
  networks: z.array(z.string().min(1).max(255)).max(20).optional(),
  configs: z.array(fileRefSchema).max(100).optional(),
  secrets: z.array(fileRefSchema).max(100).optional(),
  resources: z
    .object({ limits: resourcesSchema.optional(), reservations: resourcesSchema.optional() })
    .strict()
    .optional(),
  restartPolicy: restartPolicySchema.optional(),
  stopGracePeriod: durationSchema.optional(),
  updateConfig: updatePolicySchema.optional(),
  rollbackConfig: rollbackPolicySchema.optional(),
};

export const serviceCreateSchema = z
  .object({
    name: swarmNameSchema,
    mode: z.enum(["replicated", "global"], "must be replicated or global").default("replicated"),
    ...serviceFields,
  })
  .strict()
  .refine((b) => b.mode === "replicated" || b.replicas === undefined, {
    path: ["replicas"],
    message: "a global service runs one task per node; replicas are for replicated services",
  });
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

/**
 * An update names only what changes; the rest of the spec is kept. `version` guards against a change
 * made meanwhile; `force` restarts every task even when nothing else changed.
 */
export const serviceUpdateSchema = z
  .object({
    ...serviceFields,
    image: serviceFields.image.optional(),
    version: z.number().int().min(0).optional(),
    force: z.boolean().optional(),
  })
  .strict();
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceScaleSchema = z
  .object({ replicas: z.number("must be a number").int().min(0, "must not be negative").max(10_000) })
  .strict();

export const nodeUpdateSchema = z
  .object({
    version: z.number().int().min(0).optional(),
    availability: z.enum(NODE_AVAILABILITIES, `must be one of ${NODE_AVAILABILITIES.join(", ")}`).optional(),
    role: z.enum(NODE_ROLES, `must be one of ${NODE_ROLES.join(", ")}`).optional(),
    /** The node's whole label set after the change. */
    labels: labelsSchema.optional(),
  })
  .strict()
  .refine((b) => b.availability ?? b.role ?? b.labels, "name at least one of availability, role or labels");

const MAX_OBJECT_BYTES = 500 * 1024;

/** `data` is text, or base64 with `encoding: "base64"` for binary content; the engine caps it at 500 KB. */
const objectCreateFields = {
  name: swarmNameSchema,
  labels: labelsSchema.optional(),
  data: z.string().max(Math.ceil((MAX_OBJECT_BYTES * 4) / 3) + 4, "must be at most 500 KB"),
  encoding: z.enum(["text", "base64"], "must be text or base64").default("text"),
};

export const configCreateSchema = z.object(objectCreateFields).strict();
export const secretCreateSchema = z.object(objectCreateFields).strict();
export type ObjectCreate = z.infer<typeof configCreateSchema>;

export const forceQuerySchema = z.object({
  force: z
    .enum(["true", "false", "1", "0", ""], "must be true, false, 1 or 0")
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const swarmWatchSchema = z.object({ hostId: hostIdSchema }).strict();
export const swarmUnwatchSchema = z.object({ hostId: hostIdSchema.optional() }).strict();
