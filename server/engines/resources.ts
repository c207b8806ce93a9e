import { AppError } from "../../lib/errors";
import type { ResourcesRequest } from "../../lib/schemas";
import type { ContainerLimits, LimitField, ResourcesResult } from "../../lib/quotas";
import { ENGINE_LIMIT_KEY, LIMIT_FIELDS, readLimits } from "../../lib/quotas";
import { parseCpuset } from "../../lib/units";
import { engineInfo } from "./docker-client";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

type HostConfig = Record<string, unknown>;

/** The request's names mapped to the engine's HostConfig names. */
const ENGINE_KEY = {
  ...ENGINE_LIMIT_KEY,
  restartPolicy: "RestartPolicy",
} as const satisfies Record<LimitField, string>;

export function toEngineUpdate(req: ResourcesRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of LIMIT_FIELDS) {
    const v = req[field];
    if (v === undefined) continue;
    body[ENGINE_KEY[field]] =
      field === "restartPolicy"
        ? {
            Name: (v as ResourcesRequest["restartPolicy"])?.name,
            MaximumRetryCount: (v as ResourcesRequest["restartPolicy"])?.maximumRetryCount ?? 0,
          }
        : v;
  }
  return body;
}

function samePolicy(
  want: NonNullable<ResourcesRequest["restartPolicy"]>,
  got: ContainerLimits["restartPolicy"],
): boolean {
  return want.name === got.name && (want.maximumRetryCount ?? 0) === got.maximumRetryCount;
}

/** Fields whose value read back from the engine differs from what was asked: the kernel or engine discarded them. */
export function notApplied(req: ResourcesRequest, after: ContainerLimits): ResourcesResult["notApplied"] {
  const out: ResourcesResult["notApplied"] = [];
  for (const field of LIMIT_FIELDS) {
    const want = req[field];
    if (want === undefined) continue;
    const got = after[field];
    const same =
      field === "restartPolicy"
        ? samePolicy(
            want as NonNullable<ResourcesRequest["restartPolicy"]>,
            got as ContainerLimits["restartPolicy"],
          )
        : field === "pidsLimit"
          ? (want as number) === got || ((want as number) <= 0 && (got as number) <= 0)
          : want === got;
    if (!same) out.push({ field, requested: want, actual: got });
  }
  return out;
}

async function checkCpuset(host: HostConnection, req: ResourcesRequest): Promise<void> {
  if (req.cpusetCpus === undefined && req.nanoCpus === undefined) return;
  const info = await engineCall(host, (signal) => engineInfo(host.docker, signal));
  const ncpu = Number(info.NCPU ?? 0);
  if (req.cpusetCpus !== undefined) {
    const missing = (parseCpuset(req.cpusetCpus) ?? []).filter((c) => c >= ncpu);
    if (ncpu > 0 && missing.length) {
      throw new AppError(
        "VALIDATION",
        `cpusetCpus: CPU ${missing.join(", ")} does not exist on this host (0-${ncpu - 1})`,
      );
    }
  }
  if (req.nanoCpus !== undefined && ncpu > 0 && req.nanoCpus > ncpu * 1e9) {
    throw new AppError("VALIDATION", `nanoCpus: this host has only ${ncpu} CPUs`);
  }
}

const inspectHostConfig = async (host: HostConnection, id: string) => {
  const info = await engineCall(host, (abortSignal) => host.docker.getContainer(id).inspect({ abortSignal }));
  return info.HostConfig as unknown as HostConfig;
};

/**
 * Applies live limits with the engine's update call and reads them back. A refused update that
 * still changed something (the engine is not transactional across cgroup files) is rolled back.
 */
export async function updateResources(
  host: HostConnection,
  id: string,
  req: ResourcesRequest,
): Promise<ResourcesResult> {
  await checkCpuset(host, req);
  const before = readLimits(await inspectHostConfig(host, id));
  const c = host.docker.getContainer(id);
  let warnings: string[] = [];
  // A first memory limit needs a swap limit too, or the engine refuses; give it docker run's default.
  if (
    req.memory !== undefined &&
    req.memorySwap === undefined &&
    before.memory === 0 &&
    before.memorySwap === 0
  ) {
    req = { ...req, memorySwap: req.memory * 2 };
    warnings.push("memorySwap was unset; set to twice the memory limit, as docker run does");
  }
  try {
    const res = (await engineCall(
      host,
      (abortSignal) => c.update({ ...toEngineUpdate(req), abortSignal }),
      ACTION_TIMEOUT_MS,
    )) as { Warnings?: string[] | null } | undefined;
    warnings = [...warnings, ...(res?.Warnings ?? [])];
  } catch (err) {
    const now = readLimits(await inspectHostConfig(host, id));
    const changed = LIMIT_FIELDS.filter(
      (f) => req[f] !== undefined && JSON.stringify(now[f]) !== JSON.stringify(before[f]),
    );
    if (changed.length) {
      const restore: ResourcesRequest = {};
      for (const f of changed) (restore as Record<string, unknown>)[f] = before[f];
      await engineCall(host, (abortSignal) => c.update({ ...toEngineUpdate(restore), abortSignal })).catch(
        () => undefined,
      );
    }
    throw err;
  }
  const after = readLimits(await inspectHostConfig(host, id));
  return { before, applied: after, warnings, notApplied: notApplied(req, after) };
}
