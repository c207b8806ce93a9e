/**
 * A compose project as Wharf deploys it: the file after YAML anchors and merge keys, `.env`
 * interpolation, profiles, `env_file` and the legacy conversion, with every short form expanded to
 * one shape. Durations are nanoseconds and sizes bytes, as the Engine API takes them.
 */

export const DEPENDS_CONDITIONS = [
  "service_started",
  "service_healthy",
  "service_completed_successfully",
] as const;
export type DependsCondition = (typeof DEPENDS_CONDITIONS)[number];

export interface ComposeProject {
  /** The project name: the file's top-level `name`, or the stack's name. */
  name: string;
  /** Services in file order, profiles already applied (a service outside the active profiles is absent). */
  services: Record<string, ComposeService>;
  /** Project networks by their key in the file. `default` is present whenever a service uses it. */
  networks: Record<string, ComposeNetwork>;
  volumes: Record<string, ComposeVolume>;
  configs: Record<string, ComposeFileObject>;
  secrets: Record<string, ComposeFileObject>;
}

export interface ComposeNetwork {
  /** The engine's name: `name:`, or `<project>_<key>`; for an external network, its own name. */
  name: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  enableIpv6: boolean;
  labels: Record<string, string>;
  ipam?: {
    driver?: string;
    config: { subnet?: string; ipRange?: string; gateway?: string; auxAddresses?: Record<string, string> }[];
    options: Record<string, string>;
  };
}

