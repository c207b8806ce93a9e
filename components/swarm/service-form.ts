import { joinArgs, splitArgs } from "@/components/create/argv";
import { fieldProblem } from "@/components/ui/form-check";
import type { z } from "zod";
import { parseByteSize } from "@/lib/compose/units";
import type { serviceCreateSchema, serviceUpdateSchema } from "@/lib/swarm/schemas";
import type {
  FailureAction,
  ServiceResources,
  ServiceResourceSet,
  SwarmService,
  UpdateOrder,
  UpdatePolicy,
} from "@/lib/swarm/types";
import { parseCpus } from "@/lib/units";

/** Request bodies as sent: durations stay Go durations ("10s"); the server turns them into nanoseconds. */
export type ServiceCreateBody = z.input<typeof serviceCreateSchema>;
export type ServiceUpdateBody = z.input<typeof serviceUpdateSchema>;

/** The modes the create form makes; job services are listed but made with the CLI. */
export const CREATE_MODES = ["replicated", "global"] as const;
export type CreateMode = (typeof CREATE_MODES)[number];

/** An update or rollback policy as typed; a blank monitor or failure ratio leaves the engine's value. */
export interface PolicyDraft {
  parallelism: string;
  delay: string;
  failureAction: FailureAction;
  /** A Go duration ("5s"): how long each new task is watched for failing. */
  monitor: string;
  /** 0 to 1: the share of tasks that may fail before the failure action. */
  maxFailureRatio: string;
  order: UpdateOrder;
}

/** Limits and reservations as typed: CPUs as a decimal ("0.5"), memory as "64M", "1.5G" or bytes. */
export interface ResourcesDraft {
  cpuLimit: string;
  memoryLimit: string;
  cpuReservation: string;
  memoryReservation: string;
}

export const DEFAULT_POLICY: PolicyDraft = {
  parallelism: "1",
  delay: "0s",
  failureAction: "pause",
  monitor: "",
  maxFailureRatio: "",
  order: "stop-first",
};

export const NO_RESOURCES: ResourcesDraft = {
  cpuLimit: "",
  memoryLimit: "",
  cpuReservation: "",
  memoryReservation: "",
};

/** The service form as typed: every field a string, turned into the request body on submit. */
export interface ServiceDraft extends PolicyDraft, ResourcesDraft {
  name: string;
  image: string;
  command: string;
  mode: CreateMode;
  /** Only for a replicated service: a global one runs one task on every node that fits. */
  replicas: string;
  /** One `key=value` a line. */
  labels: string;
  /** One `KEY=value` a line. */
  env: string;
}

export const EMPTY_DRAFT: ServiceDraft = {
  name: "",
  image: "",
  command: "",
  mode: "replicated",
  replicas: "1",
  labels: "",
  env: "",
  ...DEFAULT_POLICY,
  ...NO_RESOURCES,
};

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** `key=value` lines as a record; a line without "=" is a label with an empty value, as the CLI takes it. */
export function labelsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines(text)) {
    const eq = l.indexOf("=");
    if (eq < 0) out[l] = "";
    else out[l.slice(0, eq)] = l.slice(eq + 1);
  }
  return out;
}

export const labelsText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");

/** Numbers as typed; a blank or a non-number goes to the server as it is, for its own message. */
const numberOf = (text: string): number | string => {
  const t = text.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
};

/** The command as an argument vector, or an error that names the field. */
function commandOf(text: string): string[] | undefined {
  if (!text.trim()) return undefined;
  const argv = splitArgs(text);
  if (typeof argv === "string") throw fieldProblem("command", argv);
  return argv;
}

/** The policy as sent; a blank monitor or failure ratio is left out, so the engine keeps its own. */
export function policyOf(d: PolicyDraft) {
  const monitor = d.monitor.trim();
  const ratio = d.maxFailureRatio.trim();
  return {
    parallelism: numberOf(d.parallelism),
    delay: d.delay.trim() || "0s",
    failureAction: d.failureAction,
    ...(monitor ? { monitor } : {}),
    ...(ratio ? { maxFailureRatio: numberOf(ratio) } : {}),
    order: d.order,
  };
}

const policyDraftOf = (p: UpdatePolicy | undefined): PolicyDraft =>
  p
    ? {
        parallelism: String(p.parallelism),
        delay: p.delay,
        failureAction: p.failureAction,
        monitor: p.monitor,
        maxFailureRatio: String(p.maxFailureRatio),
        order: p.order,
      }
    : DEFAULT_POLICY;

