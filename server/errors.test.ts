import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../lib/errors";
import { ifFound, toAppError } from "./errors";

afterEach(() => vi.restoreAllMocks());

const engineError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), {
    statusCode,
    json: { message },
  });

describe("toAppError: the one way an unknown error becomes an AppError", () => {
  it("keeps an AppError as it is, and logs nothing", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = new AppError("CONFLICT", "busy");
    expect(toAppError(e, { hostId: "h" })).toBe(e);
    expect(log).not.toHaveBeenCalled();
  });

  it("classifies an engine's failure on a named host with the engine's own words", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toAppError(engineError(404, "No such container: web"), { hostId: "edge" })).toMatchObject({
      code: "NOT_FOUND",
      message: "No such container: web",
    });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(toAppError(refused, { hostId: "edge" }).code).toBe("ENGINE_UNREACHABLE");
    expect(log).not.toHaveBeenCalled();
  });

  it("treats anything else as a bug: INTERNAL, logged once with its stack under the caller's prefix", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("x is undefined");
    const first = toAppError(bug, { hostId: "edge", log: "[api] GET /x" });
    const again = toAppError(bug, { log: "[api] GET /x" });
    expect(first).toMatchObject({ code: "INTERNAL", message: "internal error; see the server log" });
    expect(again.code).toBe("INTERNAL");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith("[api] GET /x unexpected error:", bug);
    // Without a host, even an engine-shaped error is not guessed at.
    expect(toAppError(engineError(500, "boom")).code).toBe("INTERNAL");
    expect(toAppError("a string").code).toBe("INTERNAL");
    expect(log).toHaveBeenCalledTimes(3);
  });
});

describe("ifFound: a catch for the one expected case", () => {
  it("answers undefined for NOT_FOUND and rethrows everything else", async () => {
    expect(await ifFound(Promise.resolve(1))).toBe(1);
    expect(await ifFound(Promise.reject(new AppError("NOT_FOUND", "gone")))).toBeUndefined();
    await expect(ifFound(Promise.reject(new AppError("ENGINE_UNREACHABLE", "down")))).rejects.toThrow("down");
    await expect(ifFound(Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
  });
});