export interface ComposeVolume {
  /** The engine's name: `name:`, or `<project>_<key>`; for an external volume, its own name. */
  name: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

/** A config or secret read from a file of the stack, or from an environment variable. */
export interface ComposeFileObject {
  name: string;
  /** The content to write into each container that uses it; "" for an external one. */
  content: string;
  /** A swarm config or secret that exists already, by `name` (swarm projects only). */
  external?: boolean;
}

export interface ServicePort {
  target: number;
  /** Host port; absent lets the engine pick one. */
  published?: number;
  hostIp?: string;
  protocol: "tcp" | "udp" | "sctp";
}

export type ServiceMount =
  | {
      type: "volume";
      /** The key under top-level `volumes` (see `ComposeProject.volumes` for its engine name); absent for an anonymous volume. */
      source?: string;
      target: string;
      readOnly: boolean;
      nocopy: boolean;
    }
  | {
      type: "bind";
      /** An absolute host path; a relative one is resolved against the project's working directory. */
      source: string;
      target: string;
      readOnly: boolean;
      propagation?: string;
      createHostPath: boolean;
    }
  | { type: "tmpfs"; target: string; size?: number; mode?: number };

export interface ServiceNetwork {
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  priority?: number;
}

export interface ServiceFileRef {
  /** The key under top-level `configs`/`secrets`. */
  source: string;
  /** Absolute path in the container: `/<source>` for configs, `/run/secrets/<source>` for secrets by default. */
  target: string;
  uid?: string;
  gid?: string;
  /** File mode; 0o444 when unset. */
  mode?: number;
}

export interface ServiceHealthcheck {
  /** The engine's form: ["NONE"], ["CMD", …] or ["CMD-SHELL", "…"]. Absent keeps the image's. */
  test?: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export interface ServiceResources {
  /** CPUs as a fraction (0.5 = half a CPU). */
  cpus?: number;
  /** Bytes. */
  memory?: number;
  pids?: number;
}

export interface ComposeService {
  name: string;
  image?: string;
  build?: {
    /** A path among the stack's files ("." for its root). */
    context: string;
    dockerfile?: string;
    args: Record<string, string>;
    target?: string;
    labels: Record<string, string>;
  };
  /** Exec form: a string in the file is split into words the way compose splits it. Absent keeps the image's. */
  command?: string[];
  entrypoint?: string[];
  /** `env_file` entries first, then `environment` on top; a null value means "unset, take it from the image". */
  environment: Record<string, string | null>;
  ports: ServicePort[];
  /** "80/tcp" form. */
  expose: string[];
  mounts: ServiceMount[];
  /** Per-service network attachments, by project network key. Empty when `networkMode` is set. */
  networks: Record<string, ServiceNetwork>;
  /** "none", "host", "bridge", "service:<name>" or "container:<name or id>". */
  networkMode?: string;
  dependsOn: Record<string, { condition: DependsCondition; restart: boolean; required: boolean }>;
  /** Legacy links as "service:alias" (alias defaults to the service name). */
  links: string[];
  healthcheck?: ServiceHealthcheck;
  /** "no", "always", "on-failure", "on-failure:N" or "unless-stopped". */
  restart?: string;
  labels: Record<string, string>;
  user?: string;
  workingDir?: string;
  hostname?: string;
  domainname?: string;
  init?: boolean;
  stopSignal?: string;
  /** Seconds. */
  stopGracePeriod?: number;
  tty: boolean;
  stdinOpen: boolean;
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
  readOnly: boolean;
  /** "host:container[:perms]". */
  devices: string[];
  securityOpt: string[];
  extraHosts: string[];
  dns: string[];
  dnsSearch: string[];
  sysctls: Record<string, string>;
  ulimits: Record<string, { soft: number; hard: number }>;
  /** Bytes. */
  shmSize?: number;
  logging?: { driver?: string; options: Record<string, string> };
  limits: ServiceResources;
  reservations: ServiceResources;
  /** `deploy.replicas`, else `scale`, else 1. */
  replicas: number;
  profiles: string[];
  configs: ServiceFileRef[];
  secrets: ServiceFileRef[];
  containerName?: string;
  pullPolicy?: "always" | "never" | "missing" | "build";
  /**
   * Set when the project was loaded for a swarm (`orchestrator: "swarm"`), and only then. Such a
   * service has no `build`, and the keys a swarm ignores (container_name, depends_on, links,
   * expose, security_opt, shm_size) are left at their empty defaults, with a warning each.
   */
  swarm?: SwarmDeploy;
}

/** One problem with the file, at a path like `services.web.ports[0]`, with its place when known. */
export interface ComposeIssue {
  path: string;
  message: string;
  /** 1-based. */
  line?: number;
  col?: number;
}

/** What the loader did beyond reading: a legacy file converted, keys that take no effect here. */
export interface ComposeLoadNotes {
  /** Set when the file was a version-1 file (services at the top level) and was converted. */
  converted?: { from: "v1"; compose: string; changes: string[] };
  warnings: string[];
}

export interface ComposeLoadInput {
  /** The compose file's text. */
  compose: string;
  /** The `.env` file's text, used for interpolation and `${VAR}` defaults. */
  env?: string;
  /** Used when the file has no top-level `name`. */
  projectName: string;
  /** Other files of the stack by relative path (env_file, configs, secrets, build contexts). */
  files?: Record<string, string>;
  /** Profiles to activate; services without `profiles` are always active. */
  profiles?: string[];
  /** Where relative bind sources resolve; defaults to "/". */
  workingDir?: string;
  /**
   * What the project deploys to: containers on one engine ("compose", the default), or services on
   * a swarm ("swarm", as `docker stack deploy` does), where the swarm's `deploy:` keys apply and
   * keys a swarm cannot honour are reported.
   */
  orchestrator?: ComposeOrchestrator;
}

export const COMPOSE_ORCHESTRATORS = ["compose", "swarm"] as const;
export type ComposeOrchestrator = (typeof COMPOSE_ORCHESTRATORS)[number];

/** An update or rollback policy (`deploy.update_config`, `deploy.rollback_config`); durations in nanoseconds. */
export interface SwarmUpdatePolicy {
  parallelism?: number;
  delay?: number;
  /** "continue", "pause", or (update only) "rollback". */
  failureAction?: "continue" | "pause" | "rollback";
  monitor?: number;
  maxFailureRatio?: number;
  order?: "stop-first" | "start-first";
}

/** The `deploy:` keys only a swarm honours, as `docker stack deploy` reads them; durations in nanoseconds. */
export interface SwarmDeploy {
  mode: "replicated" | "global";
  /** The service's own labels (`deploy.labels`); `labels` of the service are its containers'. */
  labels: Record<string, string>;
  endpointMode?: "vip" | "dnsrr";
  placement: {
    /** "node.role==manager" and the like. */
    constraints: string[];
    /** Spread descriptors ("node.labels.zone"), from `preferences: [{spread: …}]`. */
    preferences: string[];
    maxReplicasPerNode?: number;
  };
  /** `deploy.restart_policy`, else derived from `restart:` as docker stack deploy does. */
  restartPolicy?: {
    condition?: "none" | "on-failure" | "any";
    delay?: number;
    maxAttempts?: number;
    window?: number;
  };
  updateConfig?: SwarmUpdatePolicy;
  rollbackConfig?: SwarmUpdatePolicy;
}

export interface ComposeLoadResult extends ComposeLoadNotes {
  project: ComposeProject;
}
