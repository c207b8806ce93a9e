import { AppError } from "../../lib/errors";
import { fieldError, parseWith } from "../../lib/parse";
import { scopeAllowsLabels } from "../../lib/permissions";
import { swarmRefSchema } from "../../lib/swarm/schemas";
import type { Principal } from "../auth/principal";
import { classifyEngineError } from "../engines/engine-error";
import type { HostConnection } from "../engines/host-connection";
import { isLabelScoped } from "../scope/targets";
import { inspectService } from "./engine";
import type { EngineService } from "./engine-types";

/**
 * Services are scoped by their labels, like containers: a service outside a label scope answers
 * exactly as one that does not exist, in the engine's own words.
 */
export async function serviceInScope(
  host: HostConnection,
  p: Principal,
  ref: unknown,
): Promise<EngineService> {
  const checked = parseWith(swarmRefSchema, ref, "id: ");
  let service: EngineService;
  try {
    service = await inspectService(host, checked);
  } catch (err) {
    throw classifyEngineError(err, host.spec.id);
  }
  if (!scopeAllowsLabels(p.scope, service.Spec?.Labels)) {
    throw new AppError("NOT_FOUND", `service ${checked} not found`, { hostId: host.spec.id });
  }
  return service;
}

/** A label-scoped caller may only make or keep services it can see afterwards. */
export function requireServiceLabels(p: Principal, labels: Record<string, string> | undefined): void {
  if (!p.scope.labelSelector || scopeAllowsLabels(p.scope, labels ?? {})) return;
  throw fieldError(
    "labels",
    `your access covers only services labelled ${p.scope.labelSelector}; add that label`,
    "FORBIDDEN",
  );
}

/**
 * Configs, secrets and networks are whole-host objects a label-scoped caller cannot see, so it may
 * not hand them to a service either (a secret mounted into its own task would be a secret read).
 */
export function requireNoHostObjects(
  p: Principal,
  body: { configs?: unknown[]; secrets?: unknown[]; networks?: unknown[] },
): void {
  if (!isLabelScoped(p)) return;
  for (const field of ["secrets", "configs", "networks"] as const) {
    if (body[field]?.length)
      throw fieldError(
        field,
        `${field} belong to the whole host; your access is limited to ${p.scope.labelSelector}`,
        "FORBIDDEN",
      );
  }
}
