/** What a service points at: networks, other services (depends_on, links), configs and secrets. */
import { type LoadContext, undeclared } from "./context";
import { type Path, q } from "./issues";
import { type ComposeService, DEPENDS_CONDITIONS, type DependsCondition, type ServiceFileRef } from "./model";
import type { RawService } from "./raw";
import { parseFileMode } from "./units";

type Refs = Pick<ComposeService, "networks" | "networkMode" | "dependsOn" | "links" | "configs" | "secrets">;

const NETWORK_MODE = /^(none|host|bridge|(service|container):.+)$/;

export function serviceRefs(ctx: LoadContext, raw: RawService, at: Path): Refs {
  const networks: ComposeService["networks"] = {};
  if (Array.isArray(raw.networks)) for (const name of raw.networks) networks[name] = { aliases: [] };
  else {
    for (const [name, n] of Object.entries(raw.networks ?? {})) {
      networks[name] = {
        aliases: [...(n?.aliases ?? [])],
        ...(n?.ipv4_address ? { ipv4Address: n.ipv4_address } : {}),
        ...(n?.ipv6_address ? { ipv6Address: n.ipv6_address } : {}),
        ...(n?.priority !== undefined ? { priority: n.priority } : {}),
      };
    }
  }
  Object.keys(networks).forEach((name, i) => {
    if (name !== "default" && !ctx.declared.networks.has(name)) {
      ctx.issues.add(
        [...at, "networks", Array.isArray(raw.networks) ? i : name],
        undeclared("networks", name),
      );
    }
  });
  const mode = raw.network_mode;
  if (mode !== undefined) {
    if (!NETWORK_MODE.test(mode)) {
      ctx.issues.add(
        [...at, "network_mode"],
        `must be "none", "host", "bridge", "service:<name>" or "container:<name>"`,
      );
    }
    if (raw.networks !== undefined)
      ctx.issues.add([...at, "networks"], "cannot be set together with network_mode");
  }
  const dependsOn: ComposeService["dependsOn"] = {};
  if (Array.isArray(raw.depends_on)) {
    for (const name of raw.depends_on)
      dependsOn[name] = { condition: "service_started", restart: false, required: true };
  } else {
    for (const [name, d] of Object.entries(raw.depends_on ?? {})) {
      const condition = (DEPENDS_CONDITIONS as readonly string[]).includes(d.condition)
        ? (d.condition as DependsCondition)
        : "service_started";
      dependsOn[name] = { condition, restart: d.restart ?? false, required: d.required ?? true };
    }
  }
  const links = (raw.links ?? []).map((link) => {
    const [service = "", alias] = link.split(":", 2);
    return `${service}:${alias || service}`;
  });
  return {
    networks: mode === undefined ? networks : {},
    ...(mode !== undefined ? { networkMode: mode } : {}),
    dependsOn,
    links,
    configs: fileRefs(ctx, "configs", raw.configs, at, (source) => `/${source}`),
    secrets: fileRefs(ctx, "secrets", raw.secrets, at, (source) => `/run/secrets/${source}`),
  };
}

function fileRefs(
  ctx: LoadContext,
  kind: "configs" | "secrets",
  refs: RawService["configs"],
  service: Path,
  defaultTarget: (source: string) => string,
): ServiceFileRef[] {
  const at = [...service, kind];
  return (refs ?? []).map((ref, i) => {
    const source = typeof ref === "string" ? ref : (ref.source ?? "");
    if (source === "") ctx.issues.add([...at, i], `needs "source"`);
    else if (!ctx.declared[kind].has(source)) ctx.issues.add([...at, i], undeclared(kind, source));
    if (typeof ref === "string") return { source: ref, target: defaultTarget(ref) };
    // A relative target sits where the default one would.
    const target =
      ref.target === undefined
        ? defaultTarget(source)
        : ref.target.startsWith("/")
          ? ref.target
          : defaultTarget(ref.target);
    const mode = ref.mode === undefined ? undefined : parseFileMode(ref.mode);
    if (ref.mode !== undefined && mode === undefined)
      ctx.issues.add([...at, i, "mode"], `${q(ref.mode)} is not a file mode`);
    return {
      source,
      target,
      ...(ref.uid !== undefined ? { uid: ref.uid } : {}),
      ...(ref.gid !== undefined ? { gid: ref.gid } : {}),
      ...(mode !== undefined ? { mode } : {}),
    };
  });
}
