import { formatDuration } from "../../lib/swarm/duration";
import {
  FAILURE_ACTIONS,
  NODE_AVAILABILITIES,
  UPDATE_ORDERS,
  type HostSwarm,
  type ServiceMode,
  type ServiceResourceSet,
  type ServiceResources,
  type SwarmConfig,
  type SwarmNode,
  type SwarmSecret,
  type SwarmService,
  type SwarmTask,
  type UpdatePolicy,
} from "../../lib/swarm/types";
import { isOneOf } from "../../lib/parse";
import type {
  EngineInfoSwarm,
  EngineNode,
  EngineService,
  EngineServiceSpec,
  EngineSwarmObject,
  EngineTask,
  EngineUpdatePolicy,
} from "./engine-types";

/** Engine documents in Wharf's shapes (pure, so the mapping is unit-tested). */

const opt = <K extends string, V>(k: K, v: V | undefined | null) =>
  (v === undefined || v === null || v === "" ? {} : { [k]: v }) as Partial<Record<K, V>>;

export function toHostSwarm(s: EngineInfoSwarm): HostSwarm {
  const state = s.LocalNodeState;
  return {
    state:
      state === "pending" || state === "active" || state === "error" || state === "locked"
        ? state
        : "inactive",
    manager: s.ControlAvailable === true,
    ...opt("clusterId", s.Cluster?.ID),
    ...opt("nodeId", s.NodeID),
    ...opt("nodeAddr", s.NodeAddr),
    ...opt("managers", s.Managers),
    ...opt("nodes", s.Nodes),
    ...(s.RemoteManagers?.length
      ? { remoteManagers: s.RemoteManagers.map((m) => m.Addr ?? "").filter(Boolean) }
      : {}),
    ...opt("error", s.Error),
  };
}

export function toNode(n: EngineNode, runningTasks = 0): SwarmNode {
  const availability = n.Spec?.Availability;
  return {
    id: n.ID,
    version: n.Version?.Index ?? 0,
    hostname: n.Description?.Hostname ?? "",
    role: n.Spec?.Role === "manager" ? "manager" : "worker",
    availability: isOneOf(NODE_AVAILABILITIES, availability) ? availability : "active",
    status: n.Status?.State ?? "unknown",
    ...opt("message", n.Status?.Message),
    ...opt("addr", n.Status?.Addr),
    ...(n.ManagerStatus
      ? {
          leader: n.ManagerStatus.Leader === true,
          ...opt("reachability", n.ManagerStatus.Reachability),
          ...opt("managerAddr", n.ManagerStatus.Addr),
        }
      : {}),
    ...opt("engineVersion", n.Description?.Engine?.EngineVersion),
    ...opt("os", n.Description?.Platform?.OS),
    ...opt("arch", n.Description?.Platform?.Architecture),
    ...opt("nanoCpus", n.Description?.Resources?.NanoCPUs),
    ...opt("memoryBytes", n.Description?.Resources?.MemoryBytes),
    labels: n.Spec?.Labels ?? {},
    engineLabels: n.Description?.Engine?.Labels ?? {},
    runningTasks,
    ...opt("createdAt", n.CreatedAt),
    ...opt("updatedAt", n.UpdatedAt),
  };
}

export function serviceMode(spec: EngineServiceSpec | undefined): ServiceMode {
  const m = spec?.Mode ?? {};
  if (m.Global) return "global";
  if (m.ReplicatedJob) return "replicated-job";
  if (m.GlobalJob) return "global-job";
  return "replicated";
}

export function toPolicy(p: EngineUpdatePolicy | undefined): UpdatePolicy | undefined {
  if (!p) return undefined;
  const action = p.FailureAction;
  const order = p.Order;
  return {
    parallelism: p.Parallelism ?? 1,
    delay: formatDuration(p.Delay),
    failureAction: isOneOf(FAILURE_ACTIONS, action) ? action : "pause",
    monitor: formatDuration(p.Monitor),
    maxFailureRatio: p.MaxFailureRatio ?? 0,
    order: isOneOf(UPDATE_ORDERS, order) ? order : "stop-first",
  };
}

type EngineResources = NonNullable<NonNullable<EngineServiceSpec["TaskTemplate"]>["Resources"]>;

/** A limit or reservation the engine holds; 0 is the engine's "none", so it is left out. */
function toResourceSet(r: EngineResources["Limits"]): ServiceResourceSet | undefined {
  const out = {
    ...opt("nanoCpus", r?.NanoCPUs || undefined),
    ...opt("memoryBytes", r?.MemoryBytes || undefined),
  };
  return Object.keys(out).length ? out : undefined;
}

export function toResources(r: EngineResources | undefined): ServiceResources | undefined {
  const limits = toResourceSet(r?.Limits);
  const reservations = toResourceSet(r?.Reservations);
  return limits || reservations
    ? { ...opt("limits", limits), ...opt("reservations", reservations) }
    : undefined;
}

