import { ENGINE_LIMIT_KEY } from "../quotas";
import { formatVolumeSpec, tmpfsOptions } from "./mounts";
import { toPortBindings } from "./ports";
import type { ContainerSpec } from "./types";

/** The Engine API's ContainerCreate body, as far as Wharf writes it; other engine fields pass through. */
export interface CreateConfig {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  WorkingDir?: string;
  User?: string;
  Hostname?: string;
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty?: boolean;
  OpenStdin?: boolean;
  Healthcheck?: {
    Test: string[];
    Interval?: number;
    Timeout?: number;
    StartPeriod?: number;
    Retries?: number;
  };
  HostConfig?: Record<string, unknown>;
  NetworkingConfig?: {
    EndpointsConfig?: Record<string, { Aliases?: string[] | null } & Record<string, unknown>>;
  };
  [other: string]: unknown;
}

export interface CreateRequest {
  name: string;
  config: CreateConfig;
}

const LIMIT_KEYS = {
  ...ENGINE_LIMIT_KEY,
  oomKillDisable: "OomKillDisable",
} as const;

/** Whether a network mode takes endpoint settings (aliases): user networks do, the built-in modes do not. */
export function isUserNetwork(network: string): boolean {
  return (
    !!network && !["default", "bridge", "host", "none"].includes(network) && !network.startsWith("container:")
  );
}

/**
 * The form as the engine's create call takes it. Binds keep every `-v` mode flag verbatim, anonymous
 * volumes go in Mounts, tmpfs in Tmpfs; ranges of ports are expanded one binding per port.
 */
export function specToCreateBody(spec: ContainerSpec): CreateRequest {
  const hc: Record<string, unknown> = {};
  const binds = spec.mounts.filter((m) => m.type !== "tmpfs" && m.source).map(formatVolumeSpec);
  if (binds.length) hc.Binds = binds;
  const anonymous = spec.mounts.filter((m) => m.type === "volume" && !m.source);
  if (anonymous.length) {
    hc.Mounts = anonymous.map((m) => ({
      Type: "volume",
      Target: m.target,
      ReadOnly: m.readOnly,
      ...(m.options.includes("nocopy") ? { VolumeOptions: { NoCopy: true } } : {}),
    }));
  }
  const tmpfs = spec.mounts.filter((m) => m.type === "tmpfs");
  if (tmpfs.length) hc.Tmpfs = Object.fromEntries(tmpfs.map((m) => [m.target, tmpfsOptions(m)]));
  const bindings = toPortBindings(spec.ports);
  if (spec.ports.length) hc.PortBindings = bindings;
  hc.RestartPolicy = { Name: spec.restart.name, MaximumRetryCount: spec.restart.maximumRetryCount };
  if (spec.network) hc.NetworkMode = spec.network;
  if (spec.autoRemove) hc.AutoRemove = true;
  for (const [field, key] of Object.entries(LIMIT_KEYS)) {
    const v = spec.limits[field as keyof typeof LIMIT_KEYS];
    if (v !== undefined && v !== "" && v !== 0 && v !== false) hc[key] = v;
  }
  const endpoints: Record<string, { Aliases?: string[] }> = {};
  if (isUserNetwork(spec.network))
    endpoints[spec.network] = spec.aliases.length ? { Aliases: spec.aliases } : {};
  for (const n of spec.networks ?? []) endpoints[n.name] = n.aliases.length ? { Aliases: n.aliases } : {};

  const config: CreateConfig = { Image: spec.image };
  if (spec.cmd.length) config.Cmd = spec.cmd;
  if (spec.entrypoint.length) config.Entrypoint = spec.entrypoint;
  if (spec.workingDir) config.WorkingDir = spec.workingDir;
  if (spec.user) config.User = spec.user;
  if (spec.hostname) config.Hostname = spec.hostname;
  if (spec.env.length) config.Env = spec.env.map((e) => `${e.key}=${e.value}`);
  if (spec.labels.length) config.Labels = Object.fromEntries(spec.labels.map((l) => [l.key, l.value]));
  if (spec.ports.length) config.ExposedPorts = Object.fromEntries(Object.keys(bindings).map((k) => [k, {}]));
  if (spec.tty) config.Tty = true;
  if (spec.openStdin) config.OpenStdin = true;
  if (spec.healthcheck) {
    const h = spec.healthcheck;
    config.Healthcheck = {
      Test: h.test,
      ...(h.interval ? { Interval: h.interval } : {}),
      ...(h.timeout ? { Timeout: h.timeout } : {}),
      ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
      ...(h.retries ? { Retries: h.retries } : {}),
    };
  }
  config.HostConfig = hc;
  if (Object.keys(endpoints).length) config.NetworkingConfig = { EndpointsConfig: endpoints };
  return { name: spec.name, config };
}
