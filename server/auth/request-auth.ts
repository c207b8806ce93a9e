import type { IncomingMessage } from "node:http";
import { AppError } from "../../lib/errors";
import { parseCookies } from "./cookies";
import { SESSION_COOKIE, type Session, type SessionStore } from "./sessions";
import { fieldIn } from "../../lib/parse";
import { LOCALE_COOKIE, type Locale } from "../../lib/i18n/locales";

export const CSRF_HEADER = "x-wharf-csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sessionToken(req: IncomingMessage): string | undefined {
  return parseCookies(req.headers.cookie)[SESSION_COOKIE];
}

export function resolveSession(req: IncomingMessage, sessions: SessionStore): Session | undefined {
  return sessions.resolve(sessionToken(req));
}

export function isSecureRequest(req: IncomingMessage): boolean {
  return fieldIn(req.socket, "encrypted") === true || req.headers["x-forwarded-proto"] === "https";
}

/** The origin this request was addressed to, as a browser would write it in an Origin header. */
export function ownOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  return host ? `${isSecureRequest(req) ? "https" : "http"}://${host}` : undefined;
}

/** True when an Origin header is absent or names Wharf itself. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === ownOrigin(req);
}

/**
 * Cookie-authenticated state changes need a same-origin Origin (when sent) and the custom header,
 * which a cross-site form or fetch cannot add without a preflight that Wharf never approves.
 */
export function assertCsrf(req: IncomingMessage): void {
  if (SAFE_METHODS.has(req.method ?? "GET")) return;
  if (!originAllowed(req))
    throw new AppError("FORBIDDEN", "cross-origin request refused (Origin does not match)");
  if (req.headers[CSRF_HEADER] !== "1") {
    throw new AppError("FORBIDDEN", `missing ${CSRF_HEADER} header on a state-changing request`);
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/**
 * The signed-in user's language for page renders; cleared (Max-Age=0) when the user has none, so the
 * browser's Accept-Language applies. Not a secret, and never trusted for anything but the language.
 */
export function localeCookie(locale: Locale | undefined, secure: boolean): string {
  return [
    `${LOCALE_COOKIE}=${locale ?? ""}`,
    "Path=/",
    "SameSite=Lax",
    `Max-Age=${locale ? 400 * 24 * 3600 : 0}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
