import { z } from "zod";
import { COMPOSE_ORCHESTRATORS } from "../compose/model";

/** compose's project names: lower case letters, digits, '_' and '-', starting with a letter or digit. */
export const stackNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(63, "is too long (63 characters at most)")
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    "may use lower-case letters, digits, '_' and '-', and must start with a letter or digit",
  );

/** compose's service names: letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const serviceNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(255, "is too long (255 characters at most)")
  .regex(
    /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/,
    "may use letters, digits, '.', '_' and '-', and must start with a letter or digit",
  );

const COMPOSE_MAX = 512 * 1024;

const composeText = z.string().min(1, "must not be empty").max(COMPOSE_MAX, "is larger than 512 KiB");
const envText = z.string().max(COMPOSE_MAX, "is larger than 512 KiB");

/** Further files of the stack (env_file, configs, secrets, build contexts), by relative path. */
const filesSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(255)
      .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]+$/, "must be a relative path inside the stack"),
    z.string().max(COMPOSE_MAX, "is larger than 512 KiB"),
  )
  .refine((f) => Object.keys(f).length <= 200, "may hold at most 200 files");

export const stackCreateSchema = z.strictObject({
  name: stackNameSchema,
  /** "swarm" deploys the file as services on the host's swarm (the host must be a manager). */
  orchestrator: z.enum(COMPOSE_ORCHESTRATORS, "must be compose or swarm").optional(),
  compose: composeText,
  env: envText.optional(),
  files: filesSchema.optional(),
  message: z.string().max(500, "is longer than 500 characters").optional(),
});
export type StackCreateRequest = z.infer<typeof stackCreateSchema>;

export const stackUpdateSchema = z.strictObject({
  compose: composeText,
  env: envText.optional(),
  files: filesSchema.optional(),
  message: z.string().max(500, "is longer than 500 characters").optional(),
});
export type StackUpdateRequest = z.infer<typeof stackUpdateSchema>;

const revisionSchema = z.number().int("must be a whole number").positive("must be positive");

/** Replica counts that override the file's for this deploy (`compose up --scale web=3`). */
const scaleSchema = z
  .record(
    z.string().min(1).max(255),
    z.number().int("must be a whole number").min(0, "must not be negative").max(100, "is more than 100"),
  )
  .optional();

/** compose's --profile: services with `profiles` run only when one of theirs is named. */
const profilesSchema = z
  .array(z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "is not a profile name"))
  .max(50)
  .optional();

export const stackPlanSchema = z.strictObject({
  revision: revisionSchema.optional(),
  profiles: profilesSchema,
  removeOrphans: z.boolean().optional(),
  scale: scaleSchema,
});

/** Containers to write a compose file for ("export as compose"). */
export const composeExportSchema = z.strictObject({
  name: stackNameSchema.optional(),
  containers: z.array(z.string().min(1).max(255)).min(1, "must name at least one container").max(200),
});

export const stackDeploySchema = z.strictObject({
  revision: revisionSchema.optional(),
  profiles: profilesSchema,
  removeOrphans: z.boolean().optional(),
  scale: scaleSchema,
  /** Chosen by the client so it can watch the job before the request returns. */
  jobId: z.uuid("must be a UUID").optional(),
});
export type StackDeployRequest = z.infer<typeof stackDeploySchema>;

export const stackOperationSchema = z.strictObject({
  /** Only these services; every service when absent. */
  services: z.array(z.string().min(1).max(255)).max(200).optional(),
  jobId: z.uuid("must be a UUID").optional(),
});

export const stackDownSchema = z.strictObject({
  /** Also remove the named volumes the file declares (never external ones). */
  volumes: z.boolean().optional(),
  jobId: z.uuid("must be a UUID").optional(),
});
