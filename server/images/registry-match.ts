import { AppError } from "../../lib/errors";
import { DEFAULT_REGISTRY, registryHostOf, type ImageReference } from "../../lib/images/reference";
import type { RegistryRecord } from "../../lib/types";
import type { RegistryAuth } from "../engines/images";
import type { RegistryStore, RegistryTarget } from "../registries/registry-store";

const HUB_ALIASES = new Set([
  "docker.io",
  "index.docker.io",
  "registry-1.docker.io",
  "registry.hub.docker.com",
]);

/** The `host[:port]` an image reference names for a stored registry URL (Docker Hub's aliases fold to docker.io). */
export function registryKey(url: string): string {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return url;
  }
  return HUB_ALIASES.has(host) ? DEFAULT_REGISTRY : host;
}

export function findRegistryFor(store: RegistryStore, ref: ImageReference): RegistryRecord | undefined {
  const host = registryHostOf(ref);
  return store.list().find((r) => registryKey(r.url) === host);
}

/**
 * The configured registry a pull or push goes to: the one named by `registryId` (a reference without
 * a registry host is placed on it), else the one whose address the reference names. Credentials for
 * one registry are never sent to another: a reference naming a different host is refused.
 */
export function resolveRegistry(
  store: RegistryStore,
  ref: ImageReference,
  registryId: number | undefined,
): { ref: ImageReference; target?: RegistryTarget } {
  if (registryId === undefined) {
    const found = findRegistryFor(store, ref);
    return { ref, ...(found ? { target: store.target(found.id) } : {}) };
  }
  let target: RegistryTarget;
  try {
    target = store.target(registryId);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND")
      throw new AppError("VALIDATION", `registryId: no registry with id ${registryId}`);
    throw e;
  }
  const key = registryKey(target.url);
  if (!ref.domain && key !== DEFAULT_REGISTRY) return { ref: { ...ref, domain: key }, target };
  if (registryHostOf(ref) !== key) {
    throw new AppError(
      "VALIDATION",
      `image: names registry ${registryHostOf(ref)}, but registry "${target.name}" is ${key}`,
    );
  }
  return { ref, target };
}

export function registryAuth(target: RegistryTarget | undefined): RegistryAuth | undefined {
  if (!target?.username) return undefined;
  return {
    username: target.username,
    password: target.password ?? "",
    serveraddress: registryKey(target.url),
  };
}
