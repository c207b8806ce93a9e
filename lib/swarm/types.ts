/** What Wharf says about swarm objects: the shapes of the REST answers and the socket events. */

export const SWARM_LOCAL_STATES = ["inactive", "pending", "active", "error", "locked"] as const;
export type SwarmLocalState = (typeof SWARM_LOCAL_STATES)[number];

/** A host's place in a swarm, read from the engine's `/info` (on the host's answer as `swarm`). */
export interface HostSwarm {
  state: SwarmLocalState;
  /** This engine is a manager that can answer for the cluster (`ControlAvailable`). */
  manager: boolean;
  clusterId?: string;
  nodeId?: string;
  nodeAddr?: string;
  managers?: number;
  nodes?: number;
  /** Addresses of the managers this node knows (`RemoteManagers`). */
  remoteManagers?: string[];
  error?: string;
}

export interface SwarmCluster extends HostSwarm {
  createdAt?: string;
  updatedAt?: string;
  /** Task history kept per slot (`Orchestration.TaskHistoryRetentionLimit`). */
  taskHistoryLimit?: number;
}

export const NODE_ROLES = ["manager", "worker"] as const;
export type NodeRole = (typeof NODE_ROLES)[number];
export const NODE_AVAILABILITIES = ["active", "pause", "drain"] as const;
export type NodeAvailability = (typeof NODE_AVAILABILITIES)[number];

export interface SwarmNode {
  id: string;
  /** The object version: an update names it, so a change made meanwhile is not overwritten. */
  version: number;
  hostname: string;
  role: NodeRole;
  availability: NodeAvailability;
  /** ready, down, unknown or disconnected. */
  status: string;
  message?: string;
  addr?: string;
  leader?: boolean;
  /** For managers: reachable, unreachable or unknown. */
  reachability?: string;
  managerAddr?: string;
  engineVersion?: string;
  os?: string;
  arch?: string;
  nanoCpus?: number;
  memoryBytes?: number;
  labels: Record<string, string>;
  engineLabels: Record<string, string>;
  /** Tasks meant to run on the node now (desired state running). */
  runningTasks: number;
  createdAt?: string;
  updatedAt?: string;
}

export const SERVICE_MODES = ["replicated", "global", "replicated-job", "global-job"] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const FAILURE_ACTIONS = ["pause", "continue", "rollback"] as const;
export type FailureAction = (typeof FAILURE_ACTIONS)[number];
export const UPDATE_ORDERS = ["stop-first", "start-first"] as const;
export type UpdateOrder = (typeof UPDATE_ORDERS)[number];

/** An update or rollback policy; durations as Go durations ("10s", "1m30s"). */
export interface UpdatePolicy {
  parallelism: number;
  delay: string;
  failureAction: FailureAction;
  monitor: string;
  maxFailureRatio: number;
  order: UpdateOrder;
}

/** CPUs in nano-CPUs (1e9 a CPU) and memory in bytes, as the engine counts them. */
export interface ServiceResourceSet {
  nanoCpus?: number;
  memoryBytes?: number;
}

/** What a service's tasks may use at most (limits) and what a node must have free for one (reservations). */
export interface ServiceResources {
  limits?: ServiceResourceSet;
  reservations?: ServiceResourceSet;
}

export interface ServicePort {
  protocol: "tcp" | "udp" | "sctp";
  target: number;
  published?: number;
  mode: "ingress" | "host";
}

export interface ServiceUpdateStatus {
  /** updating, paused, completed, rollback_started, rollback_paused or rollback_completed. */
  state: string;
  message?: string;
  startedAt?: string;
  completedAt?: string;
  /**
   * Why the update was rolled back or paused, as the engine said while it happened ("update rolled
   * back due to failure or early termination of task …"); the engine's own message ends as
   * "rollback completed". When Wharf's follow missed that window, the failed task that set the
   * rollback off ("rolled back after task … failed: …"). Known when Wharf followed the update.
   */
  cause?: string;
}

export interface SwarmService {
  id: string;
  version: number;
  name: string;
  mode: ServiceMode;
  /** Desired replicas (replicated) or the count the engine reports as desired (global). */
  replicas: number;
  running: number;
  image: string;
  command?: string[];
  args?: string[];
  env: string[];
  labels: Record<string, string>;
  ports: ServicePort[];
  constraints: string[];
  /** Spread preferences, by the label or attribute they spread over. */
  preferences: string[];
  maxReplicasPerNode?: number;
  /** Absent when the service sets neither limits nor reservations. */
  resources?: ServiceResources;
  updateConfig?: UpdatePolicy;
  rollbackConfig?: UpdatePolicy;
  updateStatus?: ServiceUpdateStatus;
  /** Whether the engine holds a previous spec to roll back to. */
  canRollback: boolean;
  configs: { name: string; id: string; target: string }[];
  secrets: { name: string; id: string; target: string }[];
  createdAt?: string;
  updatedAt?: string;
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  serviceName?: string;
  /** `name.slot` for replicated tasks, `name.nodeId` for global ones, as `docker service ps` shows. */
  name: string;
  slot?: number;
  nodeId?: string;
  image?: string;
  desiredState: string;
  state: string;
  message?: string;
  error?: string;
  exitCode?: number;
  containerId?: string;
  /** When the task reached its current state. */
  at?: string;
  createdAt?: string;
  /** The service spec version the task was made for. */
  specVersion?: number;
}

export interface SwarmConfig {
  id: string;
  version: number;
  name: string;
  labels: Record<string, string>;
  createdAt?: string;
  updatedAt?: string;
  /** A config's content is not secret: it is returned as text. */
  data: string;
}

/** A secret as listed: its value is write-only and never leaves the engine again. */
export interface SwarmSecret {
  id: string;
  version: number;
  name: string;
  labels: Record<string, string>;
  createdAt?: string;
  updatedAt?: string;
  driver?: string;
}

export const SWARM_EVENT_TYPES = ["service", "node", "config", "secret"] as const;
export type SwarmEventType = (typeof SWARM_EVENT_TYPES)[number];

/** A change to a swarm object, from the engine's event stream of a manager host. */
export interface SwarmEvent {
  hostId: string;
  type: SwarmEventType;
  /** create, update or remove. */
  action: string;
  id: string;
  name?: string;
  /** For services: the update state after the change, when the engine says it. */
  updateState?: string;
  /** Engine time, epoch ms. */
  time?: number;
}

/** One task moving from one state to another, as Wharf saw it while a service was updating. */
export interface SwarmTaskTransition {
  hostId: string;
  serviceId: string;
  taskId: string;
  slot?: number;
  nodeId?: string;
  /** Absent for a task seen for the first time. */
  from?: string;
  to: string;
  desiredState: string;
  message?: string;
  error?: string;
  /** The service's update state when this was seen. */
  updateState?: string;
  /** Epoch ms when Wharf saw it. */
  at: number;
}

export interface SwarmWatched {
  swarm: HostSwarm | null;
}
