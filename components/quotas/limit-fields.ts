import type { ContainerLimits } from "@/lib/quotas";
import { cpuLimit } from "@/lib/quotas";
import type { ResourcesRequest } from "@/lib/schemas";
import { resourcesSchema } from "@/lib/schemas";
import { formatCpus, formatLimitBytes, parseBytes, parseCpus } from "@/lib/units";

/** One editable limit: how it reads in human units and how an edit becomes a resources request. */
export interface LimitField {
  key: string;
  label: string;
  hint: string;
  show: (l: ContainerLimits) => string;
  /** The request for a typed value, or an error message naming what is wrong. */
  parse: (input: string) => ResourcesRequest | string;
  /** The request field whose read-back decides "applied". */
  field: keyof ResourcesRequest;
}

const unlimited = (s: string) => /^(unlimited|none|-1)$/i.test(s.trim());
const intOf = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : undefined);

function bytesField(key: keyof ResourcesRequest, label: string, allowUnlimited: boolean): LimitField {
  return {
    key,
    label,
    field: key,
    hint: allowUnlimited ? "e.g. 512m, 1.5g, or unlimited" : "e.g. 48m, 512m, 1.5g",
    show: (l) => {
      const v = l[key as keyof ContainerLimits] as number;
      return v === -1 ? "unlimited" : formatLimitBytes(v);
    },
    parse: (s) => {
      if (allowUnlimited && unlimited(s)) return { [key]: -1 };
      const n = parseBytes(s);
      return n === undefined ? `${label}: "${s}" is not a size like 512m or 1.5g` : { [key]: n };
    },
  };
}

export const LIMIT_EDITORS: LimitField[] = [
  {
    key: "cpus",
    label: "CPUs",
    field: "nanoCpus",
    hint: "e.g. 0.5 or 1.5 CPUs",
    show: (l) =>
      l.nanoCpus > 0 ? formatCpus(l.nanoCpus) : l.cpuQuota > 0 ? `${cpuLimit(l)} (quota)` : "unlimited",
    parse: (s) => {
      const n = parseCpus(s);
      return n === undefined ? `CPUs: "${s}" is not a number of CPUs` : { nanoCpus: n };
    },
  },
  {
    key: "cpuShares",
    label: "CPU shares",
    field: "cpuShares",
    hint: "relative weight, 2-262144 (default 1024)",
    show: (l) => (l.cpuShares > 0 ? String(l.cpuShares) : "default"),
    parse: (s) => {
      const n = intOf(s);
      return n === undefined ? `CPU shares: "${s}" is not a whole number` : { cpuShares: n };
    },
  },
  {
    key: "cpusetCpus",
    label: "cpuset CPUs",
    field: "cpusetCpus",
    hint: "e.g. 0-1 or 0,2",
    show: (l) => l.cpusetCpus || "all",
    parse: (s) => ({ cpusetCpus: s.trim() }),
  },
  {
    key: "cpusetMems",
    label: "cpuset mems",
    field: "cpusetMems",
    hint: "NUMA nodes, e.g. 0",
    show: (l) => l.cpusetMems || "all",
    parse: (s) => ({ cpusetMems: s.trim() }),
  },
  bytesField("memory", "Memory", false),
  bytesField("memoryReservation", "Reservation", false),
  bytesField("memorySwap", "Memory+swap", true),
  {
    key: "pidsLimit",
    label: "PIDs",
    field: "pidsLimit",
    hint: "e.g. 64, or unlimited",
    show: (l) => (l.pidsLimit > 0 ? String(l.pidsLimit) : "unlimited"),
    parse: (s) => {
      if (unlimited(s)) return { pidsLimit: -1 };
      const n = intOf(s);
      return n === undefined ? `PIDs: "${s}" is not a whole number` : { pidsLimit: n };
    },
  },
  {
    key: "blkioWeight",
    label: "blkio weight",
    field: "blkioWeight",
    hint: "10-1000 (many kernels discard it)",
    show: (l) => (l.blkioWeight > 0 ? String(l.blkioWeight) : "default"),
    parse: (s) => {
      const n = intOf(s);
      return n === undefined ? `blkio weight: "${s}" is not a whole number` : { blkioWeight: n };
    },
  },
  {
    key: "restartPolicy",
    label: "Restart",
    field: "restartPolicy",
    hint: "no, always, unless-stopped, on-failure[:N]",
    show: (l) =>
      l.restartPolicy.name === "on-failure" && l.restartPolicy.maximumRetryCount
        ? `on-failure:${l.restartPolicy.maximumRetryCount}`
        : l.restartPolicy.name,
    parse: (s) => {
      const m = /^\s*(no|always|unless-stopped|on-failure)(?::(\d+))?\s*$/.exec(s);
      if (!m) return `Restart: "${s}" must be no, always, unless-stopped or on-failure[:N]`;
      const name = m[1] as "no" | "always" | "unless-stopped" | "on-failure";
      return { restartPolicy: { name, ...(m[2] ? { maximumRetryCount: Number(m[2]) } : {}) } };
    },
  },
];

/** Parses and validates an edit exactly as the server will, so the error shows before any call. */
export function requestFor(field: LimitField, input: string): ResourcesRequest | string {
  const parsed = field.parse(input);
  if (typeof parsed === "string") return parsed;
  const checked = resourcesSchema.safeParse(parsed);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  return `${issue?.path.join(".") || field.label}: ${issue?.message ?? "invalid"}`;
}
