import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES, HTTP_STATUS, isErrorCode } from "./errors";

describe("HTTP_STATUS", () => {
  it("has an HTTP error status for every error code", () => {
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS[code], code).toBeLessThan(600);
    }
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe("AppError", () => {
  it.each([
    ["VALIDATION", 400],
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["RATE_LIMITED", 429],
    ["ENGINE_UNREACHABLE", 502],
    ["ENGINE_ERROR", 502],
    ["INTERNAL", 500],
  ] as const)("maps %s to status %i", (code, status) => {
    expect(new AppError(code, "x").status).toBe(status);
  });

  it("is an Error carrying its code and message", () => {
    const err = new AppError("NOT_FOUND", "no such container: web");

    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("AppError");
    expect(err.code).toBe("NOT_FOUND");
    expect(err.message).toBe("no such container: web");
  });

  it("leaves details out of the body when there are none", () => {
    const body = new AppError("CONFLICT", "already started").toBody();

    expect(body).toEqual({ code: "CONFLICT", message: "already started" });
    expect("details" in body).toBe(false);
  });

  it("includes details in the body when given", () => {
    const body = new AppError("ENGINE_ERROR", "boom", { hostId: "edge" }).toBody();

    expect(body).toEqual({ code: "ENGINE_ERROR", message: "boom", details: { hostId: "edge" } });
  });
});

describe("isErrorCode", () => {
  it("accepts known codes only", () => {
    expect(isErrorCode("FORBIDDEN")).toBe(true);
    expect(isErrorCode("forbidden")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
