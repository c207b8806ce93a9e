import type { RouteDef } from "./router";

/** Generated from the route table, so the document cannot drift from what the server answers. */
export function buildOpenApi(routes: readonly RouteDef[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const oaPath = r.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    (paths[oaPath] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      ...(params.length ? { parameters: params } : {}),
      security: r.access === "public" ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
      "x-wharf-access": r.access,
      "x-wharf-scope": r.scope,
      ...(r.audit ? { "x-wharf-audit": r.audit } : {}),
      responses: {
        [String(r.status ?? 200)]: { description: "OK" },
        default: { $ref: "#/components/responses/Error" },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Wharf API", version: "1" },
    paths,
    components: {
      securitySchemes: {
        cookieAuth: { type: "apiKey", in: "cookie", name: "wharf_session" },
        bearerAuth: { type: "http", scheme: "bearer", description: "an API token from POST /api/v1/tokens" },
      },
      responses: {
        Error: {
          description:
            "An error: VALIDATION 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, ENGINE_* 502",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  error: {
                    type: "object",
                    required: ["code", "message"],
                    properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
