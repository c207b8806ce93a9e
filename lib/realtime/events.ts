import type { Result } from "../errors";
import type { JobSnapshot, JobUpdate } from "../images/types";
import type { DisabledCapability, EngineIdentity } from "../engine-kind";
import type { ContainerSummary, HostStatus } from "../types";
import type { SwarmEvent, SwarmTaskTransition, SwarmWatched } from "../swarm/types";

export interface HostStatusEvent {
  hostId: string;
  status: HostStatus;
  error?: string;
  engineVersion?: string;
  apiVersion?: string;
  engine?: EngineIdentity;
  disabled?: DisabledCapability[];
}

export interface ContainerEvent {
  hostId: string;
  containerId: string;
  action: string;
  /** Container name without the leading slash, when the engine reports it. */
  name?: string;
  /** Engine time, epoch ms. */
  time?: number;
  /**
   * The container's list row after the change, when the host's live list follows the engine; null
   * when the change removed it. Absent otherwise: the list must then be fetched again.
   */
  container?: ContainerSummary | null;
}

/** Engine object kinds whose changes reach the browser as `engine:event` (containers have their own event). */
export const ENGINE_OBJECT_TYPES = ["volume", "network", "image"] as const;
export type EngineObjectType = (typeof ENGINE_OBJECT_TYPES)[number];

/**
 * A change to a volume (create, mount, unmount, destroy), a network (create, connect, disconnect,
 * destroy) or an image (pull, tag, untag, delete, import, load, push), whoever made it.
 */
export interface EngineObjectEvent {
  hostId: string;
  type: EngineObjectType;
  action: string;
  /** A volume's name, a network's full id, or the image's reference or id as the engine names it. */
  id: string;
  /** A network's name, when the engine says it. */
  name?: string;
  /** For network connect and disconnect: the container's full id. */
  containerId?: string;
  /** Engine time, epoch ms. */
  time?: number;
}

/**
 * An alert opened, counted again, resolved or acknowledged, told to every socket whose scope sees it
 * (as `GET /api/v1/alerts` would list it). The list itself is fetched again: this says only that it moved.
 */
export interface AlertUpdate {
  id: number;
  hostId: string;
  kind: string;
  state: "firing" | "resolved";
  change: "opened" | "again" | "resolved" | "acked";
}

export interface ContainerRef {
  hostId: string;
  containerId: string;
}

export interface StatsSample extends ContainerRef {
  /** Epoch ms. */
  ts: number;
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blkReadBytes: number;
  blkWriteBytes: number;
  pids: number;
  /** Bytes per second since the previous sample; absent on the first sample and after a counter reset. */
  netRxRate?: number;
  netTxRate?: number;
  blkReadRate?: number;
  blkWriteRate?: number;
  /** How the hub collected this sample: the engine's stats stream, or the host's cgroup files directly. */
  mode?: StatsMode;
}

export type StatsMode = "engine" | "local";

export interface StatsSubscribed {
  history: StatsSample[];
  /** The canonical full id: samples carry it, whatever name or prefix the client subscribed with. */
  containerId: string;
  mode: StatsMode;
}

export interface LogLine {
  /** RFC 3339 timestamp from the engine, when asked for. */
  ts?: string;
  stream: "stdout" | "stderr";
  text: string;
}

/**
 * Whose logs: a container, or a swarm service on a manager host (its tasks' lines merged, each named
 * `name.slot.task@node | text` like `docker service logs`). Exactly one of the two.
 */
export interface LogsRef {
  hostId: string;
  /** Full id, id prefix or name. */
  containerId?: string;
  /** A swarm service's full id, id prefix or name; its batches carry `containerId: "service:<full id>"`. */
  serviceId?: string;
}

export interface LogsSubscribe extends LogsRef {
  /** Lines of history before following; every line when unset. */
  tail?: number;
  /** Unix seconds. */
  since?: number;
  /** Unix seconds; the stream ends there. */
  until?: number;
  timestamps?: boolean;
}

export interface LogsSubscribed {
  room: string;
  /** The canonical full id, which every batch of this stream carries (`service:<full id>` for a service). */
  containerId: string;
  name: string;
  tty: boolean;
}

