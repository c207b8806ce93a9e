import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import type { Permission, Role } from "../../lib/permissions";
import { parseScopeColumn, requireHostInScope, requirePermission, type Principal } from "./principal";

function principal(role: Role, scope: Principal["scope"] = { hosts: "*" }): Principal {
  return { kind: "user", id: 1, name: "alice", role, scope };
}

function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("requirePermission", () => {
  it.each<[Role, Permission]>([
    ["viewer", "read"],
    ["operator", "read"],
    ["operator", "operate"],
    ["admin", "read"],
    ["admin", "operate"],
    ["admin", "admin"],
  ])("lets a %s do what needs %s", (role, permission) => {
    expect(() => requirePermission(principal(role), permission)).not.toThrow();
  });

  it.each<[Role, Permission]>([
    ["viewer", "operate"],
    ["viewer", "admin"],
    ["operator", "admin"],
  ])("refuses a %s what needs %s with FORBIDDEN naming the role", (role, permission) => {
    const err = thrown(() => requirePermission(principal(role), permission));

    expect(err.code).toBe("FORBIDDEN");
    expect(err.status).toBe(403);
    expect(err.message).toBe(`the ${role} role may not do this (needs ${permission})`);
  });

  it("judges a token by its own role", () => {
    const token: Principal = {
      kind: "token",
      id: 9,
      name: "token:ci",
      role: "viewer",
      scope: { hosts: "*" },
    };

    expect(thrown(() => requirePermission(token, "operate")).code).toBe("FORBIDDEN");
  });
});

describe("requireHostInScope", () => {
  it("lets a principal with every host reach any host", () => {
    expect(() => requireHostInScope(principal("viewer"), "anything")).not.toThrow();
  });

  it("lets a principal reach a listed host", () => {
    expect(() =>
      requireHostInScope(principal("viewer", { hosts: ["edge", "local"] }), "local"),
    ).not.toThrow();
  });

  it("answers an out-of-scope host exactly like an unknown one", () => {
    const err = thrown(() => requireHostInScope(principal("admin", { hosts: ["edge"] }), "secret-host"));

    expect(err.code).toBe("NOT_FOUND");
    expect(err.message).toBe('unknown host "secret-host"');
    expect(err.details).toEqual({ hostId: "secret-host" });
  });

  it("refuses every host to a principal with an empty host list", () => {
    expect(thrown(() => requireHostInScope(principal("viewer", { hosts: [] }), "local")).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("parseScopeColumn", () => {
  it('reads "*" as every host', () => {
    expect(parseScopeColumn('"*"', null)).toEqual({ hosts: "*" });
  });

  it("reads a JSON list of host ids", () => {
    expect(parseScopeColumn('["edge","local"]', null)).toEqual({ hosts: ["edge", "local"] });
  });

  it("adds the label selector when there is one", () => {
    expect(parseScopeColumn('"*"', "team=shop")).toEqual({ hosts: "*", labelSelector: "team=shop" });
  });

  it("leaves out an empty label selector", () => {
    expect(parseScopeColumn('["edge"]', "")).toEqual({ hosts: ["edge"] });
  });

  it.each(["not json", "", "[", "*"])("reads the bad JSON %j as no hosts", (hosts) => {
    expect(parseScopeColumn(hosts, null)).toEqual({ hosts: [] });
  });

  it.each(['"edge"', "42", "null", '{"hosts":"*"}'])(
    "reads the JSON %s, neither * nor a list, as no hosts",
    (hosts) => {
      expect(parseScopeColumn(hosts, null)).toEqual({ hosts: [] });
    },
  );

  it("drops list items that are not strings", () => {
    expect(parseScopeColumn('["edge", 1, null, {"id":"x"}, "local"]', null)).toEqual({
      hosts: ["edge", "local"],
    });
  });
});
