/**
 * Every compose key Wharf implements, by where it appears. The schema allows more; a key it allows
 * that is missing here is reported as "not supported" rather than dropped. `x-` keys are allowed
 * and ignored at every level.
 */
import type { ComposeOrchestrator } from "./model";

export const SUPPORTED_KEYS = {
  top: ["name", "version", "services", "networks", "volumes", "configs", "secrets"],
  service: [
    "image",
    "build",
    "command",
    "entrypoint",
    "environment",
    "env_file",
    "ports",
    "expose",
    "volumes",
    "tmpfs",
    "networks",
    "network_mode",
    "depends_on",
    "links",
    "healthcheck",
    "restart",
    "labels",
    "user",
    "working_dir",
    "hostname",
    "domainname",
    "init",
    "stop_signal",
    "stop_grace_period",
    "tty",
    "stdin_open",
    "cap_add",
    "cap_drop",
    "privileged",
    "read_only",
    "devices",
    "security_opt",
    "extra_hosts",
    "dns",
    "dns_search",
    "sysctls",
    "ulimits",
    "shm_size",
    "logging",
    "mem_limit",
    "mem_reservation",
    "cpus",
    "pids_limit",
    "deploy",
    "scale",
    "profiles",
    "configs",
    "secrets",
    "container_name",
    "pull_policy",
  ],
  "service.build": ["context", "dockerfile", "args", "target", "labels"],
  "service.deploy": ["replicas", "resources", "restart_policy"],
  "service.deploy.resources": ["limits", "reservations"],
  "service.deploy.resources.limits": ["cpus", "memory", "pids"],
  "service.deploy.resources.reservations": ["cpus", "memory"],
  "service.deploy.restart_policy": ["condition", "max_attempts"],
  "service.healthcheck": ["test", "interval", "timeout", "retries", "start_period", "disable"],
  "service.logging": ["driver", "options"],
  "service.ports[]": ["target", "published", "host_ip", "protocol", "mode"],
  "service.volumes[]": ["type", "source", "target", "read_only", "bind", "volume", "tmpfs"],
  "service.volumes[].bind": ["propagation", "create_host_path"],
  "service.volumes[].volume": ["nocopy"],
  "service.volumes[].tmpfs": ["size", "mode"],
  "service.networks.*": ["aliases", "ipv4_address", "ipv6_address", "priority"],
  "service.depends_on.*": ["condition", "restart", "required"],
  "service.env_file[]": ["path", "required"],
  "service.configs[]": ["source", "target", "uid", "gid", "mode"],
  "service.secrets[]": ["source", "target", "uid", "gid", "mode"],
  "service.ulimits.*": ["soft", "hard"],
  network: [
    "name",
    "driver",
    "driver_opts",
    "internal",
    "attachable",
    "enable_ipv6",
    "labels",
    "external",
    "ipam",
  ],
  "network.external": ["name"],
  "network.ipam": ["driver", "config", "options"],
  "network.ipam.config[]": ["subnet", "ip_range", "gateway", "aux_addresses"],
  volume: ["name", "driver", "driver_opts", "labels", "external"],
  "volume.external": ["name"],
  config: ["name", "file", "environment", "content", "external"],
  secret: ["name", "file", "environment", "external"],
} as const satisfies Record<string, readonly string[]>;

export type KeyLevel = keyof typeof SUPPORTED_KEYS;

const UPDATE_POLICY_KEYS = [
  "parallelism",
  "delay",
  "failure_action",
  "monitor",
  "max_failure_ratio",
  "order",
] as const;

/**
 * The keys Wharf implements for a project deployed to a swarm (`orchestrator: "swarm"`): every key
 * of `SUPPORTED_KEYS`, and the `deploy:` keys only a swarm honours. Keys a swarm cannot honour stay
 * here, so they are refused or ignored with a reason rather than reported as "not supported".
 */
export const SWARM_SUPPORTED_KEYS = {
  ...SUPPORTED_KEYS,
  "service.deploy": [
    ...SUPPORTED_KEYS["service.deploy"],
    "mode",
    "labels",
    "endpoint_mode",
    "placement",
    "update_config",
    "rollback_config",
  ],
  "service.deploy.restart_policy": [...SUPPORTED_KEYS["service.deploy.restart_policy"], "delay", "window"],
  "service.deploy.placement": ["constraints", "preferences", "max_replicas_per_node"],
  "service.deploy.placement.preferences[]": ["spread"],
  "service.deploy.update_config": UPDATE_POLICY_KEYS,
  "service.deploy.rollback_config": UPDATE_POLICY_KEYS,
} as const satisfies Record<string, readonly string[]>;

export type SwarmKeyLevel = keyof typeof SWARM_SUPPORTED_KEYS;

/** The table of supported keys for what the project deploys to. */
export function supportedKeys(
  orchestrator: ComposeOrchestrator,
): Readonly<Partial<Record<SwarmKeyLevel, readonly string[]>>> {
  return orchestrator === "swarm" ? SWARM_SUPPORTED_KEYS : SUPPORTED_KEYS;
}
