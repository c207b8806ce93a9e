/** The width of a stored point, as the charts' hint says it: "10 s", "5 min", "1 h". */
export function stepText(stepMs: number): string {
  const s = stepMs / 1000;
  return s >= 3600 ? `${s / 3600} h` : s >= 60 ? `${s / 60} min` : `${s} s`;
}

/**
 * What a failed history request means to the person looking. A 403 is a scope that does not cover
 * the whole host: not a fault, nothing to retry. A 404 is a container Wharf has not sampled yet:
 * no history so far. Anything else is a failure to show with its own message.
 */
export function historyFailure(error: unknown): "forbidden" | "none-yet" | "failed" {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "FORBIDDEN" ? "forbidden" : code === "NOT_FOUND" ? "none-yet" : "failed";
}
