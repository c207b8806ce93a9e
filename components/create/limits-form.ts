import { LIMIT_EDITORS, requestFor } from "@/components/quotas/limit-fields";
import type { ContainerLimits } from "@/lib/quotas";

/** The quota editor's fields minus the restart policy, which the form shows on its own. */
export const CREATE_LIMITS = LIMIT_EDITORS.filter((f) => f.key !== "restartPolicy");

/** What each limit input shows for a spec's limits; empty when not set. */
export function limitTexts(limits: Partial<ContainerLimits>): Record<string, string> {
  const full: ContainerLimits = {
    cpuShares: 0,
    nanoCpus: 0,
    cpuQuota: 0,
    cpuPeriod: 0,
    cpusetCpus: "",
    cpusetMems: "",
    memory: 0,
    memoryReservation: 0,
    memorySwap: 0,
    oomKillDisable: false,
    pidsLimit: 0,
    blkioWeight: 0,
    blkioDeviceReadBps: [],
    blkioDeviceWriteBps: [],
    blkioDeviceReadIOps: [],
    blkioDeviceWriteIOps: [],
    restartPolicy: { name: "no", maximumRetryCount: 0 },
    ...limits,
  };
  const out: Record<string, string> = {};
  for (const f of CREATE_LIMITS) {
    const set =
      f.key === "cpus"
        ? full.nanoCpus > 0 || full.cpuQuota > 0
        : (limits as Record<string, unknown>)[f.field] !== undefined &&
          (limits as Record<string, unknown>)[f.field] !== 0 &&
          (limits as Record<string, unknown>)[f.field] !== "";
    out[f.key] = set ? f.show(full) : "";
  }
  return out;
}

/**
 * The limits typed in the form, checked as the live editor checks them: the first problem as
 * "label: reason", or the limits that are set. Empty inputs mean "not set".
 */
export function limitsFromTexts(
  texts: Record<string, string>,
  base: Partial<ContainerLimits> = {},
): Partial<ContainerLimits> | string {
  // Keep what the form does not edit (CPU quota/period, device rates), drop what it does.
  const out: Record<string, unknown> = { ...base };
  for (const f of CREATE_LIMITS) delete out[f.field];
  for (const f of CREATE_LIMITS) {
    const t = texts[f.key]?.trim() ?? "";
    if (!t) continue;
    // A quota-based CPU limit read from an existing container stays unless the CPUs input is edited.
    if (f.key === "cpus" && base.cpuQuota && t.endsWith("(quota)")) continue;
    const req = requestFor(f, t);
    if (typeof req === "string") return req;
    Object.assign(out, req);
  }
  if (texts.cpus?.trim() && !texts.cpus.trim().endsWith("(quota)")) {
    delete out.cpuQuota;
    delete out.cpuPeriod;
  }
  return out;
}
