import { z } from "zod";
import { LAYER_VIEWS } from "./types";

/** The most entries one folder listing answers. */
export const MAX_LAYER_FILES_LIMIT = 5000;
export const DEFAULT_LAYER_FILES_LIMIT = 1000;

/** A layer's diff id in a path: `sha256:` and 64 hex digits, or the 64 hex digits alone. */
export const diffIdParamSchema = z
  .string()
  .regex(/^(sha256:)?[0-9a-f]{64}$/, "must be sha256: followed by 64 lowercase hex digits")
  .transform((v) => (v.startsWith("sha256:") ? v : `sha256:${v}`));

/**
 * A folder inside an image, with or without its leading `/`. It names a place in the image's own
 * tree, so `.` and `..` segments, which would make one folder have many names, are refused.
 */
export const layerPathSchema = z
  .string()
  .max(4096, "is too long")
  .refine((v) => !v.includes("\0"), "must not contain a NUL byte")
  .refine((v) => !v.split("/").some((s) => s === ".."), "must not contain '..' segments")
  .refine((v) => !v.split("/").some((s) => s === "."), "must not contain '.' segments")
  .transform((v) => v.split("/").filter(Boolean).join("/"));

export const layerFilesQuerySchema = z
  .object({
    path: layerPathSchema.optional().default(""),
    view: z.enum(LAYER_VIEWS, { message: `must be one of ${LAYER_VIEWS.join(", ")}` }).default("changes"),
    /** Which copy of a diff id an image holds twice (an empty layer may recur): 1 for the bottom layer. */
    position: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").optional(),
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_LAYER_FILES_LIMIT, `must be at most ${MAX_LAYER_FILES_LIMIT}`)
      .default(DEFAULT_LAYER_FILES_LIMIT),
  })
  .strict();
export type LayerFilesQuery = z.infer<typeof layerFilesQuerySchema>;
