import type { Readable } from "node:stream";
import { AppError } from "../../lib/errors";
import { classifyEngineError } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";

/** Opens a long engine stream: refused at once when the host is known to be down, errors classified. */
export async function openEngineStream(
  host: HostConnection,
  open: () => Promise<Readable>,
  classify: (message: string) => AppError,
): Promise<Readable> {
  const s = host.summary();
  if (s.status === "down") {
    throw new AppError("ENGINE_UNREACHABLE", `host ${s.id} is down (${s.error ?? "unreachable"})`, {
      hostId: s.id,
    });
  }
  try {
    return await open();
  } catch (err) {
    const e = classifyEngineError(err, s.id);
    if (e.code === "ENGINE_UNREACHABLE") host.checkNow();
    // The engine answers 500 for a registry it cannot reach or that refuses it: say which.
    return Promise.reject(e.code === "ENGINE_ERROR" ? withDetails(classify(e.message), s.id) : e);
  }
}

function withDetails(e: AppError, hostId: string): AppError {
  return new AppError(e.code, e.message, { hostId, ...(e.details ?? {}) });
}

/** What a registry problem reported by the engine means, for the HTTP status and the UI. */
export function classifyRegistryMessage(message: string): AppError {
  if (/manifest unknown|not found|does not exist|repository name not known|no such image/i.test(message))
    return new AppError("NOT_FOUND", message);
  if (/unauthorized|no basic auth credentials|authentication required|denied|forbidden/i.test(message))
    return new AppError("FORBIDDEN", message);
  if (
    /connection refused|no such host|i\/o timeout|dial tcp|network is unreachable|TLS handshake/i.test(
      message,
    )
  )
    return new AppError("ENGINE_UNREACHABLE", message);
  return new AppError("ENGINE_ERROR", message);
}
