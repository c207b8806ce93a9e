/**
 * The project from the validated document: profiles applied, services normalized, references
 * between services checked, the implicit `default` network added, and only the networks, volumes,
 * configs and secrets that active services use kept (as `docker compose up` creates only those).
 */
import type { LoadContext } from "./context";
import { type Path, q } from "./issues";
import type {
  ComposeFileObject,
  ComposeNetwork,
  ComposeProject,
  ComposeService,
  ComposeVolume,
} from "./model";
import type { RawCompose, RawService } from "./raw";
import { normalizeFileObject, normalizeNetwork, normalizeVolume } from "./resources";
import { normalizeService } from "./service";

function named<T>(map: Record<string, T> | undefined): [string, T][] {
  return Object.entries(map ?? {}).filter(([k]) => !k.startsWith("x-"));
}

export function declaredKeys(raw: RawCompose): LoadContext["declared"] {
  return {
    networks: new Set(named(raw.networks).map(([k]) => k)),
    volumes: new Set(named(raw.volumes).map(([k]) => k)),
    configs: new Set(named(raw.configs).map(([k]) => k)),
    secrets: new Set(named(raw.secrets).map(([k]) => k)),
  };
}

export function isActive(service: RawService, profiles: readonly string[]): boolean {
  return !service.profiles?.length || service.profiles.some((p) => profiles.includes(p));
}

export function normalizeProject(
  ctx: LoadContext,
  raw: RawCompose,
  profiles: readonly string[],
): ComposeProject {
  const all = new Map(named(raw.services));
  if (all.size === 0) ctx.issues.add(["services"], "the file defines no services");
  const services: Record<string, ComposeService> = {};
  for (const [name, s] of all) if (isActive(s, profiles)) services[name] = normalizeService(ctx, name, s);
  if (all.size > 0 && Object.keys(services).length === 0) {
    const active = profiles.length > 0 ? `the profiles ${q(profiles.join(","))}` : "no profile";
    ctx.issues.add(["services"], `no service is active with ${active} selected`);
  }
  for (const service of Object.values(services)) checkServiceRefs(ctx, service, all, profiles);

  const networks: Record<string, ComposeNetwork> = {};
  for (const [key, n] of named(raw.networks)) networks[key] = normalizeNetwork(ctx, key, n);
  const volumes: Record<string, ComposeVolume> = {};
  for (const [key, v] of named(raw.volumes)) volumes[key] = normalizeVolume(ctx, key, v);
  const files = (kind: "configs" | "secrets") => {
    const out: Record<string, ComposeFileObject> = {};
    for (const [key, c] of named(raw[kind])) {
      const object = normalizeFileObject(ctx, kind, key, c);
      if (object) out[key] = object;
    }
    return out;
  };
  const configs = files("configs");
  const secrets = files("secrets");

  const used = {
    networks: new Set<string>(),
    volumes: new Set<string>(),
    configs: new Set<string>(),
    secrets: new Set<string>(),
  };
  for (const s of Object.values(services)) {
    if (s.networkMode === undefined && Object.keys(s.networks).length === 0)
      s.networks.default = { aliases: [] };
    Object.keys(s.networks).forEach((n) => used.networks.add(n));
    for (const m of s.mounts) if (m.type === "volume" && m.source !== undefined) used.volumes.add(m.source);
    s.configs.forEach((c) => used.configs.add(c.source));
    s.secrets.forEach((c) => used.secrets.add(c.source));
  }
  if (used.networks.has("default") && !networks.default)
    networks.default = normalizeNetwork(ctx, "default", null);
  const keep = <T>(map: Record<string, T>, names: Set<string>) =>
    Object.fromEntries(Object.entries(map).filter(([k]) => names.has(k)));
  return {
    name: ctx.project,
    services,
    networks: keep(networks, used.networks),
    volumes: keep(volumes, used.volumes),
    configs: keep(configs, used.configs),
    secrets: keep(secrets, used.secrets),
  };
}

/**
 * A service named by depends_on, links or `network_mode: service:` must exist and be active. An
 * optional dependency (`required: false`) that is missing is dropped with a warning instead.
 */
function checkServiceRefs(
  ctx: LoadContext,
  s: ComposeService,
  all: Map<string, RawService>,
  profiles: readonly string[],
) {
  const raw = all.get(s.name);
  const at: Path = ["services", s.name];
  const problem = (target: string): string | undefined => {
    const other = all.get(target);
    if (!other) return `${q(target)} is not a service of this file`;
    if (!isActive(other, profiles)) {
      return `${q(target)} is not active: it needs one of the profiles ${q((other.profiles ?? []).join(","))}`;
    }
    return undefined;
  };
  for (const [target, dep] of Object.entries(s.dependsOn)) {
    const message = problem(target);
    if (!message) continue;
    const list = Array.isArray(raw?.depends_on) ? raw.depends_on : undefined;
    if (dep.required) ctx.issues.add([...at, "depends_on", list ? list.indexOf(target) : target], message);
    else {
      ctx.warnings.push(`services.${s.name}.depends_on: ${message}; the optional dependency was dropped`);
      delete s.dependsOn[target];
    }
  }
  s.links.forEach((link, i) => {
    const message = problem(link.split(":")[0] ?? "");
    if (message) ctx.issues.add([...at, "links", i], message);
  });
  if (s.networkMode?.startsWith("service:")) {
    const message = problem(s.networkMode.slice("service:".length));
    if (message) ctx.issues.add([...at, "network_mode"], message);
  }
}
