import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { AppError } from "../../../lib/errors";
import { scopeAllowsLabels } from "../../../lib/permissions";
import {
  serviceCreateSchema,
  serviceScaleSchema,
  serviceUpdateSchema,
  type ServiceUpdate,
} from "../../../lib/swarm/schemas";
import type { SwarmService } from "../../../lib/swarm/types";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { dialStream } from "../../engines/engine-dial";
import type { HostConnection } from "../../engines/host-connection";
import { DemuxTransform } from "../../engines/log-demux";
import {
  createService,
  inspectService,
  listObjects,
  listServices,
  listTasks,
  removeService,
  updateService,
} from "../../swarm/engine";
import type { EngineService, EngineServiceSpec } from "../../swarm/engine-types";
import { swarmLiveOf } from "../../swarm/live";
import { requireNoHostObjects, requireServiceLabels, serviceInScope } from "../../swarm/service-scope";
import { ServiceLogNames } from "../../swarm/service-log-names";
import { ServiceLogLines } from "../../swarm/service-logs";
import { createSpec, fileRefNames, updatedSpec, type FileRefIds } from "../../swarm/spec";
import { serviceMode, sortTasks, toService, toTask } from "../../swarm/views";
import { parseWith, queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { hostOf, principalOf } from "../targets";

const BASE = "/api/v1/hosts/:hostId/swarm/services";

const logsQuerySchema = z.object({
  tail: z.union([z.literal("all"), z.coerce.number().int().min(0).max(1_000_000)]).optional(),
  since: z.coerce.number().min(0).optional(),
  timestamps: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

/** The ids of the configs and secrets a form names; a missing one is a validation error naming it. */
async function fileRefIds(host: HostConnection, body: ServiceUpdate): Promise<FileRefIds> {
  const names = fileRefNames(body);
  const lookUp = async (kind: "configs" | "secrets", wanted: string[]) => {
    const ids = new Map<string, string>();
    if (!wanted.length) return ids;
    const all = await listObjects(host, kind);
    for (const name of wanted) {
      const found = all.find((o) => o.Spec?.Name === name);
      if (!found)
        throw new AppError("VALIDATION", `${kind}: no ${kind.slice(0, -1)} named "${name}" on this swarm`);
      ids.set(name, found.ID);
    }
    return ids;
  };
  return { configs: await lookUp("configs", names.configs), secrets: await lookUp("secrets", names.secrets) };
}

/** The service as Wharf shows it, with why its last update was rolled back when Wharf saw it happen. */
function view(ctx: AppContext, host: HostConnection, s: EngineService): SwarmService {
  const v = toService(s);
  const cause = swarmLiveOf(ctx.hosts).causeOf(host.spec.id, s.ID);
  if (v.updateStatus && cause && /rollback|paused/.test(v.updateStatus.state)) v.updateStatus.cause = cause;
  return v;
}

/** The service after a change, with the engine's warnings (an image it could not pin). */
async function afterChange(
  ctx: AppContext,
  host: HostConnection,
  id: string,
  warnings: string[] | null | undefined,
) {
  const service = view(ctx, host, await inspectService(host, id));
  return { service, warnings: warnings ?? [] };
}

/**
 * A change to a service's spec, with the version it was read at; its tasks are followed from the
 * moment before the change, so the live progress misses no transition.
 */
async function change(
  ctx: AppContext,
  host: HostConnection,
  current: EngineService,
  spec: EngineServiceSpec,
  rollback = false,
) {
  const baseline = await listTasks(host, { service: [current.ID] });
  void swarmLiveOf(ctx.hosts).track(host, current.ID, baseline);
  const r = await updateService(host, current.ID, current.Version?.Index ?? 0, spec, rollback);
  return afterChange(ctx, host, current.ID, r.Warnings);
}

function checkVersion(current: EngineService, version: number | undefined): void {
  const now = current.Version?.Index ?? 0;
  if (version !== undefined && version !== now)
    throw new AppError(
      "CONFLICT",
      `version: the service changed since version ${version} (it is at ${now} now); reload it and try again`,
      { version: now },
    );
}

const serviceOf = (rc: RequestContext) => serviceInScope(hostOf(rc), principalOf(rc), rc.params.id);

function listServicesInScope(ctx: AppContext, host: HostConnection, p: Principal): Promise<SwarmService[]> {
  return listServices(host).then((all) =>
    all
      .filter((s) => scopeAllowsLabels(p.scope, s.Spec?.Labels))
      .map((s) => view(ctx, host, s))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

export function registerSwarmServiceRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: BASE,
    access: "read",
    scope: "host",
    summary:
      "The swarm's services in scope: id, name, mode, replicas (desired), running, image, ports, placement, update and rollback policy, updateStatus",
    handler: async (rc) => ({ items: await listServicesInScope(ctx, hostOf(rc), principalOf(rc)) }),
  });

  router.add({
    method: "GET",
    path: `${BASE}/:id`,
    access: "read",
    scope: "host",
    summary: "One service (by id, id prefix or name) with its tasks, newest first per slot",
    handler: async (rc) => {
      const host = hostOf(rc);
      const s = await serviceOf(rc);
      const name = s.Spec?.Name;
      const tasks = await listTasks(host, { service: [s.ID] });
      return { ...view(ctx, host, s), tasks: sortTasks(tasks.map((t) => toTask(t, name))) };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/:id/tasks`,
    access: "read",
    scope: "host",
    summary:
      "The service's tasks with their history (old tasks of a slot stay listed as the engine keeps them): state, desired state, message, error, exit code, node",
    handler: async (rc) => {
      const s = await serviceOf(rc);
      const tasks = await listTasks(hostOf(rc), { service: [s.ID] });
      return { items: sortTasks(tasks.map((t) => toTask(t, s.Spec?.Name))) };
    },
  });

  router.add({
    method: "POST",
    path: BASE,
    access: "operate",
    scope: "host",
    audit: "swarm.service.create",
    status: 201,
    summary:
      "Create a service from Wharf's form: name, image, mode, replicas, command, args, env, labels, constraints, preferences, ports, networks, configs, secrets, resources, restartPolicy, updateConfig, rollbackConfig",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const body = parseWith(serviceCreateSchema, await rc.body());
      rc.audit.target = body.name;
      requireServiceLabels(p, body.labels);
      requireNoHostObjects(p, body);
      const created = await createService(host, createSpec(body, await fileRefIds(host, body)));
      rc.audit.target = `${body.name} (${created.ID})`;
      return afterChange(ctx, host, created.ID, created.Warnings);
    },
  });

  router.add({
    method: "PATCH",
    path: `${BASE}/:id`,
    access: "operate",
    scope: "host",
    audit: "swarm.service.update",
    summary:
      "Update a service: only the fields named change (read, modify, write at the service's version; a stale `version` is 409); `force: true` restarts every task. The rolling update's progress goes out as swarm:task",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const body = parseWith(serviceUpdateSchema, await rc.body());
      const current = await serviceOf(rc);
      checkVersion(current, body.version);
      if (body.labels !== undefined) requireServiceLabels(p, body.labels);
      requireNoHostObjects(p, body);
      if (body.replicas !== undefined && !current.Spec?.Mode?.Replicated)
        throw new AppError(
          "VALIDATION",
          `replicas: a ${serviceMode(current.Spec)} service cannot be given replicas; only a replicated one`,
        );
      const spec = updatedSpec(current.Spec ?? {}, body, await fileRefIds(host, body));
      return change(ctx, host, current, spec);
    },
  });

  router.add({
    method: "POST",
    path: `${BASE}/:id/scale`,
    access: "operate",
    scope: "host",
    audit: "swarm.service.scale",
    summary: "Set a replicated service's replica count: {replicas}",
    handler: async (rc) => {
      const { replicas } = parseWith(serviceScaleSchema, await rc.body());
      const current = await serviceOf(rc);
      if (!current.Spec?.Mode?.Replicated)
        throw new AppError("CONFLICT", "replicas: only a replicated service can be scaled");
      const spec: EngineServiceSpec = { ...current.Spec, Mode: { Replicated: { Replicas: replicas } } };
      return change(ctx, hostOf(rc), current, spec);
    },
  });

  router.add({
    method: "POST",
    path: `${BASE}/:id/rollback`,
    access: "operate",
    scope: "host",
    audit: "swarm.service.rollback",
    summary: "Roll a service back to its previous spec, as the engine holds it (409 when there is none)",
    handler: async (rc) => {
      const current = await serviceOf(rc);
      if (!current.PreviousSpec)
        throw new AppError("CONFLICT", "the service has no previous spec to roll back to");
      return change(ctx, hostOf(rc), current, current.Spec ?? {}, true);
    },
  });

  router.add({
    method: "DELETE",
    path: `${BASE}/:id`,
    access: "operate",
    scope: "host",
    audit: "swarm.service.remove",
    summary: "Remove a service and its tasks",
    handler: async (rc) => {
      const s = await serviceOf(rc);
      await removeService(hostOf(rc), s.ID);
      return { ok: true };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/:id/logs`,
    access: "operate",
    scope: "host",
    summary:
      "The service's logs merged across its tasks as text/plain, each line as `name.slot.task@node | text`: tail (default 500), since (unix seconds), timestamps",
    handler: async (rc) => {
      const q = parseWith(logsQuerySchema, queryObject(rc.query), "query.");
      const host = hostOf(rc);
      const s = await serviceOf(rc);
      const names = new ServiceLogNames(host, s);
      await names.load();
      const gone = new AbortController();
      rc.res.once("close", () => gone.abort());
      const upstream = await dialStream(host, {
        path: `/services/${encodeURIComponent(s.ID)}/logs?`,
        method: "GET",
        abortSignal: gone.signal,
        statusCodes: {
          200: true,
          404: "no such service",
          500: "server error",
          503: "node is not part of a swarm",
        },
        options: {
          stdout: true,
          stderr: true,
          details: true,
          timestamps: q.timestamps,
          tail: q.tail ?? 500,
          ...(q.since !== undefined ? { since: q.since } : {}),
        },
      });
      rc.res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      try {
        const tty = s.Spec?.TaskTemplate?.ContainerSpec?.["TTY"] === true;
        await pipeline(
          upstream,
          new DemuxTransform(tty),
          new ServiceLogLines(names.tasks, names.nodes),
          rc.res,
        );
      } catch {
        rc.res.destroy();
      }
      return undefined;
    },
  });
}
