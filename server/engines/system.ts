import { isPredefinedNetwork } from "../../lib/networks";
import type {
  DiskUsage,
  PruneKind,
  PruneKindResult,
  PrunePreview,
  SystemInfo,
  SystemPruneResult,
} from "../../lib/system";
import type { PruneFilters } from "../../lib/volumes";
import { engineInfo, engineVersion } from "./docker-client";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import { dial, OK } from "./engine-dial";
import type { BuildPrune, ContainerPrune, ImagePrune, VolumePrune } from "./engine-types";
import { walkDiskUsage } from "./disk-usage";
import type { HostConnection } from "./host-connection";
import { inspectNetworkRaw, listEngineNetworks, pruneNetworks } from "./networks";
import { isIdentifiedNetwork, type RawNetwork } from "./networks-map";
import { toDiskUsage } from "./system-df";
import { planPrune } from "./system-prune-plan";
import { engineFilters, pruneCoversNamed } from "./volumes";
import { ifFound, toAppError } from "../errors";

const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function toSystemInfo(
  hostId: string,
  info: Record<string, unknown>,
  version: Record<string, unknown>,
): SystemInfo {
  const plugins = (info.Plugins ?? {}) as Record<string, unknown>;
  return {
    hostId,
    name: str(info.Name),
    serverVersion: str(info.ServerVersion),
    apiVersion: str(version.ApiVersion),
    ...(version.MinAPIVersion ? { minApiVersion: str(version.MinAPIVersion) } : {}),
    os: str(info.OperatingSystem),
    osType: str(info.OSType),
    kernelVersion: str(info.KernelVersion),
    architecture: str(info.Architecture),
    cpus: num(info.NCPU),
    memoryBytes: num(info.MemTotal),
    cgroupDriver: str(info.CgroupDriver),
    cgroupVersion: str(info.CgroupVersion) || "1",
    storageDriver: str(info.Driver),
    loggingDriver: str(info.LoggingDriver),
    containers: num(info.Containers),
    containersRunning: num(info.ContainersRunning),
    containersPaused: num(info.ContainersPaused),
    containersStopped: num(info.ContainersStopped),
    images: num(info.Images),
    rootDir: str(info.DockerRootDir),
    securityOptions: strs(info.SecurityOptions),
    warnings: strs(info.Warnings),
    swarm: str((info.Swarm as { LocalNodeState?: unknown } | undefined)?.LocalNodeState) || "inactive",
    plugins: Object.fromEntries(Object.entries(plugins).map(([k, v]) => [k, strs(v)])),
    ...(info.SystemTime ? { serverTime: str(info.SystemTime) } : {}),
  };
}

export async function systemInfo(host: HostConnection): Promise<SystemInfo> {
  const [info, version] = await Promise.all([
    engineCall(host, (s) => engineInfo(host.docker, s)),
    engineCall(host, (s) => engineVersion(host.docker, s)),
  ]);
  return toSystemInfo(host.spec.id, info, version as unknown as Record<string, unknown>);
}

const readDf = (host: HostConnection) => walkDiskUsage(host);

export async function diskUsage(host: HostConnection): Promise<DiskUsage> {
  return toDiskUsage(host.spec.id, await readDf(host));
}

export interface PruneOptions {
  images: "dangling" | "all";
  volumes: boolean;
  buildCache: boolean;
  filters?: PruneFilters;
}

/**
 * Networks a prune could remove, with their active endpoints: the list leaves `Containers` empty, so
 * each candidate (never a predefined one) is inspected.
 */
async function networksWithEndpoints(host: HostConnection): Promise<RawNetwork[]> {
  const list = (await listEngineNetworks(host)).filter(isIdentifiedNetwork);
  return Promise.all(
    list
      .filter((n) => !isPredefinedNetwork(n.Name))
      // One removed meanwhile keeps what the list said of it.
      .map(async (n) => (await ifFound(inspectNetworkRaw(host, n.Id))) ?? n),
  );
}

