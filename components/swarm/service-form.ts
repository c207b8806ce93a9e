import { joinArgs, splitArgs } from "@/components/create/argv";
import { fieldProblem } from "@/components/ui/form-check";
import type { z } from "zod";
import type { serviceCreateSchema, serviceUpdateSchema } from "@/lib/swarm/schemas";
import type { FailureAction, SwarmService, UpdateOrder } from "@/lib/swarm/types";

/** Request bodies as sent: durations stay Go durations ("10s"); the server turns them into nanoseconds. */
export type ServiceCreateBody = z.input<typeof serviceCreateSchema>;
export type ServiceUpdateBody = z.input<typeof serviceUpdateSchema>;

/** The modes the create form makes; job services are listed but made with the CLI. */
export const CREATE_MODES = ["replicated", "global"] as const;
export type CreateMode = (typeof CREATE_MODES)[number];

/** The service form as typed: every field a string, turned into the request body on submit. */
export interface ServiceDraft {
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
  parallelism: string;
  delay: string;
  failureAction: FailureAction;
  order: UpdateOrder;
}

export const EMPTY_DRAFT: ServiceDraft = {
  name: "",
  image: "",
  command: "",
  mode: "replicated",
  replicas: "1",
  labels: "",
  env: "",
  parallelism: "1",
  delay: "0s",
  failureAction: "pause",
  order: "stop-first",
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

function policyOf(d: ServiceDraft) {
  return {
    parallelism: numberOf(d.parallelism),
    delay: d.delay.trim() || "0s",
    failureAction: d.failureAction,
    order: d.order,
  };
}

/** The create body; the server's schema checks it (its reasons are shown beside the fields). */
export function createBody(d: ServiceDraft): ServiceCreateBody {
  const command = commandOf(d.command);
  const env = lines(d.env);
  const labels = labelsOf(d.labels);
  return {
    name: d.name.trim(),
    image: d.image.trim(),
    // The server refuses replicas on a global service, so a count typed before switching is dropped.
    ...(d.mode === "global" ? { mode: "global" } : { mode: "replicated", replicas: numberOf(d.replicas) }),
    ...(command ? { command } : {}),
    ...(env.length ? { env } : {}),
    ...(Object.keys(labels).length ? { labels } : {}),
    updateConfig: policyOf(d),
  } as ServiceCreateBody;
}

/** What a rolling update may change from the detail page: image, command, env and the update policy. */
export interface UpdateDraft {
  image: string;
  command: string;
  env: string;
  parallelism: string;
  delay: string;
  failureAction: FailureAction;
  order: UpdateOrder;
}

export function updateDraftOf(s: SwarmService): UpdateDraft {
  return {
    image: s.image,
    command: joinArgs(s.command ?? []),
    env: s.env.join("\n"),
    parallelism: String(s.updateConfig?.parallelism ?? 1),
    delay: s.updateConfig?.delay ?? "0s",
    failureAction: s.updateConfig?.failureAction ?? "pause",
    order: s.updateConfig?.order ?? "stop-first",
  };
}

/** The update body, at the version read: a change made meanwhile is refused, not overwritten. */
export function updateBody(d: UpdateDraft, s: SwarmService): ServiceUpdateBody {
  return {
    version: s.version,
    image: d.image.trim(),
    command: commandOf(d.command) ?? [],
    env: lines(d.env),
    updateConfig: policyOf({ ...EMPTY_DRAFT, ...d }),
  } as ServiceUpdateBody;
}
