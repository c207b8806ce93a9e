import { filterContainers, limitedList } from "../../../lib/container-filter";
import {
  bulkActionSchema,
  containerActionSchema,
  containerListQuerySchema,
  removeQuerySchema,
} from "../../../lib/schemas";
import type { BulkResult, ContainerList } from "../../../lib/types";
import type { AppContext } from "../../context";
import {
  inspectContainer,
  listContainers,
  removeContainer,
  runContainerAction,
} from "../../engines/containers";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { toAppError } from "../../errors";
import { acrossHosts } from "../../scope/fan-out";
import { containerInScope, hostInScope, inScope } from "../../scope/targets";
import { containerOf, hostOf, principalOf } from "../targets";

export function registerContainerRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/containers",
    access: "read",
    scope: "fleet",
    summary:
      "Containers of every host in scope, running and stopped; unreachable hosts are listed in errors; limit=N answers the first N with total and running counts",
    handler: async (rc) => {
      const p = principalOf(rc);
      const filter = parseWith(containerListQuerySchema, queryObject(rc.query), "query.");
      const { items, errors } = await acrossHosts(ctx, p, filter.host, async (host) =>
        (await listContainers(host)).filter((c) => inScope(p, c)),
      );
      return {
        ...limitedList(filterContainers(items, filter), filter.limit),
        errors,
      } satisfies ContainerList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers",
    access: "read",
    scope: "host",
    summary: "One host's containers in scope, running and stopped",
    handler: async (rc) => {
      const p = principalOf(rc);
      const host = hostOf(rc);
      const filter = parseWith(containerListQuerySchema, queryObject(rc.query), "query.");
      const all = await listContainers(host);
      const items = p.scope.labelSelector ? all.filter((c) => inScope(p, c)) : all;
      // Skip the copy and sort when no filter was asked for: this is the hot path of every list view.
      return rc.query.size === 0 ? { items } : limitedList(filterContainers(items, filter), filter.limit);
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "read",
    scope: "container",
    summary: "The engine's inspect document plus Wharf's derived fields",
    handler: async (rc) => inspectContainer(hostOf(rc), containerOf(rc)),
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers/:id/:action",
    access: "operate",
    scope: "container",
    audit: "container.:action",
    summary: "Lifecycle action: start, stop, restart, kill, pause or unpause",
    handler: async (rc) => {
      const action = parseWith(containerActionSchema, rc.params.action, "action: ");
      await runContainerAction(hostOf(rc), containerOf(rc), action);
      return { ok: true, action };
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "operate",
    scope: "container",
    audit: "container.remove",
    summary: "Remove a container (force, volumes)",
    handler: async (rc) => {
      const opts = parseWith(removeQuerySchema, queryObject(rc.query), "query.");
      await removeContainer(hostOf(rc), containerOf(rc), opts);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/containers/bulk",
    access: "operate",
    scope: "fleet",
    audit: "container.bulk",
    summary: "Run one action on many containers; answers a result per container",
    handler: async (rc) => {
      const p = principalOf(rc);
      const req = parseWith(bulkActionSchema, await rc.body());
      rc.audit.action = `container.bulk.${req.action}`;
      const items: BulkResult[] = await Promise.all(
        req.targets.map(async ({ hostId, id }): Promise<BulkResult> => {
          try {
            const host = hostInScope(ctx, p, hostId);
            const fullId = await containerInScope(host, id, p);
            if (req.action === "remove") {
              await removeContainer(host, fullId, {
                force: req.force ?? false,
                volumes: req.volumes ?? false,
              });
            } else {
              await runContainerAction(host, fullId, req.action);
            }
            return { hostId, id, ok: true };
          } catch (err) {
            const e = toAppError(err, { hostId, log: "[api] container.bulk" });
            return { hostId, id, ok: false, error: { code: e.code, message: e.message } };
          }
        }),
      );
      rc.audit.params = { action: req.action, force: req.force, volumes: req.volumes, results: items };
      return { items };
    },
  });
}
