import type { ContainerState } from "../types";

/** compose's own labels: how Wharf and the compose CLI alike find a project's objects. */
export const COMPOSE_LABELS = {
  project: "com.docker.compose.project",
  service: "com.docker.compose.service",
  number: "com.docker.compose.container-number",
  oneoff: "com.docker.compose.oneoff",
  configHash: "com.docker.compose.config-hash",
  workingDir: "com.docker.compose.project.working_dir",
  configFiles: "com.docker.compose.project.config_files",
  version: "com.docker.compose.version",
  network: "com.docker.compose.network",
  volume: "com.docker.compose.volume",
  dependsOn: "com.docker.compose.depends_on",
  image: "com.docker.compose.image",
} as const;

/** running: every container runs; partial: some do; stopped: none do; down: files kept, no containers. */
export const STACK_STATES = ["running", "partial", "stopped", "down"] as const;
export type StackState = (typeof STACK_STATES)[number];

/** wharf: Wharf keeps its files; cli: known only by its containers' labels (made elsewhere). */
export type StackSource = "wharf" | "cli";

export interface StackSummary {
  hostId: string;
  name: string;
  /** Services with at least one container, or declared in the stored file. */
  services: number;
  /** Running containers over all services. */
  running: number;
  containers: number;
  state: StackState;
  source: StackSource;
  /** Set for a stack of swarm services (`docker stack deploy` semantics); `containers` and
   * `running` then count the services' tasks wanted and running. */
  orchestrator?: "swarm";
  /** The last deploy (or the last stored revision when never deployed), epoch ms. */
  updatedAt?: number;
  updatedBy?: string;
}

export interface StackList {
  items: StackSummary[];
  errors?: { hostId: string; code: string; message: string }[];
}

export interface StackContainer {
  id: string;
  name: string;
  number: number;
  state: ContainerState;
  status: string;
  image: string;
}

export interface StackService {
  name: string;
  image?: string;
  /** Replicas the stored file asks for; absent for a service the file does not declare. */
  desired?: number;
  containers: StackContainer[];
  /** A swarm stack's service: its engine id and name, and its tasks running and wanted. */
  swarm?: { id: string; name: string; mode: "replicated" | "global"; running: number; desired: number };
}

export interface StackRevisionInfo {
  revision: number;
  message: string;
  author: string;
  at: number;
  /** The last time a deploy of this revision ended well, and who ran it. */
  deployedAt?: number;
  deployedBy?: string;
}

export interface StackRevision extends StackRevisionInfo {
  compose: string;
  /** The `.env` text; values are left out (`KEY=…`) for a caller who may not change the stack. */
  env: string;
}

export interface StackDetail {
  summary: StackSummary;
  services: StackService[];
  /** The current stored revision; absent for a stack Wharf keeps no files for. */
  current?: StackRevision;
  workingDir?: string;
  configFiles?: string[];
}

/** `update` is a swarm service changed in place (the swarm rolls its tasks over by its update policy). */
export const PLAN_ACTIONS = ["create", "recreate", "update", "keep", "remove", "start", "restart"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanStep {
  service: string;
  action: PlanAction;
  /** The container's name (to be made, or as it is). */
  container: string;
  containerId?: string;
  /** Why, in plain words: the fields that differ, "new service", "orphan", "scaled down"… */
  reason: string;
}

export interface PlanObject {
  /** Configs and secrets are a swarm stack's. */
  kind: "network" | "volume" | "config" | "secret";
  name: string;
  action: "create" | "keep" | "external";
}

export interface StackPlan {
  project: string;
  steps: PlanStep[];
  objects: PlanObject[];
  /** Images the host lacks; deploy pulls them first. */
  pulls: string[];
  /** Services whose image deploy builds first from the stack's files (the host lacks it). */
  builds: string[];
  warnings: string[];
  /** Set when the file was a version-1 file, converted before planning. */
  converted?: { compose: string; changes: string[] };
  /** Set for a swarm stack: each step is a swarm service, named in `container`. */
  orchestrator?: "swarm";
}

export const STACK_OPERATIONS = ["deploy", "stop", "start", "restart", "pull", "down"] as const;
export type StackOperation = (typeof STACK_OPERATIONS)[number];

/** What each service came to in a stack job. */
export interface StackServiceProgress {
  service: string;
  state: "waiting" | "working" | "done" | "failed" | "restored" | "skipped";
  /** The step under way or how it ended ("pulling", "creating web-1", "kept the old container running"…). */
  detail: string;
}
