import { AppError } from "../../lib/errors";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOENT",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "ABORT_ERR",
]);

interface DockerodeError extends Error {
  statusCode?: number;
  reason?: string;
  json?: unknown;
  code?: string;
}

/** The engine's own words: its JSON `message`, else dockerode's text without the "(HTTP code N) reason -" prefix. */
export function engineMessage(err: DockerodeError): string {
  const json = err.json as { message?: unknown } | string | null | undefined;
  if (json && typeof json === "object" && typeof json.message === "string" && json.message)
    return json.message;
  if (typeof json === "string" && json.trim()) return json.trim();
  const stripped = err.message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, "").trim();
  return stripped || err.reason || err.message;
}

/** A failure of the engine or of the way to it, as dockerode reports one (not a bug in Wharf). */
export function isEngineFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as DockerodeError;
  return (
    typeof e.statusCode === "number" ||
    (!!e.code && UNREACHABLE_CODES.has(e.code)) ||
    e.name === "AbortError" ||
    /socket hang up|timed? ?out/i.test(e.message)
  );
}

/** Classifies any error from a dockerode call as an AppError, keeping the engine's message. */
export function classifyEngineError(err: unknown, hostId: string): AppError {
  if (err instanceof AppError) return err;
  const e = (err instanceof Error ? err : new Error(String(err))) as DockerodeError;
  const status = e.statusCode;
  if (status === undefined) {
    if (
      (e.code && UNREACHABLE_CODES.has(e.code)) ||
      e.name === "AbortError" ||
      /socket hang up|timed? ?out/i.test(e.message)
    ) {
      return new AppError("ENGINE_UNREACHABLE", `host ${hostId} is unreachable: ${e.message}`, { hostId });
    }
    return new AppError("ENGINE_ERROR", `host ${hostId}: ${e.message}`, { hostId });
  }
  const message = engineMessage(e);
  // 304 is the engine saying "already in that state": the state forbids the action.
  if (status === 304)
    return new AppError("CONFLICT", e.reason ?? "container is already in that state", { hostId });
  if (status === 404) return new AppError("NOT_FOUND", message, { hostId });
  if (status === 409) return new AppError("CONFLICT", message, { hostId });
  if (status === 400) return new AppError("VALIDATION", message, { hostId });
  return new AppError("ENGINE_ERROR", message, { hostId, engineStatus: status });
}