/** The image as the user named it: the digest the engine pins (`@sha256:…`) is left out. */
const imageName = (image: string | undefined) => (image ?? "").replace(/@sha256:[a-f0-9]{64}$/, "");

export function toService(s: EngineService): SwarmService {
  const spec = s.Spec ?? {};
  const c = spec.TaskTemplate?.ContainerSpec ?? {};
  const placement = spec.TaskTemplate?.Placement ?? {};
  const mode = serviceMode(spec);
  return {
    id: s.ID,
    version: s.Version?.Index ?? 0,
    name: spec.Name ?? s.ID,
    mode,
    replicas:
      mode === "replicated" ? (spec.Mode?.Replicated?.Replicas ?? 1) : (s.ServiceStatus?.DesiredTasks ?? 0),
    running: s.ServiceStatus?.RunningTasks ?? 0,
    image: imageName(c.Image),
    ...opt("command", c.Command),
    ...opt("args", c.Args),
    env: c.Env ?? [],
    labels: spec.Labels ?? {},
    ports: (spec.EndpointSpec?.Ports ?? []).map((p) => ({
      protocol: p.Protocol === "udp" || p.Protocol === "sctp" ? p.Protocol : "tcp",
      target: p.TargetPort ?? 0,
      ...opt("published", p.PublishedPort),
      mode: p.PublishMode === "host" ? "host" : "ingress",
    })),
    constraints: placement.Constraints ?? [],
    preferences: (placement.Preferences ?? []).map((p) => p.Spread?.SpreadDescriptor ?? "").filter(Boolean),
    ...opt("maxReplicasPerNode", placement.MaxReplicas),
    ...opt("resources", toResources(spec.TaskTemplate?.Resources)),
    ...opt("updateConfig", toPolicy(spec.UpdateConfig)),
    ...opt("rollbackConfig", toPolicy(spec.RollbackConfig)),
    ...(s.UpdateStatus?.State
      ? {
          updateStatus: {
            state: s.UpdateStatus.State,
            ...opt("message", s.UpdateStatus.Message),
            ...opt("startedAt", s.UpdateStatus.StartedAt),
            ...opt("completedAt", s.UpdateStatus.CompletedAt),
          },
        }
      : {}),
    canRollback: !!s.PreviousSpec,
    configs: (c.Configs ?? []).map((r) => ({
      name: r.ConfigName ?? "",
      id: r.ConfigID ?? "",
      target: r.File?.Name ?? "",
    })),
    secrets: (c.Secrets ?? []).map((r) => ({
      name: r.SecretName ?? "",
      id: r.SecretID ?? "",
      target: r.File?.Name ?? "",
    })),
    ...opt("createdAt", s.CreatedAt),
    ...opt("updatedAt", s.UpdatedAt),
  };
}

export function toTask(t: EngineTask, serviceName?: string): SwarmTask {
  const base = serviceName ?? t.ServiceID ?? "";
  return {
    id: t.ID,
    serviceId: t.ServiceID ?? "",
    ...opt("serviceName", serviceName),
    name: t.Slot ? `${base}.${t.Slot}` : `${base}.${t.NodeID ?? ""}`,
    ...opt("slot", t.Slot),
    ...opt("nodeId", t.NodeID),
    ...opt("image", t.Spec?.ContainerSpec?.Image ? imageName(t.Spec.ContainerSpec.Image) : undefined),
    desiredState: t.DesiredState ?? "",
    state: t.Status?.State ?? "",
    ...opt("message", t.Status?.Message),
    ...opt("error", t.Status?.Err),
    ...opt("exitCode", t.Status?.ContainerStatus?.ExitCode),
    ...opt("containerId", t.Status?.ContainerStatus?.ContainerID),
    ...opt("at", t.Status?.Timestamp),
    ...opt("createdAt", t.CreatedAt),
    ...opt("specVersion", t.Version?.Index),
  };
}

/** Newest first within a slot, slots in order: the order `docker service ps` lists them in. */
export function sortTasks(tasks: SwarmTask[]): SwarmTask[] {
  return [...tasks].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { numeric: true }) ||
      (b.createdAt ?? "").localeCompare(a.createdAt ?? ""),
  );
}

const objectBase = (o: EngineSwarmObject) => ({
  id: o.ID,
  version: o.Version?.Index ?? 0,
  name: o.Spec?.Name ?? o.ID,
  labels: o.Spec?.Labels ?? {},
  ...opt("createdAt", o.CreatedAt),
  ...opt("updatedAt", o.UpdatedAt),
});

export const toConfig = (o: EngineSwarmObject): SwarmConfig => ({
  ...objectBase(o),
  data: Buffer.from(o.Spec?.Data ?? "", "base64").toString("utf8"),
});

/** Only what identifies a secret: whatever the engine sends, no `Data` field is ever copied. */
export const toSecret = (o: EngineSwarmObject): SwarmSecret => ({
  ...objectBase(o),
  ...opt("driver", o.Spec?.Driver?.Name),
});
