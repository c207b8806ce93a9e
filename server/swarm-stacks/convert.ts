/**
 * A compose project loaded for a swarm, as the engine objects `docker stack deploy` makes of it:
 * a service per compose service named `<stack>_<service>`, the stack's networks as overlays, and
 * its configs and secrets, each labelled with the stack's namespace.
 */
import type {
  ComposeProject,
  ComposeService,
  ServiceMount,
  SwarmUpdatePolicy,
} from "../../lib/compose/model";
import type { EngineServiceSpec, EngineUpdatePolicy } from "../swarm/engine-types";
import { STACK_IMAGE, withNamespace } from "./labels";

export interface SwarmNetworkSpec {
  /** The key in the file. */
  key: string;
  Name: string;
  external: boolean;
  Driver: string;
  Internal: boolean;
  Attachable: boolean;
  Labels: Record<string, string>;
  Options: Record<string, string>;
}

export interface SwarmFileSpec {
  key: string;
  Name: string;
  external: boolean;
  Labels: Record<string, string>;
  /** base64, as the engine takes it. */
  Data: string;
}

export interface SwarmStackSpec {
  namespace: string;
  /** By compose service name. */
  services: Map<string, EngineServiceSpec>;
  networks: SwarmNetworkSpec[];
  configs: SwarmFileSpec[];
  secrets: SwarmFileSpec[];
}

const policy = (p: SwarmUpdatePolicy | undefined): EngineUpdatePolicy | undefined =>
  p && {
    ...(p.parallelism !== undefined ? { Parallelism: p.parallelism } : {}),
    ...(p.delay !== undefined ? { Delay: p.delay } : {}),
    ...(p.failureAction !== undefined ? { FailureAction: p.failureAction } : {}),
    ...(p.monitor !== undefined ? { Monitor: p.monitor } : {}),
    ...(p.maxFailureRatio !== undefined ? { MaxFailureRatio: p.maxFailureRatio } : {}),
    ...(p.order !== undefined ? { Order: p.order } : {}),
  };

const resources = (r: ComposeService["limits"]) => {
  const out = {
    ...(r.cpus !== undefined ? { NanoCPUs: Math.round(r.cpus * 1e9) } : {}),
    ...(r.memory !== undefined ? { MemoryBytes: r.memory } : {}),
    ...(r.pids !== undefined ? { Pids: r.pids } : {}),
  };
  return Object.keys(out).length ? out : undefined;
};

function mount(project: ComposeProject, m: ServiceMount, namespace: string): Record<string, unknown> {
  if (m.type === "bind")
    return {
      Type: "bind",
      Source: m.source,
      Target: m.target,
      ...(m.readOnly ? { ReadOnly: true } : {}),
      ...(m.propagation ? { BindOptions: { Propagation: m.propagation } } : {}),
    };
  if (m.type === "tmpfs")
    return {
      Type: "tmpfs",
      Target: m.target,
      ...(m.size !== undefined || m.mode !== undefined
        ? {
            TmpfsOptions: {
              ...(m.size !== undefined ? { SizeBytes: m.size } : {}),
              ...(m.mode !== undefined ? { Mode: m.mode } : {}),
            },
          }
        : {}),
    };
  const volume = m.source ? project.volumes[m.source] : undefined;
  return {
    Type: "volume",
    ...(volume ? { Source: volume.name } : {}),
    Target: m.target,
    ...(m.readOnly ? { ReadOnly: true } : {}),
    ...(volume && !volume.external
      ? {
          VolumeOptions: {
            Labels: withNamespace(namespace, volume.labels),
            ...(m.nocopy ? { NoCopy: true } : {}),
            ...(volume.driver ? { DriverConfig: { Name: volume.driver, Options: volume.driverOpts } } : {}),
          },
        }
      : m.nocopy
        ? { VolumeOptions: { NoCopy: true } }
        : {}),
  };
}

