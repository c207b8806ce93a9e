import { stringify } from "yaml";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { ContainerInspect, ImageInspect, NetworkInspect } from "../engines/engine-types";

type Doc = Record<string, unknown>;
type HostConfig = NonNullable<ContainerInspect["HostConfig"]>;

const sameList = (a: readonly unknown[] | null | undefined, b: readonly unknown[] | null | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

const nonEmpty = (o: Doc): Doc =>
  Object.fromEntries(
    Object.entries(o).filter(
      ([, v]) =>
        v !== undefined &&
        v !== false &&
        !(Array.isArray(v) && !v.length) &&
        !(v && typeof v === "object" && !Array.isArray(v) && !Object.keys(v).length),
    ),
  );

const seconds = (ns: number | null | undefined) => (ns ? `${ns / 1e9}s` : undefined);

/** Bytes as compose writes a size: in the largest binary unit that divides them. */
function size(bytes: number): string {
  for (const [unit, n] of [
    ["g", 1024 ** 3],
    ["m", 1024 ** 2],
    ["k", 1024],
  ] as const)
    if (bytes % n === 0) return `${bytes / n}${unit}`;
  return `${bytes}b`;
}

/** `:a,b` for the options that are set, or nothing. */
const options = (list: (string | undefined)[]) => {
  const set = list.filter(Boolean);
  return set.length ? `:${set.join(",")}` : "";
};

/** compose reads `$` as the start of a variable: every `$` in a value written here is doubled. */
function escapeDollars(v: unknown): unknown {
  if (typeof v === "string") return v.replace(/\$/g, () => "$$");
  if (Array.isArray(v)) return v.map(escapeDollars);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeDollars(x)]));
  return v;
}

const ANONYMOUS = /^[0-9a-f]{64}$/;

/** compose's own labels and the image's: what a service's `labels:` never held. */
function ownLabels(c: ContainerInspect, image: ImageInspect | undefined): Record<string, string> {
  const inherited = image?.Config?.Labels ?? {};
  return Object.fromEntries(
    Object.entries(c.Config?.Labels ?? {}).filter(
      ([k, v]) => !k.startsWith("com.docker.compose.") && inherited[k] !== v,
    ),
  );
}

function healthcheck(c: ContainerInspect, image: ImageInspect | undefined): Doc | undefined {
  const h = c.Config?.Healthcheck;
  if (!h || JSON.stringify(h) === JSON.stringify(image?.Config?.Healthcheck ?? null)) return undefined;
  if (sameList(h.Test, ["NONE"])) return { disable: true };
  return nonEmpty({
    test: h.Test ?? undefined,
    interval: seconds(h.Interval),
    timeout: seconds(h.Timeout),
    start_period: seconds(h.StartPeriod),
    retries: h.Retries || undefined,
  });
}

/** Published ports in the short syntax: `[ip:][host:]container[/proto]`, an IPv6 address in brackets. */
function ports(hc: HostConfig): string[] {
  const out: string[] = [];
  for (const [key, bindings] of Object.entries(hc.PortBindings ?? {})) {
    const [target = "", proto = "tcp"] = key.split("/");
    const suffix = proto === "tcp" ? "" : `/${proto}`;
    for (const b of bindings ?? []) {
      const ip = b.HostIp ? (b.HostIp.includes(":") ? `[${b.HostIp}]` : b.HostIp) : "";
      const host = ip ? `${ip}:${b.HostPort ?? ""}:` : b.HostPort ? `${b.HostPort}:` : "";
      out.push(`${host}${target}${suffix}`);
    }
  }
  return out;
}

/** Ports the container exposes that neither its image nor a published port accounts for. */
function expose(c: ContainerInspect, image: ImageInspect | undefined): string[] {
  const published = new Set(Object.keys(c.HostConfig?.PortBindings ?? {}));
  const fromImage = new Set(Object.keys(image?.Config?.ExposedPorts ?? {}));
  return Object.keys(c.Config?.ExposedPorts ?? {})
    .filter((p) => !published.has(p) && !fromImage.has(p))
    .map((p) => (p.endsWith("/tcp") ? p.slice(0, -4) : p));
}

interface Shared {
  project: string;
  networks: Map<string, Doc>;
  volumes: Map<string, Doc>;
  /** The engine's documents of the networks, by name, when the caller has them. */
  networkDocs: ReadonlyMap<string, NetworkInspect>;
}

/**
 * A network a container is on, as the file names it: a network compose made for this project under
 * the key its label names (with its engine name when that is not `<project>_<key>`, and its
 * settings); one made elsewhere as external under its own name.
 */
