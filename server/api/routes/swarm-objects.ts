import { AppError } from "../../../lib/errors";
import { parseWith } from "../../../lib/parse";
import { scopeAllowsLabels } from "../../../lib/permissions";
import {
  configCreateSchema,
  secretCreateSchema,
  swarmRefSchema,
  type ObjectCreate,
} from "../../../lib/swarm/schemas";
import type { SwarmCluster } from "../../../lib/swarm/types";
import type { AppContext } from "../../context";
import type { HostConnection } from "../../engines/host-connection";
import {
  createObject,
  inspectObject,
  listObjects,
  listServices,
  listTasks,
  removeObject,
  swarmInfo,
} from "../../swarm/engine";
import { refreshSwarm } from "../../swarm/presence";
import { sortTasks, toConfig, toHostSwarm, toSecret, toTask } from "../../swarm/views";
import type { RequestContext, Router } from "../router";
import { hostOf, principalOf } from "../targets";

const BASE = "/api/v1/hosts/:hostId/swarm";

/** The engine takes base64; text is encoded here, base64 is checked to be base64. */
function dataOf(body: ObjectCreate): string {
  if (body.encoding === "text") return Buffer.from(body.data, "utf8").toString("base64");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.data) || body.data.length % 4 !== 0)
    throw new AppError("VALIDATION", "data: is not base64 (encoding is base64)");
  return body.data;
}

const objectRef = (rc: RequestContext) => parseWith(swarmRefSchema, rc.params.id, "id: ");

async function removeByRef(host: HostConnection, kind: "configs" | "secrets", ref: string) {
  const o = await inspectObject(host, kind, ref);
  await removeObject(host, kind, o.ID);
  return { ok: true };
}

export function registerSwarmObjectRoutes(router: Router, _ctx: AppContext): void {
  router.add({
    method: "GET",
    path: BASE,
    access: "read",
    scope: "host",
    summary:
      "The host's place in a swarm: state (inactive, pending, active, error, locked), manager, cluster id, node and manager counts, created and updated times",
    handler: async (rc): Promise<SwarmCluster> => {
      const host = hostOf(rc);
      const raw = await swarmInfo(host);
      void refreshSwarm(host);
      return {
        ...toHostSwarm(raw),
        ...(raw.Cluster?.CreatedAt ? { createdAt: raw.Cluster.CreatedAt } : {}),
        ...(raw.Cluster?.UpdatedAt ? { updatedAt: raw.Cluster.UpdatedAt } : {}),
        ...(raw.Cluster?.Spec?.Orchestration?.TaskHistoryRetentionLimit !== undefined
          ? { taskHistoryLimit: raw.Cluster.Spec.Orchestration.TaskHistoryRetentionLimit }
          : {}),
      };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/tasks`,
    access: "read",
    scope: "host",
    summary: "Every task of the services in scope, old ones included, newest first per slot",
    handler: async (rc) => {
      const host = hostOf(rc);
      const p = principalOf(rc);
      const [services, tasks] = await Promise.all([listServices(host), listTasks(host, {})]);
      const visible = new Map(
        services.filter((s) => scopeAllowsLabels(p.scope, s.Spec?.Labels)).map((s) => [s.ID, s.Spec?.Name]),
      );
      return {
        items: sortTasks(
          tasks
            .filter((t) => visible.has(t.ServiceID ?? ""))
            .map((t) => toTask(t, visible.get(t.ServiceID ?? ""))),
        ),
      };
    },
  });

  router.add({
    method: "GET",
    path: `${BASE}/configs`,
    access: "read",
    scope: "whole-host",
    summary: "The swarm's configs with their content (configs are not secret)",
    handler: async (rc) => ({
      items: (await listObjects(hostOf(rc), "configs"))
        .map(toConfig)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }),
  });

  router.add({
    method: "POST",
    path: `${BASE}/configs`,
    access: "operate",
    scope: "whole-host",
    audit: "swarm.config.create",
    status: 201,
    summary: "Create a config: {name, data, encoding?: text|base64, labels?}",
    handler: async (rc) => {
      const body = parseWith(configCreateSchema, await rc.body());
      rc.audit.target = body.name;
      const host = hostOf(rc);
      const { ID } = await createObject(host, "configs", {
        Name: body.name,
        ...(body.labels ? { Labels: body.labels } : {}),
        Data: dataOf(body),
      });
      return toConfig(await inspectObject(host, "configs", ID));
    },
  });

  router.add({
    method: "DELETE",
    path: `${BASE}/configs/:id`,
    access: "operate",
    scope: "whole-host",
    audit: "swarm.config.remove",
    summary: "Remove a config (the engine refuses while a service uses it)",
    handler: (rc) => removeByRef(hostOf(rc), "configs", objectRef(rc)),
  });

  router.add({
    method: "GET",
    path: `${BASE}/secrets`,
    access: "read",
    scope: "whole-host",
    summary: "The swarm's secrets: id, name, labels and times; a secret's value is never returned",
    handler: async (rc) => ({
      items: (await listObjects(hostOf(rc), "secrets"))
        .map(toSecret)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }),
  });

  router.add({
    method: "POST",
    path: `${BASE}/secrets`,
    access: "operate",
    scope: "whole-host",
    audit: "swarm.secret.create",
    status: 201,
    summary:
      "Create a secret: {name, data, encoding?: text|base64, labels?}; the value is write-only (never returned, logged or audited)",
    handler: async (rc) => {
      // Recorded before anything can fail, so no path through the audit log carries the value.
      const raw = await rc.body();
      rc.audit.params = redactSecretBody(raw);
      const body = parseWith(secretCreateSchema, raw);
      rc.audit.target = body.name;
      const host = hostOf(rc);
      const { ID } = await createObject(host, "secrets", {
        Name: body.name,
        ...(body.labels ? { Labels: body.labels } : {}),
        Data: dataOf(body),
      });
      return toSecret(await inspectObject(host, "secrets", ID));
    },
  });

  router.add({
    method: "DELETE",
    path: `${BASE}/secrets/:id`,
    access: "operate",
    scope: "whole-host",
    audit: "swarm.secret.remove",
    summary: "Remove a secret (the engine refuses while a service uses it)",
    handler: (rc) => removeByRef(hostOf(rc), "secrets", objectRef(rc)),
  });
}

/** The body of a secret create as the audit log keeps it: everything but the value. */
export function redactSecretBody(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { body: "[redacted]" };
  const { data: _data, ...rest } = raw as Record<string, unknown>;
  return { ...rest, data: "[redacted]" };
}
