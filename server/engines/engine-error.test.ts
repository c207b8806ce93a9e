import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { engineMessage, classifyEngineError } from "./engine-error";

/** Builds an error the way docker-modem does for a non-2xx engine reply. */
function modemError(statusCode: number, reason: string | undefined, json: unknown): Error {
  const cause =
    json && typeof json === "object" && "message" in json
      ? (json as { message: string }).message
      : String(json);
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason ?? "unexpected"} - ${cause} `), {
    statusCode,
    reason,
    json,
  });
}

function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("engineMessage", () => {
  it("prefers the engine's JSON message", () => {
    const err = modemError(404, "no such container", { message: "No such container: web" });

    expect(engineMessage(err)).toBe("No such container: web");
  });

  it("uses a plain-text JSON body, trimmed", () => {
    const err = Object.assign(new Error("(HTTP code 500) server error - x"), {
      statusCode: 500,
      json: "  page not found\n",
    });

    expect(engineMessage(err)).toBe("page not found");
  });

  it('strips the "(HTTP code 409) unexpected - " prefix from the text', () => {
    const err = Object.assign(new Error("(HTTP code 409) unexpected - container is paused "), {
      statusCode: 409,
    });

    expect(engineMessage(err)).toBe("container is paused");
  });

  it("falls back to the reason when the text is only a prefix", () => {
    const err = Object.assign(new Error("(HTTP code 304) container already started - "), {
      statusCode: 304,
      reason: "container already started",
    });

    expect(engineMessage(err)).toBe("container already started");
  });

  it("returns an ordinary message unchanged", () => {
    expect(engineMessage(new Error("connect ECONNREFUSED /var/run/docker.sock"))).toBe(
      "connect ECONNREFUSED /var/run/docker.sock",
    );
  });
});

describe("classifyEngineError", () => {
  it("reads an ambiguous id prefix as the caller's mistake, with the engine's words, whatever status the engine gave", () => {
    for (const status of [500, 400]) {
      const e = classifyEngineError(
        modemError(status, "server error", { message: "Multiple IDs found with provided prefix: 2" }),
        "h1",
      );
      expect(e.code).toBe("VALIDATION");
      expect(e.message).toBe("Multiple IDs found with provided prefix: 2");
    }
  });

  it("maps 304 to CONFLICT with the modem's reason", () => {
    const err = classifyEngineError(modemError(304, "container already started", null), "local");

    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe("container already started");
    expect(err.details).toEqual({ hostId: "local" });
  });

  it("gives 304 a generic message when there is no reason", () => {
    const err = classifyEngineError(modemError(304, undefined, null), "local");

    expect(err).toMatchObject({ code: "CONFLICT", message: "container is already in that state" });
  });

  it.each([
    [404, "NOT_FOUND", "No such container: 0123abcd"],
    [409, "CONFLICT", "Container 0123abcd is not running"],
    [400, "VALIDATION", "invalid reference format"],
  ] as const)("maps %i to %s with exactly the engine message", (status, code, message) => {
    const err = classifyEngineError(modemError(status, "unexpected", { message }), "edge");

    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expect(err.details).toEqual({ hostId: "edge" });
  });

  it("maps other statuses to ENGINE_ERROR and records the engine status", () => {
    const message = "error while creating mount source path '/srv/x': mkdir /srv/x: read-only file system";

    const err = classifyEngineError(modemError(500, "server error", { message }), "edge");

    expect(err.code).toBe("ENGINE_ERROR");
    expect(err.message).toBe(message);
    expect(err.details).toEqual({ hostId: "edge", engineStatus: 500 });
  });

  it.each(["ECONNREFUSED", "ENOENT", "ETIMEDOUT", "ECONNRESET"])("maps %s to ENGINE_UNREACHABLE", (code) => {
    const err = classifyEngineError(systemError(code, `connect ${code} /var/run/docker.sock`), "local");

    expect(err.code).toBe("ENGINE_UNREACHABLE");
    expect(err.message).toBe(`host local is unreachable: connect ${code} /var/run/docker.sock`);
    expect(err.status).toBe(502);
  });

  it("maps an AbortError to ENGINE_UNREACHABLE", () => {
    const abort = new Error("The operation was aborted");
    abort.name = "AbortError";

    expect(classifyEngineError(abort, "edge").code).toBe("ENGINE_UNREACHABLE");
  });

  it("maps the reason of an aborted AbortSignal to ENGINE_UNREACHABLE", () => {
    const controller = new AbortController();
    controller.abort();

    expect(classifyEngineError(controller.signal.reason, "edge").code).toBe("ENGINE_UNREACHABLE");
  });

  it("maps a socket hang up to ENGINE_UNREACHABLE", () => {
    expect(classifyEngineError(new Error("socket hang up"), "edge").code).toBe("ENGINE_UNREACHABLE");
  });

  it("maps other errors without a status to ENGINE_ERROR naming the host", () => {
    const err = classifyEngineError(new Error("unexpected end of JSON input"), "edge");

    expect(err).toMatchObject({ code: "ENGINE_ERROR", message: "host edge: unexpected end of JSON input" });
  });

  it("wraps a thrown non-Error value", () => {
    expect(classifyEngineError("boom", "edge").message).toBe("host edge: boom");
  });

  it("passes an AppError through untouched", () => {
    const original = new AppError("FORBIDDEN", "nope");

    expect(classifyEngineError(original, "edge")).toBe(original);
  });
});