const env = (e: ComposeService["environment"]) =>
  Object.entries(e)
    .filter((kv): kv is [string, string] => kv[1] !== null)
    .map(([k, v]) => `${k}=${v}`)
    .sort();

/** The engine's ServiceSpec for one compose service of the stack. */
export function serviceSpec(
  project: ComposeProject,
  s: ComposeService,
  namespace: string,
): EngineServiceSpec {
  const d = s.swarm ?? {
    mode: "replicated" as const,
    labels: {},
    placement: { constraints: [], preferences: [] },
  };
  const files = (kind: "configs" | "secrets") =>
    s[kind].map((r) => {
      const name = project[kind][r.source]?.name ?? r.source;
      return {
        // A secret's file is named relative to /run/secrets, as the engine places it.
        File: {
          Name: kind === "secrets" ? r.target.replace(/^\/run\/secrets\//, "") : r.target,
          UID: r.uid ?? "0",
          GID: r.gid ?? "0",
          Mode: r.mode ?? 0o444,
        },
        [kind === "configs" ? "ConfigName" : "SecretName"]: name,
      };
    });
  const networks = Object.entries(s.networks).map(([key, n]) => ({
    Target: project.networks[key]?.name ?? key,
    Aliases: [...new Set([s.name, ...n.aliases])],
  }));
  const hc = s.healthcheck;
  const limits = resources(s.limits);
  const reservations = resources(s.reservations);
  const restart = d.restartPolicy;
  const placement = d.placement;
  const container = {
    Image: s.image ?? "",
    Labels: withNamespace(namespace, s.labels),
    ...(s.entrypoint ? { Command: s.entrypoint } : {}),
    ...(s.command ? { Args: s.command } : {}),
    ...(s.hostname ? { Hostname: s.hostname } : {}),
    ...(Object.keys(s.environment).length ? { Env: env(s.environment) } : {}),
    ...(s.workingDir ? { Dir: s.workingDir } : {}),
    ...(s.user ? { User: s.user } : {}),
    ...(s.mounts.length ? { Mounts: s.mounts.map((m) => mount(project, m, namespace)) } : {}),
    ...(s.stopGracePeriod !== undefined ? { StopGracePeriod: Math.round(s.stopGracePeriod * 1e9) } : {}),
    ...(s.stopSignal ? { StopSignal: s.stopSignal } : {}),
    ...(s.tty ? { TTY: true } : {}),
    ...(s.stdinOpen ? { OpenStdin: true } : {}),
    ...(s.readOnly ? { ReadOnly: true } : {}),
    ...(s.init !== undefined ? { Init: s.init } : {}),
    ...(s.extraHosts.length ? { Hosts: s.extraHosts.map(hostsLine) } : {}),
    ...(s.dns.length || s.dnsSearch.length
      ? {
          DNSConfig: {
            ...(s.dns.length ? { Nameservers: s.dns } : {}),
            ...(s.dnsSearch.length ? { Search: s.dnsSearch } : {}),
          },
        }
      : {}),
    ...(hc
      ? {
          Healthcheck: {
            ...(hc.test ? { Test: hc.test } : {}),
            ...(hc.interval !== undefined ? { Interval: hc.interval } : {}),
            ...(hc.timeout !== undefined ? { Timeout: hc.timeout } : {}),
            ...(hc.retries !== undefined ? { Retries: hc.retries } : {}),
            ...(hc.startPeriod !== undefined ? { StartPeriod: hc.startPeriod } : {}),
          },
        }
      : {}),
    ...(s.capAdd.length ? { CapabilityAdd: s.capAdd } : {}),
    ...(s.capDrop.length ? { CapabilityDrop: s.capDrop } : {}),
    ...(Object.keys(s.sysctls).length ? { Sysctls: s.sysctls } : {}),
    ...(Object.keys(s.ulimits).length
      ? { Ulimits: Object.entries(s.ulimits).map(([Name, u]) => ({ Name, Soft: u.soft, Hard: u.hard })) }
      : {}),
    ...(s.configs.length ? { Configs: files("configs") } : {}),
    ...(s.secrets.length ? { Secrets: files("secrets") } : {}),
  };
  return {
    Name: `${namespace}_${s.name}`,
    Labels: { ...withNamespace(namespace, d.labels), ...(s.image ? { [STACK_IMAGE]: s.image } : {}) },
    TaskTemplate: {
      ContainerSpec: container,
      ...(limits || reservations
        ? {
            Resources: {
              ...(limits ? { Limits: limits } : {}),
              ...(reservations ? { Reservations: reservations } : {}),
            },
          }
        : {}),
      ...(restart
        ? {
            RestartPolicy: {
              ...(restart.condition ? { Condition: restart.condition } : {}),
              ...(restart.delay !== undefined ? { Delay: restart.delay } : {}),
              ...(restart.maxAttempts !== undefined ? { MaxAttempts: restart.maxAttempts } : {}),
              ...(restart.window !== undefined ? { Window: restart.window } : {}),
            },
          }
        : {}),
      ...(placement.constraints.length ||
      placement.preferences.length ||
      placement.maxReplicasPerNode !== undefined
        ? {
            Placement: {
              ...(placement.constraints.length ? { Constraints: placement.constraints } : {}),
              ...(placement.preferences.length
                ? { Preferences: placement.preferences.map((p) => ({ Spread: { SpreadDescriptor: p } })) }
                : {}),
              ...(placement.maxReplicasPerNode !== undefined
                ? { MaxReplicas: placement.maxReplicasPerNode }
                : {}),
            },
          }
        : {}),
      ...(networks.length ? { Networks: networks } : {}),
      ...(s.logging?.driver ? { LogDriver: { Name: s.logging.driver, Options: s.logging.options } } : {}),
    },
    Mode: d.mode === "global" ? { Global: {} } : { Replicated: { Replicas: s.replicas } },
    ...(policy(d.updateConfig) ? { UpdateConfig: policy(d.updateConfig) } : {}),
    ...(policy(d.rollbackConfig) ? { RollbackConfig: policy(d.rollbackConfig) } : {}),
    EndpointSpec: {
      Mode: d.endpointMode ?? "vip",
      ...(s.ports.length
        ? {
            Ports: s.ports.map((p) => ({
              Protocol: p.protocol,
              TargetPort: p.target,
              ...(p.published !== undefined ? { PublishedPort: p.published } : {}),
              PublishMode: "ingress",
            })),
          }
        : {}),
    },
  };
}

/** compose's "host:ip" (or "host=ip") as the engine's hosts-file line "ip host". */
function hostsLine(entry: string): string {
  const m = /^([^:=]+)[:=](.+)$/.exec(entry);
  return m ? `${m[2]} ${m[1]}` : entry;
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Every engine object of the stack, as `docker stack deploy` would make them. */
export function swarmStackSpec(project: ComposeProject, namespace: string): SwarmStackSpec {
  const used = new Set(Object.values(project.services).flatMap((s) => Object.keys(s.networks)));
  const networks = Object.entries(project.networks)
    .filter(([key]) => used.has(key))
    .map(([key, n]) => ({
      key,
      Name: n.name,
      external: n.external,
      Driver: n.driver ?? "overlay",
      Internal: n.internal,
      Attachable: n.attachable,
      Labels: withNamespace(namespace, n.labels),
      Options: n.driverOpts,
    }));
  const files = (kind: "configs" | "secrets") =>
    Object.entries(project[kind]).map(([key, o]) => ({
      key,
      Name: o.name,
      external: o.external === true,
      Labels: withNamespace(namespace),
      Data: base64(o.content),
    }));
  const services = new Map<string, EngineServiceSpec>();
  for (const s of Object.values(project.services)) services.set(s.name, serviceSpec(project, s, namespace));
  return { namespace, services, networks, configs: files("configs"), secrets: files("secrets") };
}
