import { AppError, asError } from "../../lib/errors";
import { fieldIn } from "../../lib/parse";

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

/** What dockerode adds to the Errors it throws, read without trusting their shape. */
function dockerodeFields(err: Error) {
  const statusCode = fieldIn(err, "statusCode");
  const reason = fieldIn(err, "reason");
  const code = fieldIn(err, "code");
  return {
    statusCode: typeof statusCode === "number" ? statusCode : undefined,
    reason: typeof reason === "string" ? reason : undefined,
    code: typeof code === "string" ? code : undefined,
    json: fieldIn(err, "json"),
  };
}

/** The engine's own words: its JSON `message`, else dockerode's text without the "(HTTP code N) reason -" prefix. */
export function engineMessage(err: Error): string {
  const { json, reason } = dockerodeFields(err);
  const said = fieldIn(json, "message");
  if (typeof said === "string" && said) return said;
  if (typeof json === "string" && json.trim()) return json.trim();
  const stripped = err.message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, "").trim();
  return stripped || reason || err.message;
}

const looksUnreachable = (e: Error, code: string | undefined) =>
  (!!code && UNREACHABLE_CODES.has(code)) ||
  e.name === "AbortError" ||
  /socket hang up|timed? ?out/i.test(e.message);

/** A failure of the engine or of the way to it, as dockerode reports one (not a bug in Wharf). */
export function isEngineFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { statusCode, code } = dockerodeFields(err);
  return statusCode !== undefined || looksUnreachable(err, code);
}

/** Classifies any error from a dockerode call as an AppError, keeping the engine's message. */
export function classifyEngineError(err: unknown, hostId: string): AppError {
  if (err instanceof AppError) return err;
  const e = asError(err);
  const { statusCode: status, reason, code } = dockerodeFields(e);
  if (status === undefined) {
    if (looksUnreachable(e, code)) {
      return new AppError("ENGINE_UNREACHABLE", `host ${hostId} is unreachable: ${e.message}`, { hostId });
    }
    return new AppError("ENGINE_ERROR", `host ${hostId}: ${e.message}`, { hostId });
  }
  const message = engineMessage(e);
  // 304 is the engine saying "already in that state": the state forbids the action.
  if (status === 304)
    return new AppError("CONFLICT", reason ?? "container is already in that state", { hostId });
  if (status === 404) return new AppError("NOT_FOUND", message, { hostId });
  if (status === 409) return new AppError("CONFLICT", message, { hostId });
  if (status === 400) return new AppError("VALIDATION", message, { hostId });
  // Podman refuses an action the container's state forbids with 500, where Docker answers 409.
  if (/container state improper/i.test(message)) return new AppError("CONFLICT", message, { hostId });
  // An id prefix that fits several objects: older engines answer 500, newer ones 400.
  if (/^multiple IDs found with provided prefix/i.test(message))
    return new AppError("VALIDATION", message, { hostId });
  return new AppError("ENGINE_ERROR", message, { hostId, engineStatus: status });
}