export async function prunePreview(host: HostConnection, opts: PruneOptions): Promise<PrunePreview> {
  const [df, networks] = await Promise.all([readDf(host), networksWithEndpoints(host)]);
  const kinds = planPrune({
    df,
    networks,
    ...opts,
    volumesCoverNamed: pruneCoversNamed(host.summary().apiVersion),
  });
  return {
    hostId: host.spec.id,
    images: opts.images,
    kinds,
    totalSize: Object.values(kinds).reduce((s, k) => s + k.size, 0),
  };
}

type PruneStep = () => Promise<{ deleted: string[]; spaceReclaimed: number; note?: string }>;

async function runStep(step: PruneStep | string): Promise<PruneKindResult> {
  if (typeof step === "string") return { ok: true, ran: false, deleted: [], spaceReclaimed: 0, note: step };
  try {
    return { ok: true, ran: true, ...(await step()) };
  } catch (err) {
    const e = toAppError(err, { log: "[system] prune step" });
    return {
      ok: false,
      ran: true,
      deleted: [],
      spaceReclaimed: 0,
      error: { code: e.code, message: e.message },
    };
  }
}

/**
 * Prunes kind by kind in the CLI's order (containers first, so what they alone used is freed next).
 * Each kind's failure is reported in its own result and does not stop the others.
 */
export async function systemPrune(host: HostConnection, opts: PruneOptions): Promise<SystemPruneResult> {
  const label = engineFilters(opts.filters);
  /** One prune endpoint of the Engine API, its filters in the query as the engine reads them. */
  const prune = <T>(path: string, filters?: Record<string, string[]>) =>
    engineCall(
      host,
      (abortSignal) =>
        dial<T>(host, {
          path: `${path}?`,
          method: "POST",
          ...(filters ? { options: { filters: JSON.stringify(filters) } } : {}),
          abortSignal,
          statusCodes: OK,
        }),
      ACTION_TIMEOUT_MS,
    );
  const coversNamed = pruneCoversNamed(host.summary().apiVersion);
  const steps: Record<PruneKind, PruneStep | string> = {
    containers: async () => {
      const r = await prune<ContainerPrune>("/containers/prune", label);
      return { deleted: r.ContainersDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
    },
    networks: async () => ({ ...(await pruneNetworks(host, opts.filters)), spaceReclaimed: 0 }),
    images: async () => {
      const filters = { ...label, dangling: [opts.images === "dangling" ? "true" : "false"] };
      const r = await prune<ImagePrune>("/images/prune", filters);
      const gone = r.ImagesDeleted ?? [];
      return {
        deleted: gone.flatMap((i) => (i.Deleted ? [i.Deleted] : [])),
        spaceReclaimed: r.SpaceReclaimed ?? 0,
        note: `${gone.filter((i) => i.Untagged).length} tags removed`,
      };
    },
    volumes: !opts.volumes
      ? "volumes are kept unless asked for"
      : async () => {
          const r = await prune<VolumePrune>("/volumes/prune", label);
          return {
            deleted: r.VolumesDeleted ?? [],
            spaceReclaimed: r.SpaceReclaimed ?? 0,
            note: coversNamed ? "every unused local volume, named or anonymous" : "anonymous volumes only",
          };
        },
    buildCache: !opts.buildCache
      ? "build cache is kept unless asked for"
      : opts.filters?.label?.length
        ? "build cache carries no labels, so it is not pruned when a label filter is given"
        : async () => {
            const r = await prune<BuildPrune>("/build/prune");
            return { deleted: r.CachesDeleted ?? [], spaceReclaimed: r.SpaceReclaimed ?? 0 };
          },
  };
  // One after another, in the CLI's order.
  const results: Record<PruneKind, PruneKindResult> = {
    containers: await runStep(steps.containers),
    networks: await runStep(steps.networks),
    images: await runStep(steps.images),
    volumes: await runStep(steps.volumes),
    buildCache: await runStep(steps.buildCache),
  };
  return {
    hostId: host.spec.id,
    results,
    spaceReclaimed: Object.values(results).reduce((s, r) => s + r.spaceReclaimed, 0),
  };
}
