import {
  LIMIT_EDITORS,
  requestFor,
  type LimitKey,
  type QuotasT,
  type Shown,
} from "@/components/quotas/limit-fields";
import type { ContainerLimits } from "@/lib/quotas";

/** The quota editor's fields minus the restart policy, which the form shows on its own. */
export const CREATE_LIMITS = LIMIT_EDITORS.filter((f) => f.key !== "restartPolicy");

/** Marks a CPU limit read as quota/period: kept as it is unless the input is edited. */
const QUOTA_MARK = " (quota)";

/**
 * A limit as its input holds it: what the parser reads back. Words stay as the parser knows them
 * (`unlimited`), like a value typed on the command line.
 */
const inputText = (s: Shown) => ("word" in s ? s.word : s.quota ? `${s.value}${QUOTA_MARK}` : s.value);

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
    out[f.key] = set ? inputText(f.shown(full)) : "";
  }
  return out;
}

/** The first limit the form cannot send: which one, and why, in the quota editor's words. */
export interface LimitProblem {
  limit: LimitKey;
  message: string;
}

export const isLimitProblem = (r: Partial<ContainerLimits> | LimitProblem): r is LimitProblem =>
  "limit" in r && "message" in r;

/**
 * The limits typed in the form, checked as the live editor checks them: the first problem, or the
 * limits that are set. Empty inputs mean "not set".
 */
export function limitsFromTexts(
  texts: Record<string, string>,
  base: Partial<ContainerLimits>,
  t: QuotasT,
): Partial<ContainerLimits> | LimitProblem {
  // Keep what the form does not edit (CPU quota/period, device rates), drop what it does.
  const out: Record<string, unknown> = { ...base };
  for (const f of CREATE_LIMITS) delete out[f.field];
  for (const f of CREATE_LIMITS) {
    const text = texts[f.key]?.trim() ?? "";
    if (!text) continue;
    // A quota-based CPU limit read from an existing container stays unless the CPUs input is edited.
    if (f.key === "cpus" && base.cpuQuota && text.endsWith(QUOTA_MARK.trim())) continue;
    const req = requestFor(f, text, t);
    if (typeof req === "string") return { limit: f.key, message: req };
    Object.assign(out, req);
  }
  if (texts.cpus?.trim() && !texts.cpus.trim().endsWith(QUOTA_MARK.trim())) {
    delete out.cpuQuota;
    delete out.cpuPeriod;
  }
  return out;
}

/** The limit a refused request field is about (`config.HostConfig.Memory` → memory), if any. */
export function limitOfPath(path: string | undefined): LimitKey | undefined {
  const last = path?.split(".").at(-1)?.toLowerCase();
  return last ? CREATE_LIMITS.find((f) => f.field.toLowerCase() === last)?.key : undefined;
}
