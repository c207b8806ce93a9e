import { describe, expect, it } from "vitest";
import { Router, type Handler, type HttpMethod, type RouteDef } from "./router";

const handler: Handler = () => ({});

/** A route as the API declares it: state-changing methods name their audit action. */
function route(method: HttpMethod, path: string): RouteDef {
  return {
    method,
    path,
    access: method === "GET" ? "read" : "operate",
    scope: path.includes("/:hostId") ? "host" : "fleet",
    summary: `${method} ${path}`,
    handler,
    ...(method === "GET" ? {} : { audit: `test.${method.toLowerCase()}` }),
  };
}

function buildRouter() {
  return new Router()
    .add(route("GET", "/api/v1/containers"))
    .add(route("POST", "/api/v1/containers/bulk"))
    .add(route("GET", "/api/v1/hosts/:hostId/containers"))
    .add(route("GET", "/api/v1/hosts/:hostId/containers/:id"))
    .add(route("DELETE", "/api/v1/hosts/:hostId/containers/:id"))
    .add(route("POST", "/api/v1/hosts/:hostId/containers/:id/:action"));
}

describe("Router", () => {
  it("matches a literal path without params", () => {
    const m = buildRouter().match("GET", "/api/v1/containers");

    expect(m).toMatchObject({ kind: "found", route: { path: "/api/v1/containers" }, params: {} });
  });

  it("extracts named params", () => {
    const m = buildRouter().match("POST", "/api/v1/hosts/edge/containers/web/restart");

    expect(m.kind).toBe("found");
    expect(m.kind === "found" && m.params).toEqual({ hostId: "edge", id: "web", action: "restart" });
  });

  it("prefers a literal segment over a parameter, whatever the order of the table", () => {
    const r = buildRouter().add(route("POST", "/api/v1/hosts/:hostId/containers/:id/recreate"));

    const m = r.match("POST", "/api/v1/hosts/edge/containers/web/recreate");
    const other = r.match("POST", "/api/v1/hosts/edge/containers/web/restart");

    expect(m.kind === "found" && m.route.path).toBe("/api/v1/hosts/:hostId/containers/:id/recreate");
    expect(other.kind === "found" && other.route.path).toBe("/api/v1/hosts/:hostId/containers/:id/:action");
  });

  it("picks the route for the requested method on a shared path", () => {
    const m = buildRouter().match("DELETE", "/api/v1/hosts/edge/containers/web");

    expect(m.kind === "found" && m.route.method).toBe("DELETE");
  });

  it("percent-decodes params", () => {
    const m = buildRouter().match("GET", "/api/v1/hosts/edge/containers/%2Fmy%20app");

    expect(m.kind === "found" && m.params.id).toBe("/my app");
  });

  it("does not match a param whose encoding is broken", () => {
    expect(buildRouter().match("GET", "/api/v1/hosts/edge/containers/%E0%A4%A").kind).toBe("not-found");
  });

  it("ignores a trailing slash and repeated slashes", () => {
    expect(buildRouter().match("GET", "/api/v1/containers/").kind).toBe("found");
    expect(buildRouter().match("GET", "//api/v1//containers").kind).toBe("found");
  });

  it("lists every allowed method when the path exists under other methods", () => {
    const m = buildRouter().match("PUT", "/api/v1/hosts/edge/containers/web");

    expect(m).toEqual({ kind: "method-not-allowed", allowed: ["GET", "DELETE"] });
  });

  it("reports method-not-allowed for a literal path", () => {
    expect(buildRouter().match("GET", "/api/v1/containers/bulk")).toEqual({
      kind: "method-not-allowed",
      allowed: ["POST"],
    });
  });

  it("reports not-found for an unknown path", () => {
    expect(buildRouter().match("GET", "/api/v1/nope")).toEqual({ kind: "not-found" });
  });

  it("requires every literal segment to match", () => {
    expect(buildRouter().match("GET", "/api/v2/hosts/edge/containers").kind).toBe("not-found");
  });

  it("requires the same number of segments", () => {
    expect(buildRouter().match("GET", "/api/v1/hosts/edge").kind).toBe("not-found");
    expect(buildRouter().match("POST", "/api/v1/hosts/edge/containers/web/restart/now").kind).toBe(
      "not-found",
    );
  });

  it("prefers the route added first when a literal and a param both match", () => {
    const router = new Router().add(route("GET", "/things/new")).add(route("GET", "/things/:id"));

    const literal = router.match("GET", "/things/new");
    const param = router.match("GET", "/things/42");

    expect(literal).toMatchObject({ kind: "found", route: { path: "/things/new" }, params: {} });
    expect(param).toMatchObject({ kind: "found", route: { path: "/things/:id" }, params: { id: "42" } });
  });

  it("lists the added routes in order", () => {
    expect(
      buildRouter()
        .all()
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([
      "GET /api/v1/containers",
      "POST /api/v1/containers/bulk",
      "GET /api/v1/hosts/:hostId/containers",
      "GET /api/v1/hosts/:hostId/containers/:id",
      "DELETE /api/v1/hosts/:hostId/containers/:id",
      "POST /api/v1/hosts/:hostId/containers/:id/:action",
    ]);
  });

  it.each(["POST", "PATCH", "PUT", "DELETE"] as const)(
    "refuses a %s route that names no audit action",
    (method) => {
      const { audit: _audit, ...def } = route(method, "/api/v1/things");

      expect(() => new Router().add(def)).toThrow(
        `route ${method} /api/v1/things changes state but names no audit action`,
      );
    },
  );

  it("accepts a state-changing route that opts out of auditing with false", () => {
    const router = new Router().add({ ...route("POST", "/api/v1/auth/logout"), audit: false });

    expect(router.match("POST", "/api/v1/auth/logout")).toMatchObject({
      kind: "found",
      route: { audit: false },
    });
  });

  it("accepts a GET route without an audit action", () => {
    const { audit: _audit, ...def } = route("GET", "/api/v1/things");

    expect(new Router().add(def).match("GET", "/api/v1/things").kind).toBe("found");
  });

  it("keeps the audit action of a route it matched", () => {
    const m = buildRouter().match("DELETE", "/api/v1/hosts/edge/containers/web");

    expect(m.kind === "found" && m.route.audit).toBe("test.delete");
  });

  it("refuses a route that declares no scope", () => {
    const { scope: _scope, ...def } = route("GET", "/api/v1/things");

    expect(() => new Router().add(def as RouteDef)).toThrow(
      "route GET /api/v1/things declares no scope of public, self, fleet",
    );
  });

  it.each(["host", "container", "image:remove", "volume", "network", "whole-host"] as const)(
    "refuses scope %s on a path without :hostId",
    (scope) => {
      expect(() => new Router().add({ ...route("GET", "/api/v1/things/:id"), scope })).toThrow(
        `declares scope ${scope} but its path names no :hostId`,
      );
    },
  );

  it.each(["fleet", "principals", "self"] as const)(
    "refuses scope %s on a path that names a host, since it would check none",
    (scope) => {
      expect(() =>
        new Router().add({ ...route("GET", "/api/v1/hosts/:hostId/things"), access: "self", scope }),
      ).toThrow(/names a :hostId but declares scope/);
    },
  );

  it("pairs public access with public scope, both ways", () => {
    expect(() => new Router().add({ ...route("GET", "/api/v1/health"), access: "public" })).toThrow(
      'access "public" and scope "public" go together',
    );
    expect(() => new Router().add({ ...route("GET", "/api/v1/health"), scope: "public" })).toThrow(
      'access "public" and scope "public" go together',
    );
  });
});
