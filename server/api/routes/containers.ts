import { filterContainers } from "../../../lib/container-filter";
import { AppError } from "../../../lib/errors";
import {
  bulkActionSchema,
  containerActionSchema,
  containerListQuerySchema,
  containerRefSchema,
  removeQuerySchema,
} from "../../../lib/schemas";
import type { BulkResult, ContainerList, ContainerSummary, HostListError } from "../../../lib/types";
import type { AppContext } from "../../context";
import {
  inspectContainer,
  listContainers,
  removeContainer,
  runContainerAction,
} from "../../engines/containers";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { hostParam } from "./hosts";

const refParam = (params: Record<string, string>) => parseWith(containerRefSchema, params.id, "id: ");

export function registerContainerRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/containers",
    access: "session",
    summary: "Containers of every host, running and stopped; unreachable hosts are listed in errors",
    handler: async ({ query }) => {
      const filter = parseWith(containerListQuerySchema, queryObject(query), "query.");
      const hosts = ctx.hosts.ids().filter((id) => !filter.host?.length || filter.host.includes(id));
      const results = await Promise.allSettled(hosts.map((id) => listContainers(ctx.hosts.get(id))));
      const items: ContainerSummary[] = [];
      const errors: HostListError[] = [];
      results.forEach((r, i) => {
        if (r.status === "fulfilled") items.push(...r.value);
        else {
          const e = r.reason instanceof AppError ? r.reason : new AppError("INTERNAL", String(r.reason));
          errors.push({ hostId: hosts[i] as string, code: e.code, message: e.message });
        }
      });
      return { items: filterContainers(items, filter), errors } satisfies ContainerList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers",
    access: "session",
    summary: "One host's containers, running and stopped",
    handler: async ({ params, query }) => {
      const host = hostParam(ctx, params);
      const filter = parseWith(containerListQuerySchema, queryObject(query), "query.");
      const items = await listContainers(host);
      // Skip the copy and sort when no filter was asked for: this is the hot path of every list view.
      return { items: query.size === 0 ? items : filterContainers(items, filter) };
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "session",
    summary: "The engine's inspect document plus Wharf's derived fields",
    handler: async ({ params }) => inspectContainer(hostParam(ctx, params), refParam(params)),
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers/:id/:action",
    access: "session",
    summary: "Lifecycle action: start, stop, restart, kill, pause or unpause",
    handler: async ({ params }) => {
      const host = hostParam(ctx, params);
      const ref = refParam(params);
      const action = parseWith(containerActionSchema, params.action, "action: ");
      await runContainerAction(host, ref, action);
      return { ok: true, action };
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/containers/:id",
    access: "session",
    summary: "Remove a container (force, volumes)",
    handler: async ({ params, query }) => {
      const host = hostParam(ctx, params);
      const opts = parseWith(removeQuerySchema, queryObject(query), "query.");
      await removeContainer(host, refParam(params), opts);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/containers/bulk",
    access: "session",
    summary: "Run one action on many containers; answers a result per container",
    handler: async ({ body }) => {
      const req = parseWith(bulkActionSchema, await body());
      const items: BulkResult[] = await Promise.all(
        req.targets.map(async ({ hostId, id }): Promise<BulkResult> => {
          try {
            const host = ctx.hosts.get(hostId);
            if (req.action === "remove") {
              await removeContainer(host, id, { force: req.force ?? false, volumes: req.volumes ?? false });
            } else {
              await runContainerAction(host, id, req.action);
            }
            return { hostId, id, ok: true };
          } catch (err) {
            const e = err instanceof AppError ? err : new AppError("INTERNAL", String(err));
            return { hostId, id, ok: false, error: { code: e.code, message: e.message } };
          }
        }),
      );
      return { items };
    },
  });
}
