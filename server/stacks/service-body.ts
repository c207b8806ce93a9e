import crypto from "node:crypto";
import type { CreateConfig } from "../../lib/container-spec/create-body";
import type { ComposeProject, ComposeService, ServiceMount } from "../../lib/compose/model";
import { COMPOSE_LABELS } from "../../lib/stacks/types";

/** What the containers Wharf makes say about their maker, in compose's version label. */
export const WHARF_COMPOSE_VERSION = "wharf-1";

export interface ProjectContext {
  workingDir: string;
  configFiles: string;
  /** Labels every object of the stack carries (a label-scoped creator's scope label). */
  scopeLabels: Record<string, string>;
}

/** compose v2's names: `<project>-<service>-<n>`, unless the file fixes `container_name`. */
export const containerName = (project: string, s: ComposeService, n: number) =>
  s.containerName ?? `${project}-${s.name}-${n}`;

const stable = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, stable(x)]),
    );
  return v;
};

/**
 * The service's config hash: every setting that shapes its containers, and the content of the
 * configs and secrets it mounts. The replica count, profiles, pull policy and start order are left
 * out, since changing them recreates nothing.
 */
export function configHash(project: ComposeProject, s: ComposeService): string {
  const { replicas: _r, profiles: _p, pullPolicy: _pp, dependsOn: _d, ...shape } = s;
  const files = [
    ...s.configs.map((c) => project.configs[c.source]),
    ...s.secrets.map((c) => project.secrets[c.source]),
  ].map((f) => (f ? crypto.createHash("sha256").update(f.content).digest("hex") : ""));
  const networks = Object.fromEntries(
    Object.keys(s.networks).map((k) => [k, project.networks[k]?.name ?? k]),
  );
  return crypto
    .createHash("sha256")
    .update(JSON.stringify(stable({ shape, files, networks })))
    .digest("hex");
}

const bindSpec = (m: Extract<ServiceMount, { type: "bind" }>) =>
  `${m.source}:${m.target}:${[m.readOnly ? "ro" : "rw", m.propagation].filter(Boolean).join(",")}`;

function mounts(project: ComposeProject, s: ComposeService, hc: Record<string, unknown>): void {
  const binds: string[] = [];
  const list: Record<string, unknown>[] = [];
  const tmpfs: Record<string, string> = {};
  for (const m of s.mounts) {
    if (m.type === "bind") {
      // The Binds form creates a missing host path, as compose's short syntax does.
      if (m.createHostPath) binds.push(bindSpec(m));
      else
        list.push({
          Type: "bind",
          Source: m.source,
          Target: m.target,
          ReadOnly: m.readOnly,
          ...(m.propagation ? { BindOptions: { Propagation: m.propagation } } : {}),
        });
    } else if (m.type === "volume") {
      const name = m.source ? (project.volumes[m.source]?.name ?? m.source) : undefined;
      list.push({
        Type: "volume",
        ...(name ? { Source: name } : {}),
        Target: m.target,
        ReadOnly: m.readOnly,
        ...(m.nocopy ? { VolumeOptions: { NoCopy: true } } : {}),
      });
    } else {
      const opts = [m.size ? `size=${m.size}` : "", m.mode ? `mode=${m.mode.toString(8)}` : ""];
      tmpfs[m.target] = opts.filter(Boolean).join(",");
    }
  }
  if (binds.length) hc.Binds = binds;
  if (list.length) hc.Mounts = list;
  if (Object.keys(tmpfs).length) hc.Tmpfs = tmpfs;
}

