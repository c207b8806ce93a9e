import { parseLabelSelector } from "../../lib/container-filter";
import { AppError } from "../../lib/errors";
import { scopeAllowsHost, scopeAllowsLabels, seesWholeHosts } from "../../lib/permissions";
import { containerRefSchema, hostIdSchema } from "../../lib/schemas";
import type { ContainerSummary } from "../../lib/types";
import type { PruneFilters } from "../../lib/volumes";
import { requireHostInScope, type Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { inspectContainer } from "../engines/containers";
import type { HostConnection } from "../engines/host-connection";
import type { LabelCheck } from "../engines/volumes";
import { parseWith } from "../../lib/parse";

/**
 * The one place that decides what a principal may reach. Every miss answers exactly like an object
 * that does not exist (404), so a scoped principal cannot probe for other teams' hosts or objects.
 */

/** The host, if it exists and is in the caller's scope; 404 otherwise, alike. */
export function hostInScope(ctx: AppContext, p: Principal, hostId: unknown): HostConnection {
  const id = parseWith(hostIdSchema, hostId, "hostId: ");
  requireHostInScope(p, id);
  return ctx.hosts.get(id);
}

export function visibleHostIds(ctx: AppContext, p: Principal): string[] {
  return ctx.hosts.ids().filter((id) => scopeAllowsHost(p.scope, id));
}

export function inScope(p: Principal, c: Pick<ContainerSummary, "hostId" | "labels">): boolean {
  return scopeAllowsHost(p.scope, c.hostId) && scopeAllowsLabels(p.scope, c.labels);
}

/** A label-scoped principal has a part of each host, not all of it (the pages ask the same of the user). */
export const isLabelScoped = (p: Principal) => !seesWholeHosts(p.scope);

/** Scoped at all: a host list or a label. Fleet-wide settings are for unscoped admins only. */
export const isScoped = (p: Principal) => p.scope.hosts !== "*" || isLabelScoped(p);

/**
 * The container the caller may act on, as the reference to use. With a label scope the engine is
 * asked first (a full id comes back), and a container outside the scope is "No such container",
 * exactly like one that does not exist.
 */
export async function containerInScope(
  host: HostConnection,
  ref: unknown,
  p: Principal,
  field = "id",
): Promise<string> {
  const checked = parseWith(containerRefSchema, ref, `${field}: `);
  if (!isLabelScoped(p)) return checked;
  const detail = await inspectContainer(host, checked);
  if (!scopeAllowsLabels(p.scope, detail.inspect.Config?.Labels)) {
    throw new AppError("NOT_FOUND", `No such container: ${checked}`, { hostId: host.spec.id });
  }
  return detail.inspect.Id ?? checked;
}

/**
 * For streams: the container's canonical full id (so subscribers by name and by id share one stream)
 * and its inspect document, after the host and label scope checks.
 */
export async function inspectInScope(ctx: AppContext, p: Principal, hostId: string, ref: string) {
  const host = hostInScope(ctx, p, hostId);
  const detail = await inspectContainer(host, parseWith(containerRefSchema, ref, "containerId: "));
  if (!scopeAllowsLabels(p.scope, detail.inspect.Config?.Labels)) {
    throw new AppError("NOT_FOUND", `No such container: ${ref}`, { hostId });
  }
  return { host, id: detail.inspect.Id ?? ref, inspect: detail.inspect };
}

/**
 * An image job (pull, push, build) is seen by principals with its host in scope; under a label
 * scope, only by the team that started it, since its reference may name the team's images.
 */
export function jobInScope(p: Principal, job: { hostId: string; owner?: string }): boolean {
  return scopeAllowsHost(p.scope, job.hostId) && (!isLabelScoped(p) || job.owner === p.scope.labelSelector);
}

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
