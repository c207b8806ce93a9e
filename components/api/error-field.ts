import { fieldIn } from "@/lib/parse";

/** The first entry's `field` of a details list, when the list is one. */
function firstField(list: unknown): string | undefined {
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  const field = (first as { field?: unknown } | undefined)?.field;
  return typeof field === "string" ? field : undefined;
}

/**
 * The request field an error names, read from its details as the server sends them: the first of
 * `details.issues` for a VALIDATION error (the form's own checks build the same shape), the first of
 * `details.hostAccess` for a refused host-access setting, or `details.field` for a refused grant.
 * Undefined when the details name none.
 */
export function errorField(err: unknown): string | undefined {
  const details = (err as { details?: unknown } | null | undefined)?.details;
  if (!details || typeof details !== "object") return undefined;
  const d = details as { issues?: unknown; hostAccess?: unknown; field?: unknown };
  return (
    firstField(d.issues) ?? firstField(d.hostAccess) ?? (typeof d.field === "string" ? d.field : undefined)
  );
}

/** Every field and reason of a VALIDATION error's `details.issues`, as the server or a form's check wrote them. */
export function errorIssues(err: unknown): { field: string; message: string }[] {
  const issues = fieldIn(fieldIn(err, "details"), "issues");
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    const field = fieldIn(i, "field");
    const message = fieldIn(i, "message");
    return typeof field === "string" && typeof message === "string" ? [{ field, message }] : [];
  });
}

/** Whether an issue's field is `field` or lies inside it (`scope.hosts.0` in `scope.hosts`). */
export const fieldWithin = (issueField: string, field: string): boolean =>
  issueField === field || issueField.startsWith(`${field}.`) || issueField.startsWith(`${field}[`);