function ports(s: ComposeService, config: CreateConfig, hc: Record<string, unknown>): void {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of s.ports) {
    const key = `${p.target}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp ?? "", HostPort: p.published ? String(p.published) : "" });
  }
  for (const e of s.expose) exposed[e.includes("/") ? e : `${e}/tcp`] = {};
  if (Object.keys(exposed).length) config.ExposedPorts = exposed;
  if (Object.keys(bindings).length) hc.PortBindings = bindings;
}

/** The restart policy; none when the file sets none, which leaves the engine's default, as compose does. */
function restartPolicy(restart: string | undefined) {
  if (restart === undefined) return undefined;
  if (restart === "no") return { Name: "no", MaximumRetryCount: 0 };
  const [name = "no", count] = restart.split(":");
  return { Name: name, MaximumRetryCount: count ? Number(count) : 0 };
}

function resources(s: ComposeService, hc: Record<string, unknown>): void {
  if (s.limits.memory) hc.Memory = s.limits.memory;
  if (s.limits.cpus) hc.NanoCpus = Math.round(s.limits.cpus * 1e9);
  if (s.limits.pids) hc.PidsLimit = s.limits.pids;
  if (s.reservations.memory) hc.MemoryReservation = s.reservations.memory;
}

function hostSettings(s: ComposeService, hc: Record<string, unknown>): void {
  if (s.capAdd.length) hc.CapAdd = s.capAdd;
  if (s.capDrop.length) hc.CapDrop = s.capDrop;
  if (s.privileged) hc.Privileged = true;
  if (s.readOnly) hc.ReadonlyRootfs = true;
  if (s.devices.length)
    hc.Devices = s.devices.map((d) => {
      const [host = "", inside = host, perms = "rwm"] = d.split(":");
      return { PathOnHost: host, PathInContainer: inside, CgroupPermissions: perms };
    });
  if (s.securityOpt.length) hc.SecurityOpt = s.securityOpt;
  if (s.extraHosts.length) hc.ExtraHosts = s.extraHosts;
  if (s.dns.length) hc.Dns = s.dns;
  if (s.dnsSearch.length) hc.DnsSearch = s.dnsSearch;
  if (Object.keys(s.sysctls).length) hc.Sysctls = s.sysctls;
  const ulimits = Object.entries(s.ulimits).map(([Name, u]) => ({ Name, Soft: u.soft, Hard: u.hard }));
  if (ulimits.length) hc.Ulimits = ulimits;
  if (s.shmSize) hc.ShmSize = s.shmSize;
  if (s.init !== undefined) hc.Init = s.init;
  if (s.logging?.driver || Object.keys(s.logging?.options ?? {}).length)
    hc.LogConfig = { Type: s.logging?.driver ?? "", Config: s.logging?.options ?? {} };
}

/**
 * Legacy links, as compose makes them: to every container of the linked service, by its link alias
 * (to the first container), by `<service>-<n>` and by the container's name.
 */
function links(project: ComposeProject, s: ComposeService, peer: (service: string) => string): string[] {
  const out = new Map<string, string>();
  for (const l of s.links) {
    const [service = "", alias = service] = l.split(":");
    const linked = project.services[service];
    const replicas = linked?.replicas ?? 1;
    for (let n = 1; n <= replicas; n++) {
      const name = linked ? containerName(project.name, linked, n) : `${project.name}-${service}-${n}`;
      const target = n === 1 ? peer(service) : name;
      for (const a of n === 1 ? [alias, `${service}-${n}`, name] : [`${service}-${n}`, name])
        if (!out.has(a)) out.set(a, `${target}:${a}`);
    }
  }
  return [...out.values()];
}

/**
 * The network mode and endpoints. Containers of another service are named by the container the
 * deploy resolved for it (`peer`); a user network's endpoint carries the service name as an alias,
 * as compose does, so the services find one another by name. The first network by priority, then
 * by key (as compose orders them), is the container's network mode; links go with any mode.
 */
function networking(
  project: ComposeProject,
  s: ComposeService,
  config: CreateConfig,
  hc: Record<string, unknown>,
  peer: (service: string) => string,
): void {
  const linked = links(project, s, peer);
  if (linked.length) hc.Links = linked;
  if (s.networkMode) {
    const m = /^service:(.+)$/.exec(s.networkMode);
    hc.NetworkMode = m?.[1] ? `container:${peer(m[1])}` : s.networkMode;
    return;
  }
  const keys = Object.keys(s.networks).sort(
    (a, b) => (s.networks[b]?.priority ?? 0) - (s.networks[a]?.priority ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const endpoints: NonNullable<CreateConfig["NetworkingConfig"]>["EndpointsConfig"] = {};
  for (const key of keys) {
    const n = s.networks[key];
    const name = project.networks[key]?.name ?? key;
    const ipam = {
      ...(n?.ipv4Address ? { IPv4Address: n.ipv4Address } : {}),
      ...(n?.ipv6Address ? { IPv6Address: n.ipv6Address } : {}),
    };
    endpoints[name] = {
      Aliases: [s.name, ...(n?.aliases ?? [])],
      ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
    };
  }
  const first = keys[0] && project.networks[keys[0]];
  if (first) hc.NetworkMode = first.name;
  if (Object.keys(endpoints).length) config.NetworkingConfig = { EndpointsConfig: endpoints };
}

/** The Engine API create body of one container of a service. */
export function serviceBody(
  project: ComposeProject,
  s: ComposeService,
  n: number,
  ctx: ProjectContext,
  peer: (service: string) => string,
): { name: string; config: CreateConfig; hash: string } {
  const hash = configHash(project, s);
  const labels: Record<string, string> = {
    ...s.labels,
    ...ctx.scopeLabels,
    [COMPOSE_LABELS.project]: project.name,
    [COMPOSE_LABELS.service]: s.name,
    [COMPOSE_LABELS.number]: String(n),
    [COMPOSE_LABELS.oneoff]: "False",
    [COMPOSE_LABELS.configHash]: hash,
    [COMPOSE_LABELS.workingDir]: ctx.workingDir,
    [COMPOSE_LABELS.configFiles]: ctx.configFiles,
    [COMPOSE_LABELS.version]: WHARF_COMPOSE_VERSION,
  };
  const depends = Object.entries(s.dependsOn).map(([d, o]) => `${d}:${o.condition}:${String(o.restart)}`);
  if (depends.length) labels[COMPOSE_LABELS.dependsOn] = depends.join(",");

  const config: CreateConfig = { Image: s.image ?? `${project.name}-${s.name}`, Labels: labels };
  if (s.command) config.Cmd = s.command;
  if (s.entrypoint) config.Entrypoint = s.entrypoint;
  const env = Object.entries(s.environment).filter((e): e is [string, string] => e[1] !== null);
  if (env.length) config.Env = env.map(([k, v]) => `${k}=${v}`);
  if (s.workingDir) config.WorkingDir = s.workingDir;
  if (s.user) config.User = s.user;
  if (s.hostname) config.Hostname = s.hostname;
  if (s.domainname) config.Domainname = s.domainname;
  if (s.tty) config.Tty = true;
  if (s.stdinOpen) config.OpenStdin = true;
  if (s.stopSignal) config.StopSignal = s.stopSignal;
  if (s.stopGracePeriod !== undefined) config.StopTimeout = s.stopGracePeriod;
  if (s.healthcheck) {
    const h = s.healthcheck;
    config.Healthcheck = {
      Test: h.test ?? [],
      ...(h.interval ? { Interval: h.interval } : {}),
      ...(h.timeout ? { Timeout: h.timeout } : {}),
      ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
      ...(h.retries ? { Retries: h.retries } : {}),
    };
  }
  const hc: Record<string, unknown> = {};
  const restart = restartPolicy(s.restart);
  if (restart) hc.RestartPolicy = restart;
  mounts(project, s, hc);
  ports(s, config, hc);
  resources(s, hc);
  hostSettings(s, hc);
  networking(project, s, config, hc, peer);
  config.HostConfig = hc;
  return { name: containerName(project.name, s, n), config, hash };
}
