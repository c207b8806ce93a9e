import { containerRefs } from "../../lib/container-spec/container-refs";
import { AppError } from "../../lib/errors";
import type { Principal } from "../auth/principal";
import type { HostConnection } from "../engines/host-connection";
import { containerRefSchema } from "../../lib/schemas";
import { parseWith } from "../../lib/parse";
import { inspectContainer } from "../engines/containers";
import { containerInScope } from "./targets";

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
