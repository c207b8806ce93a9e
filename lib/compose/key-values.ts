import { DEPENDS_CONDITIONS } from "./model";

const BOOL = ["true", "false"] as const;

/**
 * The values a key takes where they are few, for the editor to offer after `key: `, by the
 * supported-key table's level and key (`service.restart`). Each is a value the loader accepts
 * (see key-values.test.ts); `service:` and `container:` are prefixes the user completes.
 */
export const KEY_VALUES: Readonly<Record<string, readonly string[]>> = {
  "service.restart": ["no", "always", "on-failure", "unless-stopped"],
  "service.pull_policy": ["always", "never", "missing", "build", "if_not_present"],
  "service.network_mode": ["none", "host", "bridge", "service:", "container:"],
  "service.depends_on.*.condition": DEPENDS_CONDITIONS,
  "service.depends_on.*.restart": BOOL,
  "service.depends_on.*.required": BOOL,
  "service.volumes[].type": ["volume", "bind", "tmpfs"],
  "service.volumes[].read_only": BOOL,
  "service.ports[].protocol": ["tcp", "udp", "sctp"],
  "service.init": BOOL,
  "service.tty": BOOL,
  "service.stdin_open": BOOL,
  "service.privileged": BOOL,
  "service.read_only": BOOL,
  "network.internal": BOOL,
  "network.attachable": BOOL,
  "network.enable_ipv6": BOOL,
  "network.external": BOOL,
  "volume.external": BOOL,
};
