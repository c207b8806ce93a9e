import { containerRefs, networkRefs } from "../../lib/container-spec/container-refs";
import { namedVolumes } from "../../lib/container-spec/host-access";
import { AppError } from "../../lib/errors";
import type { Principal } from "../auth/principal";
import type { HostConnection } from "../engines/host-connection";
import { containerRefSchema } from "../../lib/schemas";
import { parseWith } from "../../lib/parse";
import { missingImage } from "../engines/container-create";
import { inspectContainer } from "../engines/containers";
import { inspectNetworkRaw } from "../engines/networks";
import { findRaw } from "../engines/volumes";
import { imageInScope } from "./image-access";
import type { ImageOwnerStore } from "./image-owners";
import { containerInScope, isLabelScoped, labelCheck } from "./targets";

/**
 * Every container a create body names (namespace joins, VolumesFrom, Links) must be one the caller
 * could ask for directly. A miss answers 404 naming the field, the same for a container that is out
 * of scope and one that does not exist.
 */
export async function requireContainerRefsInScope(
  host: HostConnection,
  p: Principal,
  config: unknown,
  prefix = "config",
): Promise<void> {
  for (const { field, ref } of containerRefs(config, prefix)) {
    const missing = () =>
      new AppError("NOT_FOUND", `${field}: container "${ref}" is not in your scope`, {
        hostId: host.spec.id,
        field,
      });
    if (!ref) throw missing();
    try {
      // Without a label scope the engine's own lookup decides; with one, the container's labels do.
      if (p.scope.labelSelector) await containerInScope(host, ref, p, field);
      else await inspectContainer(host, parseWith(containerRefSchema, ref, `${field}: `));
    } catch (err) {
      if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "VALIDATION")) throw missing();
      throw err;
    }
  }
}

/**
 * For a label-scoped principal, the volumes and networks a create body uses must be its team's: a
 * named volume of another team would hand over its data, a network its services. A volume that does
 * not exist yet is created by the engine at create, as usual. Predefined networks are everyone's.
 */
export async function requireMountsInScope(
  host: HostConnection,
  p: Principal,
  config: unknown,
  prefix = "config",
): Promise<void> {
  if (!isLabelScoped(p)) return;
  const visible = labelCheck(p);
  for (const { field, name } of namedVolumes(config, prefix)) {
    const raw = await findRaw(host, name);
    if (raw && !visible(raw.Labels ?? {}))
      throw new AppError("NOT_FOUND", `${field}: volume "${name}" is not in your scope`, { field });
  }
  for (const { field, ref } of networkRefs(config, prefix)) {
    try {
      await inspectNetworkRaw(host, ref, visible);
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_FOUND")
        throw new AppError("NOT_FOUND", `${field}: network "${ref}" is not in your scope`, { field });
      throw err;
    }
  }
}

/**
 * Everything a create body names besides itself must be the caller's to use, exactly as if asked for
 * directly: other containers (namespace joins, VolumesFrom, Links), named volumes, networks, and the
 * image. Another team's own image answers what a missing image answers.
 */
export async function requireCreateBodyInScope(
  owners: ImageOwnerStore,
  host: HostConnection,
  p: Principal,
  config: { Image?: unknown },
): Promise<void> {
  await requireContainerRefsInScope(host, p, config);
  await requireMountsInScope(host, p, config);
  const image = config.Image;
  if (!isLabelScoped(p) || typeof image !== "string") return;
  await imageInScope(owners, host, p, image, "run", "config.Image").catch((err: unknown) => {
    throw err instanceof AppError && err.code === "NOT_FOUND" ? missingImage(host, image) : err;
  });
}
