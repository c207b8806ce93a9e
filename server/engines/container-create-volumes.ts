import type { HostAccessSetting } from "../../lib/container-spec/host-access";
import { namedVolumes, volumeHostAccess } from "../../lib/container-spec/host-access";
import { AppError } from "../../lib/errors";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

/** Why one existing volume reaches into the host; undefined for a plain one or one not made yet. */
async function volumeReason(host: HostConnection, name: string): Promise<string | undefined> {
  try {
    const v = await engineCall(host, (abortSignal) => host.docker.getVolume(name).inspect({ abortSignal }));
    return volumeHostAccess(name, v.Driver, v.Options);
  } catch (err) {
    // A volume that does not exist yet is made by the create, plain, with the local driver.
    if (err instanceof AppError && err.code === "NOT_FOUND") return undefined;
    throw err;
  }
}

/**
 * The named volumes of a body that were made with driver options binding a host path or device
 * (`docker volume create -o type=none -o o=bind -o device=/`): mounting one is a bind mount by
 * another name. Reads each volume once; creates and changes nothing.
 */
export async function hostBackedVolumes(host: HostConnection, config: unknown): Promise<HostAccessSetting[]> {
  const refs = namedVolumes(config);
  const names = [...new Set(refs.map((r) => r.name))];
  const reasons = new Map(
    await Promise.all(names.map(async (n) => [n, await volumeReason(host, n)] as const)),
  );
  return refs.flatMap((r) => {
    const reason = reasons.get(r.name);
    return reason ? [{ field: r.field, reason }] : [];
  });
}
