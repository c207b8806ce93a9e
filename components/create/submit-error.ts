import { ApiError, errorMessage } from "@/components/api/client";
import type { MissingImageDetails } from "@/lib/container-spec/api-types";
import { errorField } from "@/components/api/error-field";
import { formFieldOf } from "./field-errors";

/** Where a failed create or recreate is shown: next to a field, as a missing image, or as a whole. */
export type SubmitError =
  | { kind: "field"; field: string; message: string }
  | { kind: "image"; image: string; message: string }
  | { kind: "general"; message: string };

export function classifySubmitError(err: unknown, image: string): SubmitError {
  const message = errorMessage(err);
  if (err instanceof ApiError) {
    // 400 VALIDATION, and 403 for a host-access setting: both name the field in their details.
    if (err.status === 400 || err.status === 403) {
      const field = formFieldOf(errorField(err));
      if (field) return { kind: "field", field, message };
    }
    // The engine's "No such image: x" (404): offer to pull it rather than only saying so.
    const missing = (err.details ?? {}) as Partial<MissingImageDetails>;
    if (err.status === 404 && missing.missing === "image")
      return { kind: "image", image: missing.image ?? image, message };
    return { kind: "general", message };
  }
  return { kind: "general", message };
}
