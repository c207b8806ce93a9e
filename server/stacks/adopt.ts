import { stringify } from "yaml";
import { COMPOSE_LABELS } from "../../lib/stacks/types";
import type { ContainerInspect, ImageInspect } from "../engines/engine-types";

type Doc = Record<string, unknown>;

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

function ports(c: ContainerInspect): string[] {
  const out: string[] = [];
  for (const [key, bindings] of Object.entries(c.HostConfig?.PortBindings ?? {})) {
    const [target = "", proto = "tcp"] = key.split("/");
    for (const b of bindings ?? []) {
      const host = [b.HostIp, b.HostPort].filter(Boolean).join(":");
      out.push(`${host ? `${host}:` : ""}${target}${proto === "tcp" ? "" : `/${proto}`}`);
    }
  }
  return out;
}

interface Shared {
  project: string;
  networks: Map<string, Doc>;
  volumes: Map<string, Doc>;
}

/** The key a project object had in its file: its compose label, else its name without the project prefix. */
const keyOf = (project: string, name: string, label?: string) =>
  label ?? (name.startsWith(`${project}_`) ? name.slice(project.length + 1) : name);

function mounts(c: ContainerInspect, shared: Shared): string[] {
  const out: string[] = [];
  const tmpfs = c.HostConfig?.Tmpfs ?? {};
  for (const m of c.Mounts ?? []) {
    if (!m.Destination || tmpfs[m.Destination] !== undefined) continue;
    const mode = m.RW === false ? ":ro" : "";
    if (m.Type === "bind") out.push(`${m.Source}:${m.Destination}${mode}`);
    else if (m.Type === "volume" && m.Name && !/^[0-9a-f]{64}$/.test(m.Name)) {
      const key = keyOf(shared.project, m.Name);
      shared.volumes.set(key, key === m.Name ? { external: true } : {});
      out.push(`${key}:${m.Destination}${mode}`);
    } else if (m.Type === "volume") out.push(m.Destination);
  }
  return out;
}

function networking(c: ContainerInspect, service: string, shared: Shared): Doc {
  const mode = c.HostConfig?.NetworkMode ?? "";
  if (mode === "none" || mode === "host" || mode.startsWith("container:")) return { network_mode: mode };
  const networks: Doc = {};
  const shortId = (c.Id ?? "").slice(0, 12);
  for (const [name, e] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
    const key = keyOf(shared.project, name);
    if (!shared.networks.has(key)) shared.networks.set(key, key === name ? { external: true } : {});
    const aliases = (e.Aliases ?? []).filter(
      (a) => a !== service && a !== shortId && a !== c.Config?.Hostname,
    );
    networks[key] = aliases.length ? { aliases } : null;
  }
  const keys = Object.keys(networks);
  if (keys.length === 1 && keys[0] === "default" && networks.default === null) return {};
  return { networks };
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
  const imageEnv = new Set(image?.Config?.Env ?? []);
  const policy: string = hc.RestartPolicy?.Name ?? "";
  const restart =
    policy && policy !== "no"
      ? policy === "on-failure" && hc.RestartPolicy?.MaximumRetryCount
        ? `on-failure:${hc.RestartPolicy.MaximumRetryCount}`
        : policy
      : undefined;
  const depends = cfg.Labels?.[COMPOSE_LABELS.dependsOn];
  const limits = nonEmpty({
    memory: hc.Memory || undefined,
    cpus: hc.NanoCpus ? hc.NanoCpus / 1e9 : undefined,
    pids: hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : undefined,
  });
  const reservations = nonEmpty({ memory: hc.MemoryReservation || undefined });
  return nonEmpty({
    image: cfg.Image,
    command: sameList(cfg.Cmd, image?.Config?.Cmd) ? undefined : (cfg.Cmd ?? undefined),
    entrypoint: sameList(cfg.Entrypoint, image?.Config?.Entrypoint)
      ? undefined
      : (cfg.Entrypoint ?? undefined),
    environment: (cfg.Env ?? []).filter((e) => !imageEnv.has(e)),
    labels: ownLabels(c, image),
    restart,
    ports: ports(c),
    volumes: mounts(c, shared),
    tmpfs: Object.keys(hc.Tmpfs ?? {}),
    ...networking(c, service, shared),
    depends_on: depends
      ? Object.fromEntries(
          depends.split(",").map((d) => {
            const [name = "", condition = "service_started"] = d.split(":");
            return [name, { condition }];
          }),
        )
      : undefined,
    healthcheck: healthcheck(c, image),
    user: cfg.User && cfg.User !== (image?.Config?.User ?? "") ? cfg.User : undefined,
    working_dir:
      cfg.WorkingDir && cfg.WorkingDir !== (image?.Config?.WorkingDir ?? "") ? cfg.WorkingDir : undefined,
    init: hc.Init ?? undefined,
    stop_signal:
      cfg.StopSignal && cfg.StopSignal !== (image?.Config?.StopSignal ?? "SIGTERM")
        ? cfg.StopSignal
        : undefined,
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
    deploy: nonEmpty({
      replicas: replicas === 1 ? undefined : replicas,
      resources: nonEmpty({ limits, reservations }),
    }),
  });
}

/**
 * A compose file for containers that have none Wharf can read: one service per compose service
 * label (or per container, named after it, for containers outside any project), written from the
 * first container's inspect document less what its image already sets. Loaded back, it plans no
 * change for those containers.
 */
export function composeFromContainers(
  project: string,
  containers: readonly ContainerInspect[],
  images: ReadonlyMap<string, ImageInspect>,
): string {
  const shared: Shared = { project, networks: new Map(), volumes: new Map() };
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
  const doc: Doc = { name: project, services };
  if (shared.networks.size) doc.networks = Object.fromEntries(shared.networks);
  if (shared.volumes.size) doc.volumes = Object.fromEntries(shared.volumes);
  return stringify(doc, { lineWidth: 0 });
}
