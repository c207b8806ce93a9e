import { z } from "zod";
import { hostFilterSchema, hostIdSchema } from "../schemas";
import { IMAGE_SORT_KEYS } from "./filter";
import { isValidTag, parseReference } from "./reference";

/** An image reference, checked against the engine's grammar, with the reason when it fails. */
export const imageReferenceSchema = z.string().superRefine((value, ctx) => {
  const r = parseReference(value);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
});

/** What may stand for an image in a path: an id, an id prefix, or a reference. */
export const imageRefParamSchema = z
  .string()
  .min(1, "is required")
  .max(512, "is too long")
  .superRefine((value, ctx) => {
    if (/^(sha256:)?[0-9a-f]{4,64}$/.test(value)) return;
    const r = parseReference(value);
    if (!r.ok) ctx.addIssue({ code: "custom", message: `must be an image id or reference: ${r.error}` });
  });

const boolParam = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const imageListQuerySchema = z.object({
  dangling: boolParam,
  unused: boolParam,
  q: z.string().max(255, "is too long").optional(),
  sort: z.enum(IMAGE_SORT_KEYS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  host: hostFilterSchema.optional(),
  /** Check tags from configured registries for newer digests (default on). */
  updates: z.enum(["0", "1", "true", "false"]).optional(),
});
export type ImageListQuery = z.infer<typeof imageListQuerySchema>;

export const imageRemoveQuerySchema = z.object({ force: boolParam, noprune: boolParam });

const registryIdField = z.number().int("must be a whole number").positive("must be positive");
const jobIdField = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 letters, digits, '-' or '_'");

export const pullRequestSchema = z
  .object({
    image: imageReferenceSchema,
    registryId: registryIdField.optional(),
    jobId: jobIdField.optional(),
  })
  .strict();

export const multiPullRequestSchema = z
  .object({
    image: imageReferenceSchema,
    hosts: z.array(hostIdSchema).min(1, "must name at least one host").max(50, "at most 50 hosts"),
    registryId: registryIdField.optional(),
  })
  .strict();

export const pushRequestSchema = z
  .object({
    image: imageReferenceSchema,
    registryId: registryIdField.optional(),
    jobId: jobIdField.optional(),
  })
  .strict();

export const tagRequestSchema = z
  .object({
    repo: imageReferenceSchema.refine((v) => {
      const r = parseReference(v);
      return r.ok && !r.ref.tag && !r.ref.digest;
    }, "must be a repository without a tag or digest"),
    tag: z
      .string()
      .refine(isValidTag, "must be 1-128 letters, digits, '_', '.' or '-', not starting with '.' or '-'")
      .optional(),
  })
  .strict();

export const pruneRequestSchema = z
  .object({
    all: z.boolean().optional(),
    /** `key=value` label filters, so a prune can be limited to one's own images. */
    labels: z
      .array(z.string().regex(/^[^=\s]+(=[^\s]*)?$/, "must be key or key=value"))
      .max(20)
      .optional(),
  })
  .strict();

const buildArgsField = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "names must be letters, digits or '_'"),
  z.string().max(4096),
);
const tagsField = z.array(imageReferenceSchema).max(20, "at most 20 tags");
const labelsField = z.record(z.string().min(1).max(255), z.string().max(4096));

export const buildJsonSchema = z
  .object({
    dockerfile: z
      .string()
      .min(1, "is required")
      .max(256 * 1024, "is too long"),
    tags: tagsField.optional(),
    buildArgs: buildArgsField.optional(),
    labels: labelsField.optional(),
    jobId: jobIdField.optional(),
  })
  .strict();

/** The query of a build whose context is the raw body (a tar or a zip). */
/** A form field holding JSON text, parsed and then checked by `schema`. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON object" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

export const buildQuerySchema = z.object({
  tags: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(tagsField)
    .optional(),
  dockerfile: z
    .string()
    .max(255)
    .regex(/^[^\0]+$/, "must be a path inside the context")
    .optional(),
  buildArgs: jsonText(buildArgsField).optional(),
  labels: jsonText(labelsField).optional(),
  jobId: jobIdField.optional(),
});

export const searchQuerySchema = z.object({
  term: z.string().trim().min(1, "is required").max(255, "is too long"),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const updatesQuerySchema = z.object({ refresh: boolParam });

export const jobsWatchSchema = z.object({ hostId: hostIdSchema.optional() }).strict();
export const jobsUnwatchSchema = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;
export const jobCancelSchema = z
  .object({ jobId: z.string().min(1, "is required").max(64, "is too long") })
  .strict();
