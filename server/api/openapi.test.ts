import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/sessions";
import { buildOpenApi } from "./openapi";
import type { Handler, RouteDef } from "./router";

const handler: Handler = () => ({});

const routes: RouteDef[] = [
  { method: "GET", path: "/api/v1/health", access: "public", scope: "public", summary: "Health", handler },
  {
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "read",
    scope: "container",
    summary: "Inspect",
    handler,
  },
  {
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "operate",
    scope: "container",
    audit: "container.remove",
    summary: "Remove",
    handler,
    status: 204,
  },
];

type Operation = {
  summary: string;
  parameters?: { name: string; in: string; required: boolean }[];
  security: unknown[];
  responses: Record<string, unknown>;
};

function paths(doc: Record<string, unknown>) {
  return doc.paths as Record<string, Record<string, Operation>>;
}

describe("buildOpenApi", () => {
  it("writes :params as {params}", () => {
    expect(Object.keys(paths(buildOpenApi(routes)))).toEqual([
      "/api/v1/health",
      "/api/v1/hosts/{hostId}/containers/{id}",
    ]);
  });

  it("declares each path parameter as a required string", () => {
    const op = paths(buildOpenApi(routes))["/api/v1/hosts/{hostId}/containers/{id}"]?.get;

    expect(op?.parameters).toEqual([
      { name: "hostId", in: "path", required: true, schema: { type: "string" } },
      { name: "id", in: "path", required: true, schema: { type: "string" } },
    ]);
  });

  it("omits parameters for a path without any", () => {
    expect(paths(buildOpenApi(routes))["/api/v1/health"]?.get).not.toHaveProperty("parameters");
  });

  it("requires the session cookie or a bearer token except on public routes", () => {
    const p = paths(buildOpenApi(routes));

    expect(p["/api/v1/health"]?.get?.security).toEqual([]);
    expect(p["/api/v1/hosts/{hostId}/containers/{id}"]?.get?.security).toEqual([
      { cookieAuth: [] },
      { bearerAuth: [] },
    ]);
  });

  it("names each route's access, scope and the audit action of a state-changing one", () => {
    const p = paths(buildOpenApi(routes));

    expect(p["/api/v1/health"]?.get).toMatchObject({ "x-wharf-access": "public", "x-wharf-scope": "public" });
    expect(p["/api/v1/health"]?.get).not.toHaveProperty("x-wharf-audit");
    expect(p["/api/v1/hosts/{hostId}/containers/{id}"]?.delete).toMatchObject({
      "x-wharf-access": "operate",
      "x-wharf-scope": "container",
      "x-wharf-audit": "container.remove",
    });
  });

  it("puts methods of one path under the same entry with their own status", () => {
    const entry = paths(buildOpenApi(routes))["/api/v1/hosts/{hostId}/containers/{id}"];

    expect(Object.keys(entry ?? {})).toEqual(["get", "delete"]);
    expect(Object.keys(entry?.get?.responses ?? {})).toEqual(["200", "default"]);
    expect(Object.keys(entry?.delete?.responses ?? {})).toEqual(["204", "default"]);
    expect(entry?.delete?.summary).toBe("Remove");
  });

  it("declares the cookie scheme under the session cookie's name, and the bearer scheme", () => {
    const doc = buildOpenApi(routes);

    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components).toMatchObject({
      securitySchemes: {
        cookieAuth: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
        bearerAuth: { type: "http", scheme: "bearer" },
      },
    });
  });
});
