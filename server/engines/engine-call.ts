import { AppError } from "../../lib/errors";
import { classifyEngineError } from "./engine-error";
import type { HostConnection } from "./host-connection";

export const READ_TIMEOUT_MS = 15_000;
export const ACTION_TIMEOUT_MS = 90_000;

/**
 * Runs one engine call on a host: fails fast when the host is known to be down, classifies errors,
 * and asks for a health re-check when the engine turns out to be unreachable.
 */
export async function engineCall<T>(
  host: HostConnection,
  fn: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number = READ_TIMEOUT_MS,
): Promise<T> {
  const s = host.summary();
  if (s.status === "down") {
    throw new AppError("ENGINE_UNREACHABLE", `host ${s.id} is down (${s.error ?? "unreachable"})`, {
      hostId: s.id,
    });
  }
  try {
    return await withDeadline(timeoutMs, fn);
  } catch (err) {
    const appErr = classifyEngineError(err, s.id);
    if (appErr.code === "ENGINE_UNREACHABLE") host.checkNow();
    throw appErr;
  }
}

/**
 * Runs `fn` with a signal that aborts after `ms` (a TimeoutError, as AbortSignal.timeout gives), and
 * clears the timer once `fn` settles. AbortSignal.timeout cannot be cleared: every call left a timer
 * that fired up to 90 s later, building an exception and aborting a finished request, so a burst of
 * calls (a hundred stats subscriptions) came back as a burst of work long after it ended.
 */
export async function withDeadline<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  const timer = setTimeout(
    () => ac.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ms,
  );
  timer.unref();
  try {
    return await fn(ac.signal);
  } catch (err) {
    // An aborted request says only "The operation was aborted"; a host's status should say why.
    if (ac.signal.aborted) throw deadlineError(ms, err);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function deadlineError(ms: number, cause: unknown): Error {
  const e = new Error(`timed out: no answer within ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}`, { cause });
  e.name = "TimeoutError";
  return e;
}