function projectNetwork(shared: Shared, name: string): { key: string; doc: Doc } {
  const n = shared.networkDocs.get(name);
  const labels = n?.Labels ?? {};
  const own = labels[COMPOSE_LABELS.project] === shared.project ? labels[COMPOSE_LABELS.network] : undefined;
  if (own)
    return {
      key: own,
      doc: { ...(name !== `${shared.project}_${own}` ? { name } : {}), ...networkSettings(n) },
    };
  const key = keyOf(shared.project, name);
  return { key, doc: key === name ? { external: true } : networkSettings(n) };
}

/**
 * A project network's settings as its file would have said them: its driver when not the default,
 * `internal`, `attachable`, `enable_ipv6`, its driver options and its own labels (not compose's).
 */
function networkSettings(n: NetworkInspect | undefined): Doc {
  if (!n) return {};
  const labels = Object.fromEntries(
    Object.entries(n.Labels ?? {}).filter(([k]) => !k.startsWith("com.docker.compose.")),
  );
  return nonEmpty({
    driver: n.Driver && n.Driver !== "bridge" ? n.Driver : undefined,
    driver_opts: n.Options && Object.keys(n.Options).length ? n.Options : undefined,
    internal: n.Internal === true ? true : undefined,
    attachable: n.Attachable === true ? true : undefined,
    enable_ipv6: n.EnableIPv6 === true ? true : undefined,
    labels: Object.keys(labels).length ? labels : undefined,
  });
}

/** The key a project object had in its file: its compose label, else its name without the project prefix. */
const keyOf = (project: string, name: string, label?: string) =>
  label ?? (name.startsWith(`${project}_`) ? name.slice(project.length + 1) : name);

/**
 * Volumes, binds and tmpfs mounts, by target. What the Mounts API made (compose's long syntax) is
 * written in the long syntax, so a bind keeps not creating a missing host path; the rest in the
 * short one.
 */
function mounts(c: ContainerInspect, shared: Shared): (string | Doc)[] {
  const hc = c.HostConfig ?? {};
  const viaApi = new Map((hc.Mounts ?? []).map((m) => [m.Target ?? "", m]));
  const tmpfs = hc.Tmpfs ?? {};
  const out: (string | Doc)[] = [];
  // The engine lists mounts in no set order: by target, the same container always reads the same.
  const sorted = [...(c.Mounts ?? [])].sort((a, b) =>
    (a.Destination ?? "") < (b.Destination ?? "") ? -1 : 1,
  );
  for (const m of sorted) {
    const target = m.Destination;
    if (!target || tmpfs[target] !== undefined) continue;
    const given = viaApi.get(target);
    const readOnly = m.RW === false;
    if (m.Type === "tmpfs") {
      const o = given?.TmpfsOptions;
      out.push(
        nonEmpty({
          type: "tmpfs",
          target,
          tmpfs: nonEmpty({
            size: o?.SizeBytes || undefined,
            mode: o?.Mode ? o.Mode.toString(8) : undefined,
          }),
        }),
      );
    } else if (m.Type === "bind") {
      // The engine reports its default propagation; only another one was asked for.
      const propagation = m.Propagation && m.Propagation !== "rprivate" ? m.Propagation : undefined;
      if (given)
        out.push(
          nonEmpty({
            type: "bind",
            source: m.Source,
            target,
            read_only: readOnly,
            bind: nonEmpty({ propagation }),
          }),
        );
      else out.push(`${m.Source}:${target}${options([readOnly ? "ro" : undefined, propagation])}`);
    } else if (m.Type === "volume" && m.Name && !ANONYMOUS.test(m.Name)) {
      const key = keyOf(shared.project, m.Name);
      shared.volumes.set(key, key === m.Name ? { external: true } : {});
      const nocopy = given?.VolumeOptions?.NoCopy === true || (m.Mode ?? "").split(",").includes("nocopy");
      out.push(`${key}:${target}${options([readOnly ? "ro" : undefined, nocopy ? "nocopy" : undefined])}`);
    } else if (m.Type === "volume") out.push(readOnly ? { type: "volume", target, read_only: true } : target);
  }
  return out;
}

/** Service-level tmpfs with the size and mode they were given (the only options compose's key takes). */
function tmpfsList(hc: HostConfig): string[] {
  return Object.entries(hc.Tmpfs ?? {}).map(([target, opts]) => {
    const kept = opts.split(",").filter((o) => /^(size|mode)=/.test(o));
    return kept.length ? `${target}:${kept.join(",")}` : target;
  });
}

/**
 * Legacy links, less the aliases compose adds by itself (the linked container's name and
 * `<service>_<n>` or `<service>-<n>`): `service` or `service:alias`.
 */
