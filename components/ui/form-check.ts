import type { z } from "zod";
import { ApiError } from "@/components/api/client";
import { HTTP_STATUS } from "@/lib/errors";
import { validationError } from "@/lib/parse";

/** A VALIDATION error as the API would answer it, so the form says it the way it says the server's. */
function asAnswer(code: "VALIDATION", message: string, details: unknown): ApiError {
  return new ApiError(HTTP_STATUS[code], code, message, details);
}

/**
 * The first problem with `value`, as the server's own VALIDATION error ("field: message", the field
 * also in `details.issues`), so a form can say it before sending and reads it the same way either way.
 */
export function checkWith(schema: z.ZodType, value: unknown): Error | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const e = validationError(r.error);
  return asAnswer("VALIDATION", e.message, e.details);
}

/** A problem the form finds beyond the schema, shaped like a VALIDATION error naming `field`. */
export function fieldProblem(field: string, message: string): Error {
  return asAnswer("VALIDATION", `${field}: ${message}`, { issues: [{ field, message }] });
}

/** Checks `body` with the server's schema: shows the problem, or sends the body when there is none. */
export function submitChecked<B>(
  schema: z.ZodType,
  body: B,
  setError: (e: Error | undefined) => void,
  send: (body: B) => void,
): void {
  const problem = checkWith(schema, body);
  setError(problem);
  if (!problem) send(body);
}
