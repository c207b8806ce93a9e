"use client";
import { errorIssues, fieldWithin } from "@/components/api/error-field";
import { useReasonText } from "@/components/i18n/useErrorText";

/**
 * A form's error said where it belongs: each reason beside the field it names, in the user's
 * language, and the error below the form only when some of it names no field on screen.
 * `at(field)` notes that the field is shown, so `rest()` is asked once the fields are rendered.
 */
export function useFieldErrors(error: unknown): {
  at: (field: string) => string | undefined;
  rest: () => unknown;
} {
  const reason = useReasonText();
  const issues = errorIssues(error);
  const shown = new Set<string>();
  return {
    at: (field) => {
      shown.add(field);
      const issue = issues.find((i) => fieldWithin(i.field, field));
      return issue && reason(issue.message);
    },
    rest: () =>
      issues.length > 0 && issues.every((i) => [...shown].some((f) => fieldWithin(i.field, f)))
        ? undefined
        : error,
  };
}