function links(hc: HostConfig, project: string): string[] {
  const out = new Set<string>();
  const prefix = project.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const l of hc.Links ?? []) {
    const m = /^\/([^:]+):\/[^/]+\/(.+)$/.exec(l);
    const [target = "", alias = ""] = m ? m.slice(1) : [];
    const t = new RegExp(`^${prefix}[_-](.+)[_-](\\d+)$`).exec(target);
    if (!t) continue;
    const [, service = "", n = ""] = t;
    if (alias === target || alias === `${service}_${n}` || alias === `${service}-${n}`) continue;
    out.add(alias === service ? service : `${service}:${alias}`);
  }
  // The engine lists a container's links from a map, in no fixed order: sort them so two reads
  // of one container write the same file.
  return [...out].sort();
}

function networking(c: ContainerInspect, service: string, shared: Shared): Doc {
  const mode = c.HostConfig?.NetworkMode ?? "";
  if (mode === "none" || mode === "host" || mode.startsWith("container:")) return { network_mode: mode };
  const networks: Doc = {};
  const own = new Set([
    service,
    (c.Id ?? "").slice(0, 12),
    c.Config?.Hostname ?? "",
    (c.Name ?? "").replace(/^\//, ""),
  ]);
  for (const [name, e] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
    const { key, doc } = projectNetwork(shared, name);
    if (!shared.networks.has(key)) shared.networks.set(key, doc);
    const aliases = (e.Aliases ?? []).filter((a) => !own.has(a));
    const settings = nonEmpty({
      aliases,
      ipv4_address: e.IPAMConfig?.IPv4Address || undefined,
      ipv6_address: e.IPAMConfig?.IPv6Address || undefined,
    });
    networks[key] = Object.keys(settings).length ? settings : null;
  }
  const keys = Object.keys(networks);
  if (keys.length === 1 && keys[0] === "default" && networks.default === null) return {};
  // The network the container was made on comes first; compose orders the rest by key.
  const primary = projectNetwork(shared, mode).key;
  if (networks[primary] !== undefined && primary !== [...keys].sort()[0])
    networks[primary] = { ...(networks[primary] as Doc | null), priority: 1 };
  return { networks };
}

/** The host name and domain name the file gave, unless the engine chose them (the short id, or the network's owner's). */
function identity(c: ContainerInspect): Doc {
  const mode = c.HostConfig?.NetworkMode ?? "";
  if (mode === "host" || mode.startsWith("container:")) return {};
  const hostname = c.Config?.Hostname ?? "";
  return {
    hostname: hostname && hostname !== (c.Id ?? "").slice(0, 12) ? hostname : undefined,
    domainname: c.Config?.Domainname || undefined,
  };
}

function runtime(hc: HostConfig): Doc {
  const ulimits = Object.fromEntries(
    (hc.Ulimits ?? []).map((u) => [
      u.Name ?? "",
      u.Soft === u.Hard ? u.Soft : { soft: u.Soft ?? 0, hard: u.Hard ?? 0 },
    ]),
  );
  const log = hc.LogConfig;
  const logOptions = log?.Config ?? {};
  return {
    devices: (hc.Devices ?? []).map((d) =>
      [d.PathOnHost ?? "", d.PathInContainer ?? "", d.CgroupPermissions ?? "rwm"].join(":"),
    ),
    sysctls: hc.Sysctls ?? undefined,
    ulimits,
    shm_size: hc.ShmSize && hc.ShmSize !== 64 * 1024 ** 2 ? size(hc.ShmSize) : undefined,
    logging:
      log?.Type && (log.Type !== "json-file" || Object.keys(logOptions).length)
        ? nonEmpty({ driver: log.Type, options: logOptions })
        : undefined,
  };
}

/** One service of a project, as compose would have written it, from one of its containers. */
function serviceOf(
  c: ContainerInspect,
  image: ImageInspect | undefined,
  replicas: number,
  shared: Shared,
): Doc {
  const cfg = c.Config ?? {};
  const hc = c.HostConfig ?? {};
  const service = cfg.Labels?.[COMPOSE_LABELS.service] ?? "";
  // A name compose did not make (v1's <project>_<service>_<n> or v2's with "-") was the file's.
  const name = (c.Name ?? "").replace(/^\//, "");
  const n = cfg.Labels?.[COMPOSE_LABELS.number] ?? "1";
  const made = [`${shared.project}_${service}_${n}`, `${shared.project}-${service}-${n}`];
  const imageEnv = new Set(image?.Config?.Env ?? []);
  const policy: string = hc.RestartPolicy?.Name ?? "";
  const restart =
    policy === "on-failure" && hc.RestartPolicy?.MaximumRetryCount
      ? `on-failure:${hc.RestartPolicy.MaximumRetryCount}`
      : policy || undefined;
  const depends = cfg.Labels?.[COMPOSE_LABELS.dependsOn];
  const limits = nonEmpty({
    memory: hc.Memory ? size(hc.Memory) : undefined,
    cpus: hc.NanoCpus ? hc.NanoCpus / 1e9 : undefined,
    pids: hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : undefined,
  });
  const reservations = nonEmpty({
    memory: hc.MemoryReservation ? size(hc.MemoryReservation) : undefined,
  });
  const entrypoint = sameList(cfg.Entrypoint, image?.Config?.Entrypoint)
    ? undefined
    : (cfg.Entrypoint ?? undefined);
  // With its own entrypoint a container takes no command from its image: write whatever it has.
  const command = !entrypoint && sameList(cfg.Cmd, image?.Config?.Cmd) ? undefined : (cfg.Cmd ?? undefined);
  return nonEmpty({
    image: cfg.Image,
    container_name: replicas === 1 && service && name && !made.includes(name) ? name : undefined,
    command,
    entrypoint,
    environment: (cfg.Env ?? []).filter((e) => !imageEnv.has(e)),
    labels: ownLabels(c, image),
    restart,
    ports: ports(hc),
    expose: expose(c, image),
    volumes: mounts(c, shared),
    tmpfs: tmpfsList(hc),
    ...networking(c, service, shared),
    links: links(hc, shared.project),
    depends_on: depends
      ? Object.fromEntries(
          depends.split(",").map((d) => {
            const [name = "", condition = "service_started", again] = d.split(":");
            return [name, nonEmpty({ condition, restart: again === "true" })];
          }),
        )
      : undefined,
    healthcheck: healthcheck(c, image),
    ...identity(c),
    user: cfg.User && cfg.User !== (image?.Config?.User ?? "") ? cfg.User : undefined,
    working_dir:
      cfg.WorkingDir && cfg.WorkingDir !== (image?.Config?.WorkingDir ?? "") ? cfg.WorkingDir : undefined,
    init: hc.Init ?? undefined,
    stop_signal:
      cfg.StopSignal && cfg.StopSignal !== (image?.Config?.StopSignal ?? "SIGTERM")
        ? cfg.StopSignal
        : undefined,
    stop_grace_period: typeof cfg.StopTimeout === "number" ? `${cfg.StopTimeout}s` : undefined,
    tty: cfg.Tty || undefined,
    stdin_open: cfg.OpenStdin || undefined,
    cap_add: hc.CapAdd ?? undefined,
    cap_drop: hc.CapDrop ?? undefined,
    privileged: hc.Privileged || undefined,
    read_only: hc.ReadonlyRootfs || undefined,
    security_opt: hc.SecurityOpt ?? undefined,
    extra_hosts: hc.ExtraHosts ?? undefined,
    dns: hc.Dns ?? undefined,
    dns_search: hc.DnsSearch ?? undefined,
    ...runtime(hc),
    deploy: nonEmpty({
      replicas: replicas === 1 ? undefined : replicas,
      resources: nonEmpty({ limits, reservations }),
    }),
  });
}

/**
 * A compose file for containers that have none Wharf can read: one service per compose service
 * label (or per container, named after it, for containers outside any project), written from the
 * first container's inspect document less what its image already sets, with the project networks'
 * settings from `networks` (the engine's list). Loaded back, it plans no change for those containers.
 */
export function composeFromContainers(
  project: string,
  containers: readonly ContainerInspect[],
  images: ReadonlyMap<string, ImageInspect>,
  networks: readonly NetworkInspect[] = [],
): string {
  const shared: Shared = {
    project,
    networks: new Map(),
    volumes: new Map(),
    networkDocs: new Map(networks.flatMap((n) => (n.Name ? [[n.Name, n] as const] : []))),
  };
  const byService = new Map<string, ContainerInspect[]>();
  for (const c of containers) {
    const s = c.Config?.Labels?.[COMPOSE_LABELS.service] ?? (c.Name ?? "").replace(/^\//, "");
    byService.set(s, [...(byService.get(s) ?? []), c]);
  }
  const services: Doc = {};
  for (const [s, list] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    const first = list.sort(
      (a, b) =>
        Number(a.Config?.Labels?.[COMPOSE_LABELS.number] ?? 0) -
        Number(b.Config?.Labels?.[COMPOSE_LABELS.number] ?? 0),
    )[0];
    if (first) services[s] = serviceOf(first, images.get(first.Image ?? ""), list.length, shared);
  }
  const doc: Doc = { name: project, services: escapeDollars(services) };
  if (shared.networks.size) doc.networks = Object.fromEntries(shared.networks);
  if (shared.volumes.size) doc.volumes = Object.fromEntries(shared.volumes);
  // Quoted where YAML 1.1 would read a string otherwise ("no", "on"), as compose v1 reads YAML 1.1.
  return stringify(doc, { lineWidth: 0, compat: "yaml-1.1" });
}
