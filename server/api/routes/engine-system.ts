import { AppError } from "../../../lib/errors";
import { scopeAllowsLabels } from "../../../lib/permissions";
import { eventsQuerySchema, prunePreviewQuerySchema, systemPruneSchema } from "../../../lib/system";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { eventLabels } from "../../engines/engine-events";
import { diskUsage, prunePreview, systemInfo, systemPrune } from "../../engines/system";
import { queryEvents } from "../../engines/system-events-query";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { hostFor, principalOf } from "../scope";

/** Host-wide views and actions are not for principals limited to a label: they would show or touch others' things. */
function requireWholeHost(p: Principal, what: string): void {
  if (p.scope.labelSelector) {
    throw new AppError(
      "FORBIDDEN",
      `${what} covers the whole host; your access is limited to ${p.scope.labelSelector}`,
    );
  }
}

export function registerEngineSystemRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/system",
    access: "read",
    summary:
      "Engine info: versions, OS, kernel, CPUs, memory, cgroup and storage drivers, counts, security options, warnings",
    handler: async (rc) => systemInfo(hostFor(ctx, rc)),
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/df",
    access: "read",
    summary:
      "Disk usage by images, containers, volumes and build cache: totals, reclaimable, counts and lists",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      requireWholeHost(principalOf(rc), "disk usage");
      return diskUsage(host);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/prune/preview",
    access: "admin",
    summary:
      "Exactly what a prune with the same choices would remove, with sizes (images, volumes, buildCache, label)",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      requireWholeHost(principalOf(rc), "a prune preview");
      const q = parseWith(prunePreviewQuerySchema, queryObject(rc.query), "query.");
      return prunePreview(host, {
        images: q.images,
        volumes: q.volumes ?? false,
        buildCache: q.buildCache ?? true,
        ...(q.label ? { filters: { label: q.label } } : {}),
      });
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/prune",
    access: "admin",
    audit: "system.prune",
    summary:
      "Prune stopped containers, unused networks, images, optionally volumes and build cache; a result per kind",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      requireWholeHost(principalOf(rc), "a system prune");
      const body = parseWith(systemPruneSchema, await rc.body());
      const result = await systemPrune(host, body);
      rc.audit.params = { ...body, result };
      return result;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/events",
    access: "read",
    summary: "The host's recent engine events (since, until in unix seconds; limit; type)",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const q = parseWith(eventsQuerySchema, queryObject(rc.query), "query.");
      const p = principalOf(rc);
      const list = await queryEvents(host, q);
      if (!p.scope.labelSelector) return list;
      // Only container events carry labels; a label-scoped principal sees its own containers' events.
      const items = list.items.filter(
        (e) => e.type === "container" && scopeAllowsLabels(p.scope, eventLabels(e.attributes)),
      );
      return { ...list, items };
    },
  });
}
