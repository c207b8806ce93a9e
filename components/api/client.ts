"use client";
import type { ErrorBody } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** The server's message key and parameters, for saying the error in the user's language. */
    readonly i18n?: Pick<ErrorBody, "messageKey" | "params">,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** fetch for the Wharf API: JSON in and out, the CSRF header on every request, errors as ApiError with the server's message. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? "GET",
    headers: {
      "x-wharf-csrf": "1",
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: "same-origin",
  });
  return apiReply<T>(res, path);
}

/** An API reply read as api() reads it: the JSON body, or an ApiError (and a sign-in page on 401). */
export async function apiReply<T>(res: Response, path: string): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, "INTERNAL", `unexpected reply (${res.status}): ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const err = (json as { error?: ErrorBody } | undefined)?.error;
    if (res.status === 401 && typeof window !== "undefined" && !path.endsWith("/auth/login")) {
      // The session is gone: a full load of the login page, so no stale data stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ApiError(
      res.status,
      err?.code ?? "INTERNAL",
      err?.message ?? `HTTP ${res.status}`,
      err?.details,
      err?.messageKey ? { messageKey: err.messageKey, params: err.params } : undefined,
    );
  }
  return json as T;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
