import type { CreateContainerResult, RecreateContainerResult } from "../../../lib/container-spec/api-types";
import type { CreateConfig } from "../../../lib/container-spec/create-body";
import { createRequestSchema, recreateRequestSchema } from "../../../lib/container-spec/create-schema";
import { hostAccessSettings, namedVolumes } from "../../../lib/container-spec/host-access";
import { inspectToSpec } from "../../../lib/container-spec/inspect";
import { specChanges } from "../../../lib/container-spec/spec";
import type { AppContext } from "../../context";
import { containerSpecView } from "../../engines/container-create-spec";
import { createContainer } from "../../engines/container-create";
import type { ContainerInspect } from "../../engines/engine-types";
import { ifFound } from "../../errors";
import { hostBackedVolumes } from "../../engines/container-create-volumes";
import { inspectContainer } from "../../engines/containers";
import { recreateContainer, withCarriedSettings } from "../../engines/recreate";
import { parseWith } from "../http";
import type { Router } from "../router";
import { requireCreateBodyInScope } from "../../scope/container-refs";
import { requireHostAccessAllowed, requireLabelsInScope } from "../../scope/create-checks";
import { containerOf, hostOf, principalOf } from "../targets";

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);

/** The request as the audit log keeps it: environment values left out, since they often hold secrets. */
function auditView(raw: unknown): Record<string, unknown> {
  if (!isObject(raw)) return { body: raw };
  const config = raw.config;
  if (!isObject(config) || !Array.isArray(config.Env)) return raw;
  const keys = config.Env.map((e: unknown) => (typeof e === "string" ? `${e.split("=")[0]}=…` : e));
  return { ...raw, config: { ...config, Env: keys } };
}

const summary = (inspect: ContainerInspect) => ({
  id: inspect.Id,
  name: (inspect.Name ?? "").replace(/^\//, ""),
  image: inspect.Config?.Image,
  state: inspect.State?.Status,
});

export function registerContainerCreateRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers",
    access: "operate",
    scope: "host",
    audit: "container.create",
    status: 201,
    summary:
      "Create a container from the engine's ContainerCreate body, validated first; start it if asked. The image must be on the host (404 names it otherwise). Settings that reach into the host (privileged, host binds, host namespaces, devices, capabilities, loosened confinement) are for admins only (403 names the field)",
    handler: async (rc) => {
      const p = principalOf(rc);
      const host = hostOf(rc);
      const raw = await rc.body();
      rc.audit.params = auditView(raw);
      const req = parseWith(createRequestSchema, raw);
      if (req.name) rc.audit.target = req.name;
      requireLabelsInScope(p, req.config.Labels);
      await requireCreateBodyInScope(ctx.imageOwners, host, p, req.config);
      const hostAccess = [...hostAccessSettings(req.config), ...(await hostBackedVolumes(host, req.config))];
      if (hostAccess.length) rc.audit.params = { ...auditView(raw), hostAccess };
      requireHostAccessAllowed(p, hostAccess);
      const created = await createContainer(host, { ...req, config: req.config as CreateConfig });
      await host.live.containers.touch(created.id);
      rc.audit.target = created.name;
      rc.audit.params = {
        ...auditView(raw),
        id: created.id,
        warnings: created.warnings,
        ...(hostAccess.length ? { hostAccess } : {}),
      };
      return created satisfies CreateContainerResult;
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/containers/:id/recreate",
    access: "operate",
    scope: "container",
    audit: "container.recreate",
    summary:
      "Replace a container with one made from a new ContainerCreate body, under the same name; any failure puts the old one back as it was. Host-access settings, asked for or kept from the old container, are for admins only (403 names the field)",
    handler: async (rc) => {
      const p = principalOf(rc);
      const host = hostOf(rc);
      const raw = await rc.body();
      rc.audit.params = auditView(raw);
      const req = parseWith(recreateRequestSchema, raw);
      requireLabelsInScope(p, req.config.Labels);
      const old = (await inspectContainer(host, containerOf(rc))).inspect;
      rc.audit.target = summary(old).name;
      const config = req.config as CreateConfig;
      const effective = withCarriedSettings(config, old);
      await requireCreateBodyInScope(ctx.imageOwners, host, p, effective);
      const hostAccess = [...hostAccessSettings(effective), ...(await hostBackedVolumes(host, effective))];
      if (hostAccess.length) rc.audit.params = { ...auditView(raw), hostAccess };
      const asked = new Set([
        ...hostAccessSettings(config).map((s) => s.field),
        ...namedVolumes(config).map((v) => v.field),
      ]);
      requireHostAccessAllowed(p, hostAccess, {
        from: `the old container ${summary(old).name}`,
        fields: new Set(hostAccess.map((s) => s.field).filter((f) => !asked.has(f))),
      });
      const result = await recreateContainer(host, old, { ...req, config });
      await Promise.all([result.id, result.oldId].map((id) => host.live.containers.touch(id)));
      // A --rm container whose command ends at once is gone by now; the swap itself has succeeded.
      const now = await ifFound(inspectContainer(host, result.id));
      const changed = now ? specChanges(inspectToSpec(old), inspectToSpec(now.inspect)) : [];
      const after = now
        ? summary(now.inspect)
        : { id: result.id, name: result.name, image: req.config.Image };
      rc.audit.params = {
        before: summary(old),
        after,
        changed,
        warnings: result.warnings,
        ...(hostAccess.length ? { hostAccess } : {}),
      };
      return { ...result, changed } satisfies RecreateContainerResult;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/containers/:id/spec",
    access: "read",
    scope: "container",
    summary:
      "The create form filled from a container (for duplicate, and edit and recreate), the docker run line that recreates it, and the host-access settings a recreate of it would keep (admins only)",
    handler: async (rc) => {
      const host = hostOf(rc);
      return containerSpecView(host, (await inspectContainer(host, containerOf(rc))).inspect);
    },
  });
}
