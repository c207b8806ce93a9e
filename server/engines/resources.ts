import type { ResourcesRequest } from "../../lib/schemas";
import type { ContainerLimits, LimitField, ResourcesResult } from "../../lib/quotas";
import { ENGINE_LIMIT_KEY, LIMIT_FIELDS, readLimits } from "../../lib/quotas";
import { parseCpuset } from "../../lib/units";
import { inspectContainer } from "./containers";
import { engineInfo } from "./docker-client";
import { dial, OK } from "./engine-dial";
import type { ContainerUpdate } from "./engine-types";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { fieldError } from "../../lib/parse";

/** The request's names mapped to the engine's HostConfig names. */
const ENGINE_KEY = {
  ...ENGINE_LIMIT_KEY,
  restartPolicy: "RestartPolicy",
} as const satisfies Record<LimitField, string>;

/** The limits with a plain value (a number or a cpuset string); the restart policy has a shape of its own. */
const PLAIN_FIELDS = LIMIT_FIELDS.filter(
  (f): f is Exclude<LimitField, "restartPolicy"> => f !== "restartPolicy",
);

export function toEngineUpdate(req: ResourcesRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of PLAIN_FIELDS) {
    const v = req[field];
    if (v !== undefined) body[ENGINE_KEY[field]] = v;
  }
  if (req.restartPolicy) {
    body[ENGINE_KEY.restartPolicy] = {
      Name: req.restartPolicy.name,
      MaximumRetryCount: req.restartPolicy.maximumRetryCount ?? 0,
    };
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
  for (const field of PLAIN_FIELDS) {
    const want = req[field];
    if (want === undefined) continue;
    const got = after[field];
    // Any pids limit of 0 or less is "unlimited", however the engine writes it back.
    const unlimited = field === "pidsLimit" && Number(want) <= 0 && Number(got) <= 0;
    if (want !== got && !unlimited) out.push({ field, requested: want, actual: got });
  }
  if (req.restartPolicy && !samePolicy(req.restartPolicy, after.restartPolicy)) {
    out.push({ field: "restartPolicy", requested: req.restartPolicy, actual: after.restartPolicy });
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
      throw fieldError("cpusetCpus", `CPU ${missing.join(", ")} does not exist on this host (0-${ncpu - 1})`);
    }
  }
  if (req.nanoCpus !== undefined && ncpu > 0 && req.nanoCpus > ncpu * 1e9) {
    throw fieldError("nanoCpus", `this host has only ${ncpu} CPUs`);
  }
}

const inspectHostConfig = async (host: HostConnection, id: string) =>
  (await inspectContainer(host, id)).inspect.HostConfig ?? {};

/** The engine's update call with the request's limits as its body. */
const updateContainer = (host: HostConnection, id: string, req: ResourcesRequest, abortSignal: AbortSignal) =>
  dial<ContainerUpdate>(host, {
    path: `/containers/${encodeURIComponent(id)}/update`,
    method: "POST",
    options: toEngineUpdate(req),
    abortSignal,
    statusCodes: OK,
  });

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
    const res = await engineCall(
      host,
      (abortSignal) => updateContainer(host, id, req, abortSignal),
      ACTION_TIMEOUT_MS,
    );
    warnings = [...warnings, ...(res?.Warnings ?? [])];
  } catch (err) {
    const now = readLimits(await inspectHostConfig(host, id));
    const changed = LIMIT_FIELDS.filter(
      (f) => req[f] !== undefined && JSON.stringify(now[f]) !== JSON.stringify(before[f]),
    );
    if (changed.length) {
      const restore: ResourcesRequest = Object.fromEntries(changed.map((f) => [f, before[f]]));
      // Best effort: the engine's own error below is what the caller needs to see.
      await engineCall(host, (abortSignal) => updateContainer(host, id, restore, abortSignal)).catch(
        () => undefined,
      );
    }
    throw err;
  }
  const after = readLimits(await inspectHostConfig(host, id));
  return { before, applied: after, warnings, notApplied: notApplied(req, after) };
}
