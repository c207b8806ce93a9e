import type { ServiceCreate, ServiceUpdate } from "../../lib/swarm/schemas";
import type { EngineServiceSpec, EngineUpdatePolicy } from "./engine-types";

/**
 * Wharf's service form as the engine's ServiceSpec, and an update applied onto the spec the engine
 * holds (read, modify, write): fields the form does not name are kept exactly as they were.
 */

type Fields = Omit<ServiceUpdate, "version" | "force">;
type Policy = NonNullable<Fields["updateConfig"]>;

/** Ids of the configs and secrets a service names, looked up on the engine by the caller. */
export interface FileRefIds {
  configs: Map<string, string>;
  secrets: Map<string, string>;
}

const policy = (p: Policy, old: EngineUpdatePolicy = {}): EngineUpdatePolicy => ({
  ...old,
  ...(p.parallelism !== undefined ? { Parallelism: p.parallelism } : {}),
  ...(p.delay !== undefined ? { Delay: p.delay } : {}),
  ...(p.failureAction !== undefined ? { FailureAction: p.failureAction } : {}),
  ...(p.monitor !== undefined ? { Monitor: p.monitor } : {}),
  ...(p.maxFailureRatio !== undefined ? { MaxFailureRatio: p.maxFailureRatio } : {}),
  ...(p.order !== undefined ? { Order: p.order } : {}),
});

const resources = (r: { nanoCpus?: number; memoryBytes?: number } | undefined) =>
  r && {
    ...(r.nanoCpus !== undefined ? { NanoCPUs: r.nanoCpus } : {}),
    ...(r.memoryBytes !== undefined ? { MemoryBytes: r.memoryBytes } : {}),
  };

/** Applies every field the form names onto a copy of `spec`. */
export function applyFields(spec: EngineServiceSpec, f: Fields, ids: FileRefIds): EngineServiceSpec {
  const out: EngineServiceSpec = structuredClone(spec);
  const tt = (out.TaskTemplate ??= {});
  const c = (tt.ContainerSpec ??= {});
  if (f.image !== undefined) c.Image = f.image;
  if (f.command !== undefined) c.Command = f.command;
  if (f.args !== undefined) c.Args = f.args;
  if (f.env !== undefined) c.Env = f.env;
  if (f.workdir !== undefined) c.Dir = f.workdir;
  if (f.user !== undefined) c.User = f.user;
  if (f.containerLabels !== undefined) c.Labels = f.containerLabels;
  if (f.stopGracePeriod !== undefined) c.StopGracePeriod = f.stopGracePeriod;
  if (f.configs !== undefined)
    c.Configs = f.configs.map((r) => ({
      ConfigID: ids.configs.get(r.name) ?? r.name,
      ConfigName: r.name,
      File: { Name: r.target ?? r.name, UID: "0", GID: "0", Mode: 0o444 },
    }));
  if (f.secrets !== undefined)
    c.Secrets = f.secrets.map((r) => ({
      SecretID: ids.secrets.get(r.name) ?? r.name,
      SecretName: r.name,
      File: { Name: r.target ?? r.name, UID: "0", GID: "0", Mode: 0o444 },
    }));
  if (f.labels !== undefined) out.Labels = f.labels;
  if (f.replicas !== undefined) out.Mode = { Replicated: { Replicas: f.replicas } };
  if (f.constraints !== undefined || f.preferences !== undefined || f.maxReplicasPerNode !== undefined) {
    const p = (tt.Placement ??= {});
    if (f.constraints !== undefined) p.Constraints = f.constraints;
    if (f.preferences !== undefined)
      p.Preferences = f.preferences.map((d) => ({ Spread: { SpreadDescriptor: d } }));
    if (f.maxReplicasPerNode !== undefined) p.MaxReplicas = f.maxReplicasPerNode;
  }
  if (f.ports !== undefined)
    out.EndpointSpec = {
      ...out.EndpointSpec,
      Ports: f.ports.map((p) => ({
        Protocol: p.protocol,
        TargetPort: p.target,
        ...(p.published !== undefined ? { PublishedPort: p.published } : {}),
        PublishMode: p.mode,
      })),
    };
  if (f.networks !== undefined) tt.Networks = f.networks.map((n) => ({ Target: n }));
  if (f.resources !== undefined) {
    const limits = resources(f.resources.limits);
    const reservations = resources(f.resources.reservations);
    tt.Resources = {
      ...(limits ? { Limits: limits } : {}),
      ...(reservations ? { Reservations: reservations } : {}),
    };
  }
  if (f.restartPolicy !== undefined) {
    const r = f.restartPolicy;
    tt.RestartPolicy = {
      ...tt.RestartPolicy,
      ...(r.condition !== undefined ? { Condition: r.condition } : {}),
      ...(r.delay !== undefined ? { Delay: r.delay } : {}),
      ...(r.maxAttempts !== undefined ? { MaxAttempts: r.maxAttempts } : {}),
      ...(r.window !== undefined ? { Window: r.window } : {}),
    };
  }
  if (f.updateConfig !== undefined) out.UpdateConfig = policy(f.updateConfig, out.UpdateConfig);
  if (f.rollbackConfig !== undefined) out.RollbackConfig = policy(f.rollbackConfig, out.RollbackConfig);
  return out;
}

export function createSpec(body: ServiceCreate, ids: FileRefIds): EngineServiceSpec {
  const { name, mode, replicas, ...fields } = body;
  const base: EngineServiceSpec = {
    Name: name,
    Mode: mode === "global" ? { Global: {} } : { Replicated: { Replicas: replicas ?? 1 } },
    TaskTemplate: { ContainerSpec: { Image: body.image } },
  };
  return applyFields(base, fields, ids);
}

/** The update as the engine takes it: the held spec with the changes, and a forced restart when asked. */
export function updatedSpec(
  current: EngineServiceSpec,
  body: ServiceUpdate,
  ids: FileRefIds,
): EngineServiceSpec {
  const { version: _version, force, ...fields } = body;
  const next = applyFields(current, fields, ids);
  if (force) {
    const tt = (next.TaskTemplate ??= {});
    tt.ForceUpdate = (tt.ForceUpdate ?? 0) + 1;
  }
  return next;
}

/** The names of the configs and secrets a form refers to, for the caller to look up. */
export function fileRefNames(f: Fields): { configs: string[]; secrets: string[] } {
  return { configs: (f.configs ?? []).map((r) => r.name), secrets: (f.secrets ?? []).map((r) => r.name) };
}
