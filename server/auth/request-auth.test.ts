import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import {
  assertCsrf,
  CSRF_HEADER,
  isSecureRequest,
  originAllowed,
  ownOrigin,
  sessionCookie,
  sessionToken,
} from "./request-auth";

function request(
  method: string,
  headers: Record<string, string> = {},
  socket: { encrypted?: boolean } = {},
): IncomingMessage {
  return {
    method,
    headers: { host: "wharf.example:3000", ...headers },
    socket,
  } as unknown as IncomingMessage;
}

function forbidden(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("assertCsrf", () => {
  it.each(["GET", "HEAD", "OPTIONS"])("lets %s through without the header", (method) => {
    expect(() => assertCsrf(request(method, { origin: "https://evil.example" }))).not.toThrow();
  });

  it("refuses a POST without the header", () => {
    const err = forbidden(() => assertCsrf(request("POST")));

    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain(CSRF_HEADER);
  });

  it("refuses a header value other than 1", () => {
    expect(forbidden(() => assertCsrf(request("DELETE", { [CSRF_HEADER]: "true" }))).code).toBe("FORBIDDEN");
  });

  it("refuses a foreign Origin even with the header", () => {
    const req = request("POST", { origin: "https://evil.example", [CSRF_HEADER]: "1" });

    const err = forbidden(() => assertCsrf(req));

    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/Origin/);
  });

  it("refuses the same host under another scheme", () => {
    const req = request("POST", { origin: "https://wharf.example:3000", [CSRF_HEADER]: "1" });

    expect(forbidden(() => assertCsrf(req)).code).toBe("FORBIDDEN");
  });

  it("lets a same-origin POST with the header through", () => {
    const req = request("POST", { origin: "http://wharf.example:3000", [CSRF_HEADER]: "1" });

    expect(() => assertCsrf(req)).not.toThrow();
  });

  it("lets a POST with the header and no Origin through", () => {
    expect(() => assertCsrf(request("PATCH", { [CSRF_HEADER]: "1" }))).not.toThrow();
  });

  it("accepts an https origin behind a TLS-terminating proxy", () => {
    const req = request("POST", {
      origin: "https://wharf.example:3000",
      "x-forwarded-proto": "https",
      [CSRF_HEADER]: "1",
    });

    expect(() => assertCsrf(req)).not.toThrow();
  });
});

describe("origin helpers", () => {
  it("sees a TLS socket or a forwarded https as secure", () => {
    expect(isSecureRequest(request("GET", {}, { encrypted: true }))).toBe(true);
    expect(isSecureRequest(request("GET", { "x-forwarded-proto": "https" }))).toBe(true);
    expect(isSecureRequest(request("GET"))).toBe(false);
  });

  it("builds its own origin from the Host header", () => {
    expect(ownOrigin(request("GET", {}, { encrypted: true }))).toBe("https://wharf.example:3000");
    expect(
      ownOrigin({ method: "GET", headers: {}, socket: {} } as unknown as IncomingMessage),
    ).toBeUndefined();
  });

  it("refuses any Origin when there is no Host header", () => {
    const req = { method: "POST", headers: { origin: "http://x" }, socket: {} } as unknown as IncomingMessage;

    expect(originAllowed(req)).toBe(false);
  });
});

describe("sessionToken", () => {
  it("reads the session cookie", () => {
    expect(sessionToken(request("GET", { cookie: "theme=dark; wharf_session=tok123" }))).toBe("tok123");
    expect(sessionToken(request("GET", { cookie: "theme=dark" }))).toBeUndefined();
  });
});

describe("sessionCookie", () => {
  it("sets HttpOnly, SameSite=Lax, Path and Max-Age, without Secure by default", () => {
    const cookie = sessionCookie("tok123", 3600.7, false);

    expect(cookie.split("; ")).toEqual([
      "wharf_session=tok123",
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      "Max-Age=3600",
    ]);
  });

  it("adds Secure when asked", () => {
    expect(sessionCookie("tok123", 60, true).split("; ")).toContain("Secure");
  });

  it("clamps a negative max age to 0 to clear the cookie", () => {
    expect(sessionCookie("", -5, false)).toContain("Max-Age=0");
  });
});
