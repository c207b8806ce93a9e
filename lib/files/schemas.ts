import { z } from "zod";
import { tagRequestSchema } from "../images/schemas";
import { containerPathProblem, fileNameProblem } from "./path";

/** An absolute, normalized path inside a container; the reason names what is wrong with it. */
export const containerPathSchema = z.string().superRefine((value, ctx) => {
  const problem = containerPathProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const flag = z
  .enum(["1", "0", "true", "false"], { message: 'must be "1" or "0"' })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** `path` defaults to the root folder, so a bare request lists (or downloads) "/". */
export const listQuerySchema = z.object({ path: containerPathSchema.default("/") }).strict();

export const contentQuerySchema = z
  .object({
    path: containerPathSchema.default("/"),
    preview: flag,
    /** How a folder comes: the engine's tar, or a ZIP made from it as it streams. */
    format: z.enum(["tar", "zip"], { message: 'must be "tar" or "zip"' }).default("tar"),
  })
  .strict();

export const uploadQuerySchema = z
  .object({
    path: containerPathSchema,
    /** The file's name for a raw (not tar) body. */
    name: z
      .string()
      .superRefine((value, ctx) => {
        const problem = fileNameProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    overwrite: flag,
  })
  .strict();
export type UploadQuery = z.infer<typeof uploadQuerySchema>;

/** The Dockerfile instructions the engine applies on commit (`docker commit --change`). */
export const COMMIT_INSTRUCTIONS = [
  "CMD",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "LABEL",
  "ONBUILD",
  "USER",
  "VOLUME",
  "WORKDIR",
  "STOPSIGNAL",
] as const;
export type CommitInstruction = (typeof COMMIT_INSTRUCTIONS)[number];

/** Why a `changes` line is not one instruction the engine accepts on commit, or undefined. */
export function commitChangeProblem(line: string): string | undefined {
  if (/[\r\n]/.test(line)) return "must be a single line";
  const m = /^\s*([A-Za-z]+)(\s+(.*))?$/.exec(line);
  const word = m?.[1]?.toUpperCase();
  if (!m || !word || !(COMMIT_INSTRUCTIONS as readonly string[]).includes(word))
    return `must start with one of ${COMMIT_INSTRUCTIONS.join(", ")}`;
  if (!m[3]?.trim()) return `${word} needs an argument`;
  return undefined;
}

/** A commit names its image as a tag does (repository, optional tag), and adds what to freeze. */
export const commitRequestSchema = tagRequestSchema
  .extend({
    message: z.string().max(4096, "must be at most 4096 characters").optional(),
    author: z.string().max(256, "must be at most 256 characters").optional(),
    changes: z
      .array(
        z
          .string()
          .max(4096, "must be at most 4096 characters")
          .superRefine((value, ctx) => {
            const problem = commitChangeProblem(value);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          }),
      )
      .max(50, "at most 50 changes")
      .optional(),
    /** Pause the container while it is committed (the engine's default). */
    pause: z.boolean().optional(),
  })
  .strict();
export type CommitRequest = z.infer<typeof commitRequestSchema>;
