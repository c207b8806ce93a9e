import { parseLabelSelector } from "../../../lib/container-filter";
import { AppError } from "../../../lib/errors";
import { scopeAllowsLabels } from "../../../lib/permissions";
import { hostIdSchema } from "../../../lib/schemas";
import type { HostListError } from "../../../lib/types";
import {
  volumeCreateSchema,
  volumeNameSchema,
  volumePruneSchema,
  type PruneFilters,
  type VolumeList,
  type VolumeSummary,
} from "../../../lib/volumes";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import {
  createVolume,
  getVolume,
  listVolumes,
  pruneVolumes,
  removeVolume,
  requireVisibleVolume,
  type LabelCheck,
} from "../../engines/volumes";
import { parseWith, queryObject } from "../http";
import type { RequestContext, Router } from "../router";
import { hostFor, principalOf, visibleHostIds } from "../scope";
import { z } from "zod";

/** Volumes and networks are scoped by their own labels, with the same selector as containers. */
export const labelCheck =
  (p: Principal): LabelCheck =>
  (labels) =>
    scopeAllowsLabels(p.scope, labels);

/**
 * What a label-scoped principal creates carries its scope's label, so it stays visible to it; a
 * conflicting value for that label is refused rather than silently replaced.
 */
export function withScopeLabel(p: Principal, labels: Record<string, string> | undefined, field = "Labels") {
  if (!p.scope.labelSelector) return labels;
  const { key, value = "" } = parseLabelSelector(p.scope.labelSelector);
  const given = labels?.[key];
  if (given !== undefined && given !== value && !(p.scope.labelSelector === key)) {
    throw new AppError(
      "VALIDATION",
      `${field}.${key}: must be "${value}", the label your access is limited to`,
    );
  }
  return { ...labels, [key]: given ?? value };
}

/** A label-scoped principal's prunes are limited to objects carrying its label, never host-wide. */
export function scopedFilters(p: Principal, filters: PruneFilters | undefined): PruneFilters | undefined {
  if (!p.scope.labelSelector) return filters;
  return { label: [...(filters?.label ?? []), p.scope.labelSelector] };
}

/** Runs `fn` on every host in scope; hosts that fail are reported in `errors`, never hiding the others. */
export async function acrossHosts<T>(
  ctx: AppContext,
  rc: RequestContext,
  fn: (hostId: string) => Promise<T[]>,
): Promise<{ items: T[]; errors: HostListError[] }> {
  const p = principalOf(rc);
  const only = rc.query
    .getAll("host")
    .flatMap((h) => h.split(","))
    .filter(Boolean);
  for (const h of only) parseWith(hostIdSchema, h, "query.host: ");
  const hosts = visibleHostIds(ctx, p).filter((id) => !only.length || only.includes(id));
  const results = await Promise.allSettled(hosts.map(fn));
  const items: T[] = [];
  const errors: HostListError[] = [];
  results.forEach((r, i) => {
    if (r.status === "fulfilled") items.push(...r.value);
    else {
      const e = r.reason instanceof AppError ? r.reason : new AppError("INTERNAL", String(r.reason));
      errors.push({ hostId: hosts[i] as string, code: e.code, message: e.message });
    }
  });
  return { items, errors };
}

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
    summary: "Volumes of every host in scope, with size, users and refCount; unreachable hosts in errors",
    handler: async (rc) => {
      const visible = labelCheck(principalOf(rc));
      const warnings: string[] = [];
      const { items, errors } = await acrossHosts<VolumeSummary>(ctx, rc, async (id) => {
        const r = await listVolumes(ctx.hosts.get(id), visible);
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
    summary: "One host's volumes in scope: driver, mountpoint, labels, options, size, refCount and users",
    handler: async (rc) => {
      const r = await listVolumes(hostFor(ctx, rc), labelCheck(principalOf(rc)));
      return { items: r.items, ...(r.warnings.length ? { warnings: r.warnings } : {}) } satisfies VolumeList;
    },
  });

  router.add({
    method: "GET",
    path: "/api/v1/hosts/:hostId/volumes/:name",
    access: "read",
    summary: "One volume with its size and the containers that mount it",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const name = parseWith(volumeNameSchema, rc.params.name, "name: ");
      return getVolume(host, name, labelCheck(principalOf(rc)));
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/volumes",
    access: "operate",
    audit: "volume.create",
    status: 201,
    summary: "Create a volume from the Engine API's VolumeCreate body (Name, Driver, DriverOpts, Labels)",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const body = parseWith(volumeCreateSchema, await rc.body());
      if (body.Name) rc.audit.target = body.Name;
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
    audit: "volume.remove",
    summary: "Remove a volume; refused while any container uses it (force does not change that)",
    handler: async (rc) => {
      rc.audit.target = rc.params.name;
      const host = hostFor(ctx, rc);
      const name = parseWith(volumeNameSchema, rc.params.name, "name: ");
      const { force } = parseWith(removeQuery, queryObject(rc.query), "query.");
      // Scope check first: a volume outside the caller's labels is "no such volume".
      if (principalOf(rc).scope.labelSelector)
        await requireVisibleVolume(host, name, labelCheck(principalOf(rc)));
      await removeVolume(host, name, force);
      return { ok: true };
    },
  });

  router.add({
    method: "POST",
    path: "/api/v1/hosts/:hostId/volumes/prune",
    access: "operate",
    audit: "volume.prune",
    summary: "Remove unused volumes (label filters; label-scoped callers prune only their label)",
    handler: async (rc) => {
      const host = hostFor(ctx, rc);
      const body = parseWith(volumePruneSchema, await rc.body());
      const filters = scopedFilters(principalOf(rc), body.filters);
      const result = await pruneVolumes(host, { ...body, ...(filters ? { filters } : {}) });
      rc.audit.params = { ...body, filters, result };
      return result;
    },
  });
}
