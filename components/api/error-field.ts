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
