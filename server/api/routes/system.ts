import type { AppContext } from "../../context";
import { buildOpenApi } from "../openapi";
import type { Router } from "../router";

export function registerSystemRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/health",
    access: "public",
    scope: "public",
    summary: "Liveness: answers while the process serves requests",
    // Public, so it reveals nothing about hosts or users.
    handler: () => ({ status: "ok", uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000) }),
  });
  router.add({
    method: "GET",
    path: "/api/v1/openapi.json",
    access: "read",
    scope: "fleet",
    summary: "This API as an OpenAPI 3.1 document",
    handler: () => buildOpenApi(router.all()),
  });
}
