import type { ContainerLimits } from "../quotas";

/**
 * What the create-container form edits: everything `docker run` covers for daily ops, in a shape a
 * form can hold. It converts to the Engine API's ContainerCreate body, is read back from an inspect
 * document (duplicate, edit and recreate), is filled from a pasted `docker run` line, and is written
 * out as one ("Copy as docker run"). Empty strings and empty lists mean "not set".
 */
export interface ContainerSpec {
  image: string;
  name: string;
  /** Argument vector; empty keeps the image's CMD. */
  cmd: string[];
  /** Argument vector; empty keeps the image's ENTRYPOINT. `[""]` clears it, as `--entrypoint ""` does. */
  entrypoint: string[];
  workingDir: string;
  user: string;
  hostname: string;
  env: EnvVar[];
  labels: Label[];
  ports: PortMapping[];
  mounts: MountSpec[];
  /** Network mode or network name: "bridge", "host", "none", "container:<id>", or a user network. */
  network: string;
  /** Aliases on `network` (user networks only). */
  aliases: string[];
  /** Further networks, connected after create, each with its aliases. */
  networks?: NetworkAttachment[];
  restart: ContainerLimits["restartPolicy"];
  healthcheck?: HealthcheckSpec;
  /** Only the limits that are set (non-zero, or -1 for pidsLimit means unlimited). */
  limits: Partial<ContainerLimits>;
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
  /** Start the container once it is created. */
  start: boolean;
}

export interface NetworkAttachment {
  name: string;
  aliases: string[];
}

export interface EnvVar {
  key: string;
  value: string;
}

export interface Label {
  key: string;
  value: string;
}

export interface PortMapping {
  /** Empty for all interfaces. */
  hostIp: string;
  /** Empty for an engine-chosen port; a single port or a range "8000-8010". */
  hostPort: string;
  /** A single port or a range "80-90". */
  containerPort: string;
  protocol: "tcp" | "udp" | "sctp";
}

export interface MountSpec {
  type: "volume" | "bind" | "tmpfs";
  /** Volume name (empty for an anonymous volume), or an absolute host path for a bind; empty for tmpfs. */
  source: string;
  /** Absolute path in the container. */
  target: string;
  readOnly: boolean;
  /**
   * The remaining `-v` mode flags besides ro/rw, kept verbatim so a recreate never drops them:
   * SELinux labels (`z`, `Z`), propagation (`rshared`, …), `nocopy`.
   */
  options: string[];
}

export interface HealthcheckSpec {
  /** `["CMD-SHELL", "…"]`, `["CMD", …]`, or `["NONE"]`. */
  test: string[];
  /** Nanoseconds, as the engine takes them; 0 = the engine's default. */
  interval: number;
  timeout: number;
  startPeriod: number;
  retries: number;
}

/** The result of importing a `docker run` line. */
export interface DockerRunImport {
  spec: ContainerSpec;
  /** Flags (with their values) that the form cannot hold, listed so nothing is silently dropped. */
  notImported: string[];
  /** Things the user should know: `--env-file` was ignored, `-d` is implied, … */
  notices: string[];
}
