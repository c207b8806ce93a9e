import { AppError } from "../../lib/errors";
import { imageRefParamSchema } from "../../lib/images/schemas";
import { networkRefSchema } from "../../lib/networks";
import { fieldIn, parseWith } from "../../lib/parse";
import { volumeNameSchema } from "../../lib/volumes";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import type { HostConnection } from "../engines/host-connection";
import { inspectNetworkRaw } from "../engines/networks";
import { requireVisibleVolume } from "../engines/volumes";
import { imageInScope, type ImageTarget } from "./image-access";
import {
  containerInScope,
  hostInScope,
  inspectInScope,
  isLabelScoped,
  isScoped,
  labelCheck,
} from "./targets";

/**
 * What a route or socket command touches, declared beside it. The dispatcher resolves the target
 * inside the caller's scope before the handler runs; a miss is 404, exactly like a missing object.
 *
 * - public: anyone (health, sign-in).
 * - self: the caller's own account, session or socket.
 * - fleet: every host in the caller's scope; the handler lists only what is in scope.
 * - global: fleet-wide settings (hosts, registries): any reader may read them, only an unscoped
 *   principal may change them (403 otherwise).
 * - principals: users, tokens, sessions and the audit log; the handler keeps to the caller's scope.
 * - host: the `:hostId` of the path.
 * - whole-host: the host and everything on it; not for a principal limited to a label (403).
 * - container, volume, network: the `:id` (`:name` for volumes) inside `:hostId`.
 * - image, image:change, image:remove: the `:id` image inside `:hostId`, for that intent.
 * - stack: the compose project `:name` inside `:hostId`; the API layer resolves it with
 *   server/stacks/stack-scope, which builds on this folder.
 * - history: the stored stats series of the container `:id` inside `:hostId`, which may be gone
 *   (its labels are kept with the series); the API layer resolves it with server/metrics/series-scope.
 */
export const ROUTE_SCOPES = [
  "public",
  "self",
  "fleet",
  "global",
  "principals",
  "host",
  "whole-host",
  "container",
  "volume",
  "network",
  "image",
  "image:change",
  "image:remove",
  "stack",
  "history",
] as const;
export type RouteScope = (typeof ROUTE_SCOPES)[number];

/** Scopes whose path names a host: `:hostId` must be in the path. */
export const HOST_SCOPES: ReadonlySet<RouteScope> = new Set([
  "host",
  "whole-host",
  "container",
  "volume",
  "network",
  "image",
  "image:change",
  "image:remove",
  "stack",
  "history",
]);

/** What the dispatcher resolved for the handler. */
export interface Resolved {
  host?: HostConnection;
  /** The container as the engine should be asked for it (a full id under a label scope). */
  container?: string;
  volume?: string;
  network?: Awaited<ReturnType<typeof inspectNetworkRaw>>;
  image?: ImageTarget;
}

/**
 * What a socket command touches: a container (`hostId` and `containerId` in the payload; for
 * `logs:subscribe`, a swarm service when the payload names `serviceId` instead), a host
 * (an optional `hostId`), one of the socket's own exec sessions, an image job in scope, or only
 * the socket's own state (`self`). The command wrapper resolves container and host before the
 * handler; sessions and jobs are looked up among those the socket may reach, alike for a miss.
 */
export const COMMAND_SCOPES = ["self", "host", "container", "exec-session", "job"] as const;
export type CommandScope = (typeof COMMAND_SCOPES)[number];

export type ContainerTarget = Awaited<ReturnType<typeof inspectInScope>>;

/** Resolves a command's declared scope from its payload. */
export async function resolveCommandScope(
  ctx: AppContext,
  p: Principal,
  scope: CommandScope,
  payload: unknown,
): Promise<{ host?: HostConnection; container?: ContainerTarget; service?: string }> {
  const hostId = fieldIn(payload, "hostId");
  const serviceId = fieldIn(payload, "serviceId");
  // The service itself is resolved by the realtime layer with server/swarm/service-scope, above this folder.
  if (scope === "container" && typeof serviceId === "string")
    return { host: hostInScope(ctx, p, hostId), service: serviceId };
  if (scope === "container") {
    const containerId = String(fieldIn(payload, "containerId"));
    const container = await inspectInScope(ctx, p, String(hostId), containerId);
    return { host: container.host, container };
  }
  if (scope === "host" && hostId !== undefined) return { host: hostInScope(ctx, p, hostId) };
  return {};
}

/** Resolves a declared scope for one call; throws 404 for a target out of scope, 403 for a refused kind. */
export async function resolveScope(
  ctx: AppContext,
  p: Principal,
  scope: RouteScope,
  params: Record<string, string>,
  changes: boolean,
): Promise<Resolved> {
  switch (scope) {
    case "public":
    case "self":
    case "fleet":
    case "principals":
      return {};
    case "global":
      if (changes && isScoped(p)) {
        throw new AppError(
          "FORBIDDEN",
          "this setting is shared by every host and team; only an admin with access to all hosts may change it",
        );
      }
      return {};
  }
  const host = hostInScope(ctx, p, params.hostId);
  switch (scope) {
    case "host":
      return { host };
    case "whole-host":
      if (isLabelScoped(p)) {
        throw new AppError(
          "FORBIDDEN",
          `this covers the whole host; your access is limited to ${p.scope.labelSelector}`,
        );
      }
      return { host };
    case "container":
      return { host, container: await containerInScope(host, params.id, p) };
    case "volume": {
      const name = parseWith(volumeNameSchema, params.name, "name: ");
      if (isLabelScoped(p)) await requireVisibleVolume(host, name, labelCheck(p));
      return { host, volume: name };
    }
    case "network": {
      const ref = parseWith(networkRefSchema, params.id, "id: ");
      return { host, network: await inspectNetworkRaw(host, ref, labelCheck(p)) };
    }
    case "image":
    case "image:change":
    case "image:remove": {
      const ref = parseWith(imageRefParamSchema, params.id, "id: ");
      const intent = scope === "image" ? "read" : scope === "image:change" ? "change" : "remove";
      return { host, image: await imageInScope(ctx.imageOwners, host, p, ref, intent) };
    }
    case "stack":
    case "history":
      // The project or series itself is resolved by the API layer (both modules sit above this folder).
      return { host };
  }
}