/** Reasons for a value the form cannot read; the forms say them in the user's language. */
export const RESOURCE_REASONS = {
  notCpus: 'must be a number of CPUs such as "0.5"',
  notSize: 'must be a size such as "64M", "1.5G" or a number of bytes',
} as const;

const RESOURCE_FIELDS = [
  ["limits", "cpuLimit", "memoryLimit"],
  ["reservations", "cpuReservation", "memoryReservation"],
] as const;

function resourceSetOf(
  kind: "limits" | "reservations",
  cpus: string,
  memory: string,
): ServiceResourceSet | undefined {
  const out: ServiceResourceSet = {};
  if (cpus.trim()) {
    const n = parseCpus(cpus);
    if (n === undefined) throw fieldProblem(`resources.${kind}.nanoCpus`, RESOURCE_REASONS.notCpus);
    out.nanoCpus = n;
  }
  if (memory.trim()) {
    const n = parseByteSize(memory);
    if (n === undefined) throw fieldProblem(`resources.${kind}.memoryBytes`, RESOURCE_REASONS.notSize);
    out.memoryBytes = n;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Limits and reservations as sent, or an error naming the field that is not a number or a size. */
export function resourcesOf(d: ResourcesDraft): ServiceResources {
  const out: ServiceResources = {};
  for (const [kind, cpus, memory] of RESOURCE_FIELDS) {
    const set = resourceSetOf(kind, d[cpus], d[memory]);
    if (set) out[kind] = set;
  }
  return out;
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** Bytes in the largest unit that says them exactly ("64M", "2G"), else as bytes. */
function sizeText(bytes: number | undefined): string {
  if (!bytes) return "";
  for (const [unit, size] of [
    ["G", GIB],
    ["M", MIB],
    ["K", 1024],
  ] as const)
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  return String(bytes);
}

const cpusText = (nanoCpus: number | undefined) => (nanoCpus ? String(nanoCpus / 1e9) : "");

export function resourcesDraftOf(r: ServiceResources | undefined): ResourcesDraft {
  return {
    cpuLimit: cpusText(r?.limits?.nanoCpus),
    memoryLimit: sizeText(r?.limits?.memoryBytes),
    cpuReservation: cpusText(r?.reservations?.nanoCpus),
    memoryReservation: sizeText(r?.reservations?.memoryBytes),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The create body; the server's schema checks it (its reasons are shown beside the fields). */
export function createBody(d: ServiceDraft): ServiceCreateBody {
  const command = commandOf(d.command);
  const env = lines(d.env);
  const labels = labelsOf(d.labels);
  const resources = resourcesOf(d);
  return {
    name: d.name.trim(),
    image: d.image.trim(),
    // The server refuses replicas on a global service, so a count typed before switching is dropped.
    ...(d.mode === "global" ? { mode: "global" } : { mode: "replicated", replicas: numberOf(d.replicas) }),
    ...(command ? { command } : {}),
    ...(env.length ? { env } : {}),
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(Object.keys(resources).length ? { resources } : {}),
    updateConfig: policyOf(d),
  } as ServiceCreateBody;
}

/**
 * What a rolling update may change from the detail page: image, command, env, limits and
 * reservations, the update policy it rolls out by and the rollback policy.
 */
export interface UpdateDraft extends PolicyDraft, ResourcesDraft {
  image: string;
  command: string;
  env: string;
  rollback: PolicyDraft;
}

export function updateDraftOf(s: SwarmService): UpdateDraft {
  return {
    image: s.image,
    command: joinArgs(s.command ?? []),
    env: s.env.join("\n"),
    ...policyDraftOf(s.updateConfig),
    ...resourcesDraftOf(s.resources),
    rollback: policyDraftOf(s.rollbackConfig),
  };
}

/**
 * The update body, at the version read: a change made meanwhile is refused, not overwritten. The
 * update policy is always sent, as the rollout runs by it; resources and the rollback policy only
 * when they changed, so an image update writes no policy the service never had, and keeps the
 * resources the form does not show (the engine's pids limit, generic resources). Clearing every
 * limit and reservation sends `resources: {}`, which removes them.
 */
export function updateBody(d: UpdateDraft, s: SwarmService): ServiceUpdateBody {
  const held = updateDraftOf(s);
  const resources = resourcesOf(d);
  const rollbackConfig = policyOf(d.rollback);
  return {
    version: s.version,
    image: d.image.trim(),
    command: commandOf(d.command) ?? [],
    env: lines(d.env),
    ...(same(resources, resourcesOf(held)) ? {} : { resources }),
    updateConfig: policyOf(d),
    ...(same(rollbackConfig, policyOf(held.rollback)) ? {} : { rollbackConfig }),
  } as ServiceUpdateBody;
}
