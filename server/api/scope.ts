import { AppError } from "../../lib/errors";
import { scopeAllowsHost, scopeAllowsLabels } from "../../lib/permissions";
import { containerRefSchema, hostIdSchema } from "../../lib/schemas";
import type { ContainerSummary } from "../../lib/types";
import { requireHostInScope, type Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { inspectContainer } from "../engines/containers";
import type { HostConnection } from "../engines/host-connection";
import { parseWith } from "./http";
import type { RequestContext } from "./router";

export function principalOf(rc: RequestContext): Principal {
  if (!rc.principal) throw new AppError("UNAUTHENTICATED", "sign in first");
  return rc.principal;
}

/** The host named in the path, if it exists and is in the caller's scope; 404 otherwise, alike. */
export function hostFor(ctx: AppContext, rc: RequestContext): HostConnection {
  const hostId = parseWith(hostIdSchema, rc.params.hostId, "hostId: ");
  requireHostInScope(principalOf(rc), hostId);
  return ctx.hosts.get(hostId);
}

export function visibleHostIds(ctx: AppContext, p: Principal): string[] {
  return ctx.hosts.ids().filter((id) => scopeAllowsHost(p.scope, id));
}

export function inScope(p: Principal, c: Pick<ContainerSummary, "hostId" | "labels">): boolean {
  return scopeAllowsHost(p.scope, c.hostId) && scopeAllowsLabels(p.scope, c.labels);
}

/**
 * The container the caller may act on, as a full id. With a label scope the engine is asked first, and
 * a container outside the scope is "No such container", exactly like one that does not exist.
 */
export async function containerFor(host: HostConnection, ref: string, p: Principal): Promise<string> {
  const checked = parseWith(containerRefSchema, ref, "id: ");
  if (!p.scope.labelSelector) return checked;
  const detail = await inspectContainer(host, checked);
  const labels = (detail.inspect.Config as { Labels?: Record<string, string> } | undefined)?.Labels ?? {};
  if (!scopeAllowsLabels(p.scope, labels)) {
    throw new AppError("NOT_FOUND", `No such container: ${checked}`, { hostId: host.spec.id });
  }
  return detail.inspect.Id as string;
}

/**
 * For streams: the container's canonical full id (so subscribers by name and by id share one stream)
 * and its inspect document, after the host and label scope checks.
 */
export async function inspectInScope(
  ctx: AppContext,
  p: Principal,
  hostId: string,
  ref: string,
): Promise<{ host: HostConnection; id: string; inspect: Record<string, unknown> }> {
  requireHostInScope(p, hostId);
  const host = ctx.hosts.get(hostId);
  const detail = await inspectContainer(host, parseWith(containerRefSchema, ref, "containerId: "));
  const labels = (detail.inspect.Config as { Labels?: Record<string, string> } | undefined)?.Labels ?? {};
  if (!scopeAllowsLabels(p.scope, labels)) {
    throw new AppError("NOT_FOUND", `No such container: ${ref}`, { hostId });
  }
  return { host, id: detail.inspect.Id as string, inspect: detail.inspect };
}
