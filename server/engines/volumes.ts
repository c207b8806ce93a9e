import { AppError } from "../../lib/errors";
import type { PruneFilters, VolumePruneResult, VolumeSummary } from "../../lib/volumes";
import { listContainerItems } from "./containers";
import { readDiskUsage } from "./disk-usage";
import { ACTION_TIMEOUT_MS, READ_TIMEOUT_MS, engineCall } from "./engine-call";
import { dial, OK } from "./engine-dial";
import type { VolumeList, VolumePrune } from "./engine-types";
import type { HostConnection } from "./host-connection";
import {
  createDifferences,
  engineSizes,
  mountCounts,
  toVolumeSummary,
  volumeUsageByName,
  volumeUsers,
  type RawVolume,
  type VolumeUsage,
} from "./volumes-usage";

export type LabelCheck = (labels: Record<string, string>) => boolean;
const everything: LabelCheck = () => true;

/** Prune's `all` filter arrived with API 1.42; before it, the engine prunes named volumes too. */
export function pruneCoversNamed(apiVersion: string | undefined): boolean {
  const [major = 0, minor = 0] = (apiVersion ?? "0.0").split(".").map(Number);
  return major === 1 && minor < 42;
}

/** A failure to read disk usage leaves sizes unknown (-1) and says why, rather than failing the list. */
async function readUsage(host: HostConnection) {
  try {
    const df = await readDiskUsage(host, READ_TIMEOUT_MS);
    return { usage: volumeUsageByName(df.Volumes), warning: undefined };
  } catch (err) {
    const message = err instanceof AppError ? err.message : String(err);
    return {
      usage: new Map<string, VolumeUsage>(),
      warning: `sizes unknown on ${host.spec.id}: disk usage failed: ${message}`,
    };
  }
}

/** `GET /volumes` of the engine itself; lists go through the host's live memo of it. */
export const fetchVolumeList = (host: HostConnection) =>
  engineCall(host, (abortSignal) =>
    dial<VolumeList>(host, { path: "/volumes?", method: "GET", abortSignal, statusCodes: OK }),
  );

export async function listVolumes(
  host: HostConnection,
  visible: LabelCheck = everything,
): Promise<{ items: VolumeSummary[]; warnings: string[] }> {
  const [list, containers, { usage, warning }] = await Promise.all([
    host.live.volumes.get(),
    listContainerItems(host),
    readUsage(host),
  ]);
  const users = volumeUsers(containers, visible);
  const counts = mountCounts(containers);
  const items = (list.Volumes ?? [])
    .filter((v) => visible(v.Labels ?? {}))
    .map((v) => {
      const name = v.Name ?? "";
      return toVolumeSummary(host.spec.id, v, usage.get(name), users.get(name), counts.get(name) ?? 0);
    });
  return { items, warnings: [...(list.Warnings ?? []), ...(warning ? [warning] : [])] };
}

const inspectRaw = (host: HostConnection, name: string) =>
  engineCall(host, (abortSignal) =>
    dial<RawVolume>(host, {
      path: `/volumes/${encodeURIComponent(name)}?`,
      method: "GET",
      abortSignal,
      statusCodes: OK,
    }),
  );

/** The volume's inspect document, or undefined when the engine has no such volume. */
export async function findRaw(host: HostConnection, name: string): Promise<RawVolume | undefined> {
  try {
    return await inspectRaw(host, name);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return undefined;
    throw err;
  }
}

/** A scope check that costs one inspect: a volume outside `visible` is "no such volume", like a missing one. */
export async function requireVisibleVolume(
  host: HostConnection,
  name: string,
  visible: LabelCheck,
): Promise<void> {
  const raw = await inspectRaw(host, name);
  if (!visible(raw.Labels ?? {})) {
    throw new AppError("NOT_FOUND", `get ${name}: no such volume`, { hostId: host.spec.id });
  }
}

