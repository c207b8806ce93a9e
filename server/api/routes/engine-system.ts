import { scopeAllowsLabels } from "../../../lib/permissions";
import { eventsQuerySchema, prunePreviewQuerySchema, systemPruneSchema } from "../../../lib/system";
import type { AppContext } from "../../context";
import { eventLabels } from "../../engines/engine-events";
import { diskUsage, prunePreview, systemInfo, systemPrune } from "../../engines/system";
import { queryEvents } from "../../engines/system-events-query";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { hostOf, principalOf } from "../targets";

export function registerEngineSystemRoutes(router: Router, _ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/system",
    access: "read",
    scope: "host",
    summary:
      "Engine info: versions, OS, kernel, CPUs, memory, cgroup and storage drivers, counts, security options, warnings",
    handler: async (rc) => systemInfo(hostOf(rc)),
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/df",
    access: "read",
    scope: "whole-host",
    summary:
      "Disk usage by images, containers, volumes and build cache: totals, reclaimable, counts and lists",
    handler: async (rc) => diskUsage(hostOf(rc)),
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/prune/preview",
    access: "admin",
    scope: "whole-host",
    summary:
      "Exactly what a prune with the same choices would remove, with sizes (images, volumes, buildCache, label)",
    handler: async (rc) => {
      const host = hostOf(rc);
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
    scope: "whole-host",
    audit: "system.prune",
    summary:
      "Prune stopped containers, unused networks, images, optionally volumes and build cache; a result per kind",
    handler: async (rc) => {
      const host = hostOf(rc);
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
    scope: "host",
    summary: "The host's recent engine events (since, until in unix seconds; limit; type)",
    handler: async (rc) => {
      const host = hostOf(rc);
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
