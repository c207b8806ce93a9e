/** Top-level networks, volumes, configs and secrets, with the names the engine will know them by. */
import type { LoadContext } from "./context";
import { readStackFile } from "./context";
import { q } from "./issues";
import type { ComposeFileObject, ComposeNetwork, ComposeVolume } from "./model";
import type { RawExternal, RawFileObject, RawNetwork, RawVolume } from "./raw";
import { optionMap, stringMap } from "./values";

/** `name:`, else `<project>_<key>`; an external object keeps its own name (`external.name` being the old spelling). */
function engineName(
  ctx: LoadContext,
  key: string,
  name: string | undefined,
  external: RawExternal | undefined,
): string {
  const externalName = typeof external === "object" ? external.name : undefined;
  if (external) return name ?? externalName ?? key;
  return name ?? `${ctx.project}_${key}`;
}

export function normalizeNetwork(ctx: LoadContext, key: string, raw: RawNetwork | null): ComposeNetwork {
  const n = raw ?? {};
  const ipam = n.ipam;
  return {
    name: engineName(ctx, key, n.name, n.external),
    external: Boolean(n.external),
    ...(n.driver !== undefined ? { driver: n.driver } : {}),
    driverOpts: optionMap(n.driver_opts),
    internal: n.internal ?? false,
    attachable: n.attachable ?? false,
    enableIpv6: n.enable_ipv6 ?? false,
    labels: stringMap(n.labels),
    ...(ipam
      ? {
          ipam: {
            ...(ipam.driver !== undefined ? { driver: ipam.driver } : {}),
            config: (ipam.config ?? []).map((c) => ({
              ...(c.subnet !== undefined ? { subnet: c.subnet } : {}),
              ...(c.ip_range !== undefined ? { ipRange: c.ip_range } : {}),
              ...(c.gateway !== undefined ? { gateway: c.gateway } : {}),
              ...(c.aux_addresses !== undefined ? { auxAddresses: { ...c.aux_addresses } } : {}),
            })),
            options: optionMap(ipam.options),
          },
        }
      : {}),
  };
}

export function normalizeVolume(ctx: LoadContext, key: string, raw: RawVolume | null): ComposeVolume {
  const v = raw ?? {};
  return {
    name: engineName(ctx, key, v.name, v.external),
    external: Boolean(v.external),
    ...(v.driver !== undefined ? { driver: v.driver } : {}),
    driverOpts: optionMap(v.driver_opts),
    labels: stringMap(v.labels),
  };
}

const FILE_SOURCES = ["file", "environment", "content"] as const;

/**
 * A config or secret the swarm holds already, by its own name: `name:`, else the deprecated
 * `external.name`, else its key (as `docker stack deploy` names it). Nothing of it is read here.
 */
function externalFileObject(
  ctx: LoadContext,
  kind: "configs" | "secrets",
  key: string,
  raw: RawFileObject,
): ComposeFileObject {
  const at = [kind, key];
  const externalName = typeof raw.external === "object" ? raw.external.name : undefined;
  if (raw.name !== undefined && externalName !== undefined)
    ctx.issues.add([...at, "external", "name"], `conflicts with "name"; keep only "name"`);
  for (const source of FILE_SOURCES) {
    if (raw[source] === undefined) continue;
    ctx.issues.add(
      [...at, source],
      `an external ${kind === "configs" ? "config" : "secret"} exists on the swarm already; drop ${q(source)} or "external"`,
    );
  }
  return { name: engineName(ctx, key, raw.name, raw.external), content: "", external: true };
}

/** A config or secret with its content; undefined (and an issue) when it cannot be read. */
export function normalizeFileObject(
  ctx: LoadContext,
  kind: "configs" | "secrets",
  key: string,
  raw: RawFileObject,
): ComposeFileObject | undefined {
  const at = [kind, key];
  if (raw.external && ctx.orchestrator === "swarm") return externalFileObject(ctx, kind, key, raw);
  if (raw.external) {
    ctx.issues.add(
      [...at, "external"],
      `external ${kind} need a swarm; give a file, environment or content instead`,
    );
    return undefined;
  }
  const sources = FILE_SOURCES.filter((k) => raw[k] !== undefined);
  if (sources.length !== 1) {
    const allowed = kind === "configs" ? `"file", "environment" or "content"` : `"file" or "environment"`;
    ctx.issues.add(at, sources.length === 0 ? `needs ${allowed}` : `takes only one of ${allowed}`);
    return undefined;
  }
  let content: string | undefined;
  if (raw.file !== undefined) content = readStackFile(ctx, raw.file, [...at, "file"]);
  else if (raw.environment !== undefined) {
    content = ctx.vars[raw.environment];
    if (content === undefined)
      ctx.issues.add([...at, "environment"], `the variable ${q(raw.environment)} is not set in .env`);
  } else content = raw.content;
  if (content === undefined) return undefined;
  return { name: raw.name ?? `${ctx.project}_${key}`, content };
}
