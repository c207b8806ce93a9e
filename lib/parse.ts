import type { z, ZodError } from "zod";
import { AppError, type ErrorCode } from "./errors";

/** Zod issues become one VALIDATION error naming the first field, with all issues in details. */
export function validationError(err: ZodError, prefix = ""): AppError {
  const issues = err.issues.map((i) => ({
    // A scalar checked on its own is named by the prefix alone ("service: …", not "service: (root): …").
    field: i.path.length ? prefix + i.path.join(".") : prefix.replace(/[:.]\s*$/, "") || "(root)",
    message: i.message,
  }));
  const first = issues[0];
  return new AppError("VALIDATION", first ? `${first.field}: ${first.message}` : "invalid input", { issues });
}

export function parseWith<S extends z.ZodTypeAny>(schema: S, value: unknown, prefix = ""): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, prefix);
  return r.data;
}

/** Whether `value` is one of a fixed list of names, narrowing it to that list's type. */
export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  (list as readonly unknown[]).includes(value);

/** One field of a value of unknown shape (a parsed JSON body, a thrown value): undefined unless it is an object. */
export function fieldIn(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" ? (Reflect.get(value, key) as unknown) : undefined;
}

/** An error about one field of a request, in the shape a zod failure takes, so forms mark that field. */
export function fieldError(field: string, message: string, code: ErrorCode = "VALIDATION"): AppError {
  return new AppError(code, `${field}: ${message}`, { issues: [{ field, message }] });
}