/** One volume with its size and users; a volume outside `visible` is "no such volume", like a missing one. */
export async function getVolume(
  host: HostConnection,
  name: string,
  visible: LabelCheck = everything,
): Promise<VolumeSummary> {
  const raw = await inspectRaw(host, name);
  if (!visible(raw.Labels ?? {})) {
    throw new AppError("NOT_FOUND", `get ${name}: no such volume`, { hostId: host.spec.id });
  }
  const [containers, { usage }] = await Promise.all([listContainerItems(host), readUsage(host)]);
  const users = volumeUsers(containers, visible);
  const key = raw.Name ?? name;
  const mounts = mountCounts(containers).get(key) ?? 0;
  return toVolumeSummary(host.spec.id, raw, usage.get(key), users.get(key), mounts);
}

export interface VolumeCreate {
  Name?: string;
  Driver: string;
  DriverOpts?: Record<string, string>;
  Labels?: Record<string, string>;
}

/**
 * The engine answers a create for an existing name with the existing volume, silently ignoring a
 * different driver's options or labels; Wharf says so instead of pretending it created what was asked.
 */
export async function createVolume(host: HostConnection, body: VolumeCreate): Promise<VolumeSummary> {
  if (body.Name) {
    const existing = await findRaw(host, body.Name);
    if (existing) {
      const diffs = createDifferences(existing, body);
      throw new AppError(
        "CONFLICT",
        diffs.length
          ? `volume "${body.Name}" already exists on ${host.spec.id} with a different ${diffs.join(", ")}; the engine would keep the existing one unchanged`
          : `volume "${body.Name}" already exists on ${host.spec.id}`,
        { hostId: host.spec.id, differences: diffs },
      );
    }
  }
  // The engine answers a create with the volume's document.
  const created = await engineCall(
    host,
    (abortSignal) =>
      dial<RawVolume>(host, {
        path: "/volumes/create",
        method: "POST",
        options: { ...body },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );
  return toVolumeSummary(
    host.spec.id,
    created,
    engineSizes(created) ? { size: 0, refCount: 0 } : undefined,
    [],
    0,
  );
}

export const FORCE_NOTE =
  "force does not override this: the engine refuses to remove a volume any container references, running or not, and force only drops a volume whose driver fails to remove it; remove the containers first";

export async function removeVolume(host: HostConnection, name: string, force: boolean): Promise<void> {
  try {
    await engineCall(
      host,
      (abortSignal) => host.docker.getVolume(name).remove({ force, abortSignal }),
      ACTION_TIMEOUT_MS,
    );
  } catch (err) {
    if (force && err instanceof AppError && err.code === "CONFLICT") {
      throw new AppError("CONFLICT", `${err.message} (${FORCE_NOTE})`, err.details);
    }
    throw err;
  }
}

const engineFilters = (filters: PruneFilters | undefined, extra: Record<string, string[]> = {}) => ({
  ...(filters?.label?.length ? { label: filters.label } : {}),
  ...extra,
});

export async function pruneVolumes(
  host: HostConnection,
  opts: { all?: boolean; filters?: PruneFilters },
): Promise<VolumePruneResult> {
  const olderEngine = pruneCoversNamed(host.summary().apiVersion);
  if (olderEngine && !opts.all) {
    throw new AppError(
      "VALIDATION",
      `all: this engine (API ${host.summary().apiVersion}) prunes named volumes too and cannot limit a prune to anonymous volumes; send all: true to remove every unused volume`,
      { hostId: host.spec.id },
    );
  }
  const filters = engineFilters(opts.filters, !olderEngine && opts.all ? { all: ["true"] } : {});
  const r = await engineCall(
    host,
    (abortSignal) =>
      dial<VolumePrune>(host, {
        path: "/volumes/prune?",
        method: "POST",
        options: { filters: JSON.stringify(filters) },
        abortSignal,
        statusCodes: OK,
      }),
    ACTION_TIMEOUT_MS,
  );
  return {
    deleted: r.VolumesDeleted ?? [],
    spaceReclaimed: r.SpaceReclaimed ?? 0,
    covered: olderEngine || opts.all ? "all-unused" : "anonymous",
  };
}

export { engineFilters };
