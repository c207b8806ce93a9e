import { ApiError } from "@/components/api/client";
import type { MissingImageDetails } from "@/lib/container-spec/api-types";
import { errorField } from "@/components/api/error-field";
import { formFieldOf } from "./field-errors";

/**
 * Where a failed create or recreate is shown: next to a field, as a missing image, or as a whole.
 * The error itself is kept, so the view can say it in the user's language with the server's words.
 */
export type SubmitError =
  | { kind: "field"; field: string; error: unknown }
  | { kind: "image"; image: string; error: unknown }
  | { kind: "general"; error: unknown };

export function classifySubmitError(error: unknown, image: string): SubmitError {
  if (error instanceof ApiError) {
    // 400 VALIDATION, and 403 for a host-access setting: both name the field in their details.
    if (error.status === 400 || error.status === 403) {
      const field = formFieldOf(errorField(error));
      if (field) return { kind: "field", field, error };
    }
    // The engine's "No such image: x" (404): offer to pull it rather than only saying so.
    const missing = (error.details ?? {}) as Partial<MissingImageDetails>;
    if (error.status === 404 && missing.missing === "image")
      return { kind: "image", image: missing.image ?? image, error };
    return { kind: "general", error };
  }
  return { kind: "general", error };
}
