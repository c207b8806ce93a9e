import { hostAccessRefusal, type HostAccessSetting } from "../../lib/container-spec/host-access";
import { AppError } from "../../lib/errors";
import { fieldError } from "../../lib/parse";
import { roleAllows, scopeAllowsLabels } from "../../lib/permissions";
import type { Principal } from "../auth/principal";

/** A label-scoped caller may only make containers it could see afterwards. */
export function requireLabelsInScope(
  p: Principal,
  labels: Record<string, string> | null | undefined,
  field = "config.Labels",
  hint = "add that label",
): void {
  if (!p.scope.labelSelector || scopeAllowsLabels(p.scope, labels ?? {})) return;
  throw fieldError(
    field,
    `your access covers only containers labelled ${p.scope.labelSelector}; ${hint}`,
    "FORBIDDEN",
  );
}

/**
 * Privileged mode, host binds, host namespaces, devices, capabilities and loosened confinement are
 * root on the host, so only an admin may use them. A recreate keeps some settings of the old
 * container (`carried`), and those count too: the message then says where the setting came from.
 */
export function requireHostAccessAllowed(
  p: Principal,
  settings: HostAccessSetting[],
  carried?: { from: string; fields: Set<string> },
): void {
  const [first] = settings;
  if (!first || roleAllows(p.role, "admin")) return;
  const key = /^config\.HostConfig\.([A-Za-z]+)/.exec(first.field)?.[1];
  const kept =
    carried?.fields.has(first.field) && key
      ? `; it is kept from ${carried.from} unless the body sets HostConfig.${key}`
      : "";
  throw new AppError("FORBIDDEN", `${hostAccessRefusal(settings)}${kept}`, { hostAccess: settings });
}
