"use client";
import { api, apiReply } from "./client";
import { EARLY_FETCH_GLOBAL } from "./early-fetch-script";

/** Older than this, an early reply is not worth showing even for a moment: the list is fetched afresh. */
const MAX_AGE_MS = 10_000;

interface EarlyEntry {
  at: number;
  reply: Promise<Response>;
}

type EarlyMap = Record<string, EarlyEntry | undefined>;

const early = (): EarlyMap | undefined =>
  typeof window === "undefined"
    ? undefined
    : ((window as unknown as Record<string, EarlyMap | undefined>)[EARLY_FETCH_GLOBAL] ?? undefined);

/**
 * The reply to the request the page's HTML started for `path`, once, read as api() reads it; undefined
 * when there is none (a client navigation, a retry, or one too old). Should the early request fail
 * on the network, the path is fetched again here.
 */
export function takeEarly<T>(path: string, now: number = Date.now()): Promise<T> | undefined {
  const map = early();
  const entry = map?.[path];
  if (!map || !entry) return undefined;
  delete map[path];
  if (now - entry.at > MAX_AGE_MS) {
    // Not read: the body is let go with the entry.
    entry.reply
      .then(
        (r) => r.body?.cancel(),
        () => undefined,
      )
      .catch(() => undefined);
    return undefined;
  }
  return entry.reply.then(
    (res) => apiReply<T>(res, path),
    () => api<T>(path),
  );
}
