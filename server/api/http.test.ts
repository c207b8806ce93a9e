import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { parseCookies, parseWith, queryObject, validationError } from "./http";

describe("parseCookies", () => {
  it("returns an empty object without a header", () => {
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies("")).toEqual({});
  });

  it("splits pairs and trims whitespace", () => {
    expect(parseCookies("wharf_session=abc; theme=dark ;  x = 1")).toEqual({
      wharf_session: "abc",
      theme: "dark",
      x: "1",
    });
  });

  it("keeps the first of duplicate names", () => {
    expect(parseCookies("wharf_session=first; wharf_session=second")).toEqual({ wharf_session: "first" });
  });

  it("percent-decodes values", () => {
    expect(parseCookies("note=a%20b%3Bc")).toEqual({ note: "a b;c" });
  });

  it("keeps a badly encoded value as written", () => {
    expect(parseCookies("bad=%E0%A4%A; good=ok")).toEqual({ bad: "%E0%A4%A", good: "ok" });
  });

  it("keeps '=' inside a value", () => {
    expect(parseCookies("t=abc==")).toEqual({ t: "abc==" });
  });

  it("skips parts without '=' or without a name", () => {
    expect(parseCookies("flag; =orphan; a=1")).toEqual({ a: "1" });
  });
});

describe("queryObject", () => {
  it("keeps single values as strings and repeated ones as arrays", () => {
    const params = new URLSearchParams("state=running&state=exited&name=web&label=a%3Db");

    expect(queryObject(params)).toEqual({ state: ["running", "exited"], name: "web", label: "a=b" });
  });

  it("returns an empty object for no params", () => {
    expect(queryObject(new URLSearchParams())).toEqual({});
  });
});

describe("validationError", () => {
  const schema = z.object({ targets: z.array(z.object({ id: z.string().min(1, "must not be empty") })) });

  it("names the first failing field path in the message", () => {
    const result = schema.safeParse({ targets: [{ id: "a" }, { id: "" }] });

    const err = validationError(result.error!);

    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("VALIDATION");
    expect(err.message).toBe("targets.1.id: must not be empty");
  });

  it("lists every issue in details with the prefix applied", () => {
    const result = schema.safeParse({ targets: [{ id: "" }, { id: "" }] });

    const err = validationError(result.error!, "body.");

    expect(err.message).toBe("body.targets.0.id: must not be empty");
    expect(err.details).toEqual({
      issues: [
        { field: "body.targets.0.id", message: "must not be empty" },
        { field: "body.targets.1.id", message: "must not be empty" },
      ],
    });
  });

  it("names the root when the issue has no path", () => {
    const result = z.string().min(3, "too short").safeParse("x");

    expect(validationError(result.error!).message).toBe("(root): too short");
  });

  it("names a scalar checked on its own by its prefix alone", () => {
    const result = z.string().min(3, "too short").safeParse("x");
    expect(validationError(result.error!, "service: ").message).toBe("service: too short");
    expect(validationError(result.error!, "query.").message).toBe("query: too short");
  });
});

describe("parseWith", () => {
  it("returns the parsed value", () => {
    expect(parseWith(z.object({ n: z.coerce.number() }), { n: "3" })).toEqual({ n: 3 });
  });

  it("throws a VALIDATION AppError naming the field", () => {
    expect(() => parseWith(z.object({ n: z.number() }), { n: "x" }, "query.")).toThrow(/^query\.n: /);
  });
});
