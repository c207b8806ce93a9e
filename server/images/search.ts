import { AppError } from "../../lib/errors";
import type { HubSearchResult } from "../../lib/images/types";
import { classifyEngineError } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";
import { dial } from "../engines/engine-dial";

/** The engine asks Docker Hub; with no route there it must fail within this, never hang. */
export const SEARCH_TIMEOUT_MS = 8000;

/** Docker Hub search through a host's engine; a Hub the engine cannot reach is a 502 that says so. */
export async function searchHub(
  host: HostConnection,
  term: string,
  limit: number,
): Promise<HubSearchResult[]> {
  const s = host.summary();
  if (s.status === "down")
    throw new AppError("ENGINE_UNREACHABLE", `host ${s.id} is down (${s.error ?? "unreachable"})`);
  const signal = AbortSignal.timeout(SEARCH_TIMEOUT_MS);
  try {
    const rows = await dial<
      { name: string; description?: string; star_count?: number; is_official?: boolean }[]
    >(host, {
      path: "/images/search?",
      method: "GET",
      options: { term, limit },
      abortSignal: signal,
      statusCodes: { 200: true },
    });
    return (rows ?? []).map((r) => ({
      name: r.name,
      description: r.description ?? "",
      stars: r.star_count ?? 0,
      official: !!r.is_official,
    }));
  } catch (err) {
    if (signal.aborted)
      throw new AppError(
        "ENGINE_ERROR",
        `Docker Hub did not answer host ${s.id} within ${SEARCH_TIMEOUT_MS / 1000} s`,
        {
          hostId: s.id,
        },
      );
    const e = classifyEngineError(err, s.id);
    if (e.code !== "ENGINE_ERROR") throw e;
    throw new AppError("ENGINE_ERROR", `Docker Hub search from host ${s.id} failed: ${e.message}`, {
      hostId: s.id,
    });
  }
}
