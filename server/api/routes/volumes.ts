import { volumeHostAccess } from "../../../lib/container-spec/host-access";
import { AppError } from "../../../lib/errors";
import {
  volumeCreateSchema,
  volumePruneSchema,
  type VolumeList,
  type VolumeSummary,
} from "../../../lib/volumes";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import { createVolume, getVolume, listVolumes, pruneVolumes, removeVolume } from "../../engines/volumes";
import { parseWith, queryObject } from "../http";
import type { Router } from "../router";
import { acrossHosts } from "../../scope/fan-out";
import { labelCheck, scopedFilters, withScopeLabel } from "../../scope/targets";
import { hostFilterOf, hostOf, principalOf, volumeOf } from "../targets";
import { z } from "zod";

const removeQuery = z.object({
  force: z
    .enum(["true", "false", "1", "0", ""], "must be true, false, 1 or 0")
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export function registerVolumeRoutes(router: Router, ctx: AppContext): void {
  router.add({
    method: "GET",
    path: "/api/v1/volumes",
    access: "read",
    scope: "fleet",
    summary: "Volumes of every host in scope, with size, users and refCount; unreachable hosts in errors",
    handler: async (rc) => {
      const visible = labelCheck(principalOf(rc));
      const warnings: string[] = [];
      const only = hostFilterOf(rc);
      const { items, errors } = await acrossHosts<VolumeSummary>(ctx, principalOf(rc), only, async (host) => {
        const r = await listVolumes(host, visible);
        warnings.push(...r.warnings);
        return r.items;
      });
      return { items, errors, ...(warnings.length ? { warnings } : {}) } satisfies VolumeList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/volumes",
    access: "read",
    scope: "host",
    summary: "One host's volumes in scope: driver, mountpoint, labels, options, size, refCount and users",
    handler: async (rc) => {
      const r = await listVolumes(hostOf(rc), labelCheck(principalOf(rc)));
      return { items: r.items, ...(r.warnings.length ? { warnings: r.warnings } : {}) } satisfies VolumeList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/volumes/:name",
    access: "read",
    scope: "volume",
    summary: "One volume with its size and the containers that mount it",
    handler: async (rc) => getVolume(hostOf(rc), volumeOf(rc), labelCheck(principalOf(rc))),
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/volumes",
    access: "operate",
    scope: "host",
    audit: "volume.create",
    status: 201,
    summary: "Create a volume from the Engine API's VolumeCreate body (Name, Driver, DriverOpts, Labels)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const body = parseWith(volumeCreateSchema, await rc.body());
      if (body.Name) rc.audit.target = body.Name;
      refuseHostBackedVolume(principalOf(rc), body);
      const labels = withScopeLabel(principalOf(rc), body.Labels);
      const created = await createVolume(host, { ...body, ...(labels ? { Labels: labels } : {}) });
      rc.audit.target = created.name;
      return created;
    },
  });

  router.add({
    method: "DELETE",
    path: "/api/v1/hosts/:hostId/volumes/:name",
    access: "operate",
    scope: "volume",
    audit: "volume.remove",
    summary: "Remove a volume; refused while any container uses it (force does not change that)",
    handler: async (rc) => {
      const { force } = parseWith(removeQuery, queryObject(rc.query), "query.");
      await removeVolume(hostOf(rc), volumeOf(rc), force);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/volumes/prune",
    access: "operate",
    scope: "host",
    audit: "volume.prune",
    summary: "Remove unused volumes (label filters; label-scoped callers prune only their label)",
    handler: async (rc) => {
      const host = hostOf(rc);
      const body = parseWith(volumePruneSchema, await rc.body());
      const filters = scopedFilters(principalOf(rc), body.filters);
      const result = await pruneVolumes(host, { ...body, ...(filters ? { filters } : {}) });
      rc.audit.params = { ...body, filters, result };
      return result;
    },
  });
}

/**
 * A local volume whose options bind a host path (`o=bind`, or `device=/…`) is a bind mount under
 * another name: only admins may make one, as only they may bind host paths into containers.
 */
function refuseHostBackedVolume(
  p: Principal,
  body: { Name?: string; Driver?: string; DriverOpts?: Record<string, string> },
): void {
  if (p.role === "admin") return;
  const reason = volumeHostAccess(body.Name ?? "", body.Driver ?? "local", body.DriverOpts);
  if (reason) {
    throw new AppError(
      "FORBIDDEN",
      `DriverOpts: only an admin may create a volume backed by a host path; a container would ${reason}`,
      { field: "DriverOpts" },
    );
  }
}
