import { hostIdSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import { hostInfo } from "../../engines/containers";
import { parseWith } from "../http";
import type { Router } from "../router";

export function hostParam(ctx: AppContext, params: Record<string, string>) {
  return ctx.hosts.get(parseWith(hostIdSchema, params.hostId, "hostId: "));
}

export function registerHostRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts",
    access: "session",
    summary: "Every configured host with its health",
    handler: async () => ({ items: ctx.hosts.list() }),
  });
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId",
    access: "session",
    summary: "One host with its health",
    handler: async ({ params }) => hostParam(ctx, params).summary(),
  });
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/info",
    access: "session",
    summary: "Engine info: CPUs, memory, OS, cgroup version, counts",
    handler: async ({ params }) => hostInfo(hostParam(ctx, params)),
  });
}