/**
 * What happened to the stream after the batch's lines: "stopped" (the container exited; lines resume
 * if it starts again), "resumed" (it did), "ended" (final: removed, `until` reached, an engine error,
 * or access revoked; subscribe again to retry).
 */
export interface LogsNotice {
  kind: "stopped" | "resumed" | "ended";
  message?: string;
}

export interface LogsBatch extends ContainerRef {
  lines: LogLine[];
  /** Lines dropped for this client before this batch's lines because it could not keep up. */
  skipped?: number;
  notice?: LogsNotice;
}

export interface ExecStart extends ContainerRef {
  cmd?: string[];
  user?: string;
  workingDir?: string;
  cols: number;
  rows: number;
}

export type Ack<T> = (result: Result<T>) => void;

export interface ServerToClientEvents {
  "host:status": (e: HostStatusEvent) => void;
  "container:event": (e: ContainerEvent) => void;
  /** Volume and network changes on hosts in scope (not sent to label-scoped principals; see docs/volumes-networks-system.md). */
  "engine:event": (e: EngineObjectEvent) => void;
  "alert:update": (e: AlertUpdate) => void;
  /** One live sample of a container this socket subscribed to (the public contract). */
  "stats:sample": (e: StatsSample) => void;
  /**
   * The same samples gathered for up to a quarter second, for sockets that ask for them with
   * `auth: {statsBatch: true}` at the handshake (Wharf's UI does): one message per socket instead of
   * one per sample keeps a viewer of 100 containers cheap to serve. Such sockets get no `stats:sample`.
   */
  "stats:samples": (e: StatsSample[]) => void;
  /** The client acknowledges each batch; unacknowledged batches hold back the next ones (flow control). */
  "logs:lines": (e: LogsBatch, ack: () => void) => void;
  "exec:output": (e: { sessionId: string; data: string }) => void;
  "exec:exit": (e: { sessionId: string; exitCode: number | null; error?: string }) => void;
  /** Progress of an image pull, push or build on a host in this socket's scope, to sockets that watch jobs. */
  "job:update": (e: JobUpdate) => void;
  /** A service, node, config or secret changed on a swarm this socket watches (see docs/swarm.md). */
  "swarm:event": (e: SwarmEvent) => void;
  /** A task of a service being updated, rolled back or scaled moved to another state. */
  "swarm:task": (e: SwarmTaskTransition) => void;
}

/** Every command takes an acknowledgement that receives a Result. */
export interface ClientToServerEvents {
  "stats:subscribe": (p: ContainerRef, ack: Ack<StatsSubscribed>) => void;
  "stats:unsubscribe": (p: ContainerRef, ack: Ack<null>) => void;
  "logs:subscribe": (p: LogsSubscribe, ack: Ack<LogsSubscribed>) => void;
  "logs:unsubscribe": (p: LogsRef, ack: Ack<null>) => void;
  "exec:start": (p: ExecStart, ack: Ack<{ sessionId: string }>) => void;
  "exec:input": (p: { sessionId: string; data: string }, ack: Ack<null>) => void;
  "exec:resize": (p: { sessionId: string; cols: number; rows: number }, ack: Ack<null>) => void;
  "exec:close": (p: { sessionId: string }, ack: Ack<null>) => void;
  /** Start receiving `job:update` for jobs on hosts in scope (or one host); the ack has the current jobs. */
  "jobs:watch": (p: { hostId?: string }, ack: Ack<{ jobs: JobSnapshot[] }>) => void;
  "jobs:unwatch": (p: Record<string, never>, ack: Ack<null>) => void;
  /** Cancel a running pull, push or build (operator role). */
  "job:cancel": (p: { jobId: string }, ack: Ack<null>) => void;
  /** Start receiving `swarm:event` and `swarm:task` for one swarm host; the ack has its swarm state. */
  "swarm:watch": (p: { hostId: string }, ack: Ack<SwarmWatched>) => void;
  /** Stop them, for one host or every host. */
  "swarm:unwatch": (p: { hostId?: string }, ack: Ack<null>) => void;
}

export type ClientCommand = keyof ClientToServerEvents;
export type CommandPayload<K extends ClientCommand> = Parameters<ClientToServerEvents[K]>[0];
export type CommandResult<K extends ClientCommand> =
  Parameters<ClientToServerEvents[K]>[1] extends Ack<infer T> ? T : never;
