import { AppError } from "../lib/errors";
import { classifyEngineError, isEngineFailure } from "./engines/engine-error";

const logged = new WeakSet<object>();

/**
 * The one way an unknown error becomes an AppError. An AppError stays as it is. A failure of an
 * engine (as dockerode reports it) on a named host is classified with the engine's own message.
 * Anything else is a bug: logged once, with its stack, under `log`, and answered as INTERNAL.
 */
export function toAppError(err: unknown, opts: { hostId?: string; log?: string } = {}): AppError {
  if (err instanceof AppError) return err;
  if (opts.hostId && isEngineFailure(err)) return classifyEngineError(err, opts.hostId);
  const once = err !== null && typeof err === "object";
  if (!once || !logged.has(err)) {
    if (once) logged.add(err);
    console.error(`${opts.log ?? "[wharf]"} unexpected error:`, err);
  }
  return new AppError("INTERNAL", "internal error; see the server log");
}

/** For a call whose "not found" is an expected answer: undefined then, and every other error as it was. */
export async function ifFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return undefined;
    throw err;
  }
}
