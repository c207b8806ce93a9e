import { classifyEngineError } from "../../engines/engine-error";
import { AppError } from "../../../lib/errors";
import { parseWith } from "../../../lib/parse";
import { forceQuerySchema, nodeUpdateSchema, swarmRefSchema } from "../../../lib/swarm/schemas";
import type { AppContext } from "../../context";
import type { HostConnection } from "../../engines/host-connection";
import { inspectNode, listNodes, listServices, listTasks, removeNode, updateNode } from "../../swarm/engine";
import type { EngineTask } from "../../swarm/engine-types";
import { sortTasks, toNode, toTask } from "../../swarm/views";
import { queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { hostOf } from "../targets";

const BASE = "/api/v1/hosts/:hostId/swarm/nodes";

const nodeRef = (rc: RequestContext) => parseWith(swarmRefSchema, rc.params.id, "id: ");

/** Tasks named as `docker node ps` names them (service name and slot). */
async function namedTasks(host: HostConnection, tasks: EngineTask[]) {
  const services = await listServices(host).catch(() => []);
  const names = new Map(services.map((s) => [s.ID, s.Spec?.Name]));
  return sortTasks(tasks.map((t) => toTask(t, names.get(t.ServiceID ?? ""))));
}

const runningByNode = (tasks: EngineTask[]) => {
  const counts = new Map<string, number>();
  for (const t of tasks) if (t.NodeID) counts.set(t.NodeID, (counts.get(t.NodeID) ?? 0) + 1);
  return counts;
};

/** Nodes belong to the whole swarm: every route here is refused to a label-scoped principal. */
export function registerSwarmNodeRoutes(router: Router, _ctx: AppContext): void {
  router.add({
    method: "GET",
    path: BASE,
    access: "read",
    scope: "whole-host",
    summary:
      "The swarm's nodes: role, availability, status, manager reachability and leader, engine version, CPUs and memory, labels, running task count",
    handler: async (rc) => {
      const host = hostOf(rc);
      const [nodes, tasks] = await Promise.all([
        listNodes(host),
        listTasks(host, { "desired-state": ["running"] }),
      ]);
      const counts = runningByNode(tasks);
      return {
        items: nodes
          .map((n) => toNode(n, counts.get(n.ID) ?? 0))
          .sort(
            (a, b) => Number(b.role === "manager") - Number(a.role === "manager") || a.id.localeCompare(b.id),
          ),
      };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/:id`,
    access: "read",
    scope: "whole-host",
    summary: "One node (by id, id prefix or hostname) with the tasks placed on it",
    handler: async (rc) => {
      const host = hostOf(rc);
      const n = await inspectNode(host, nodeRef(rc));
      const tasks = await listTasks(host, { node: [n.ID] });
      const running = tasks.filter((t) => t.DesiredState === "running").length;
      return { ...toNode(n, running), tasks: await namedTasks(host, tasks) };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/:id/tasks`,
    access: "read",
    scope: "whole-host",
    summary: "The tasks placed on one node, old ones included, as `docker node ps` lists them",
    handler: async (rc) => {
      const host = hostOf(rc);
      const n = await inspectNode(host, nodeRef(rc));
      return { items: await namedTasks(host, await listTasks(host, { node: [n.ID] })) };
    },
  });

  router.add({
    method: "PATCH",
    path: `${BASE}/:id`,
    access: "admin",
    scope: "whole-host",
    audit: "swarm.node.update",
    summary:
      "Change a node's availability (active, pause, drain), role (manager, worker) or whole label set, at its `version` (a stale one is 409)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const body = parseWith(nodeUpdateSchema, await rc.body());
      const n = await inspectNode(host, nodeRef(rc));
      const now = n.Version?.Index ?? 0;
      if (body.version !== undefined && body.version !== now)
        throw new AppError(
          "CONFLICT",
          `version: the node changed since version ${body.version} (it is at ${now} now); reload it and try again`,
          { version: now },
        );
      await updateNode(host, n.ID, now, {
        ...n.Spec,
        ...(body.availability ? { Availability: body.availability } : {}),
        ...(body.role ? { Role: body.role } : {}),
        ...(body.labels ? { Labels: body.labels } : {}),
      });
      return toNode(await inspectNode(host, n.ID));
    },
  });

  router.add({
    method: "DELETE",
    path: `${BASE}/:id`,
    access: "admin",
    scope: "whole-host",
    audit: "swarm.node.remove",
    summary: "Remove a node from the swarm; `force=true` removes one that is down or still a manager",
    handler: async (rc) => {
      const { force } = parseWith(forceQuerySchema, queryObject(rc.query), "query.");
      const host = hostOf(rc);
      const n = await inspectNode(host, nodeRef(rc));
      try {
        await removeNode(host, n.ID, force);
      } catch (err) {
        // The engine answers 400 for a node whose state forbids removal (running, or a manager):
        // the request was sound, the node's state is the conflict.
        const e = classifyEngineError(err, host.spec.id);
        throw e.code === "VALIDATION" ? new AppError("CONFLICT", e.message, { hostId: host.spec.id }) : e;
      }
      return { ok: true };
    },
  });
}
