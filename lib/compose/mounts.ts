/** Service volumes (short and long syntax) and service-level `tmpfs`, as mounts. */
import { q } from "./issues";
import type { ServiceMount } from "./model";
import type { RawVolumeMount } from "./raw";
import { resolveHostPath } from "./stack-paths";
import { parseByteSize, parseFileMode } from "./units";

export type MountResult = { mount: ServiceMount } | { error: string };

const PROPAGATIONS = ["shared", "rshared", "slave", "rslave", "private", "rprivate"];
const CONSISTENCY = ["consistent", "cached", "delegated"];

/** compose reads a source starting with ".", "/" or "~" as a host path, anything else as a volume name. */
function isHostPath(source: string): boolean {
  return /^[./~]/.test(source);
}

/** `spec` names the short-syntax string; the long syntax has a `target` key instead. */
function checkTarget(target: string | undefined, spec?: string): string | undefined {
  if (!target)
    return spec === undefined ? `needs a "target" path in the container` : `${q(spec)} needs a target path`;
  if (!target.startsWith("/")) return `the target ${q(target)} must be an absolute path`;
  return undefined;
}

function hostSource(source: string, workingDir: string): { path: string } | { error: string } {
  if (source.startsWith("~"))
    return { error: `${q(source)}: a path under "~" cannot be resolved here; use an absolute path` };
  return { path: resolveHostPath(workingDir, source) };
}

/** "name:/path:ro", "./rel:/path", "/abs:/path:rw,rshared", or "/path" for an anonymous volume. */
export function parseShortVolume(spec: string, workingDir: string): MountResult {
  const parts = spec.split(":");
  if (parts.length > 3) return { error: `${q(spec)} has too many ":"-separated parts` };
  const [first = "", second, options] = parts;
  if (second === undefined) {
    const bad = checkTarget(first, spec);
    return bad
      ? { error: bad }
      : { mount: { type: "volume", target: first, readOnly: false, nocopy: false } };
  }
  const bad = checkTarget(second, spec);
  if (bad) return { error: bad };
  let readOnly = false;
  let nocopy = false;
  let propagation: string | undefined;
  const bind = isHostPath(first);
  for (const option of options ? options.split(",") : []) {
    if (option === "ro" || option === "rw") readOnly = option === "ro";
    else if (option === "nocopy" && !bind) nocopy = true;
    else if (PROPAGATIONS.includes(option) && bind) propagation = option;
    else if (CONSISTENCY.includes(option)) continue;
    else if (option === "z" || option === "Z")
      return { error: `the SELinux option ${q(option)} in ${q(spec)} is not supported` };
    else return { error: `unknown option ${q(option)} in ${q(spec)}` };
  }
  if (!bind) return { mount: { type: "volume", source: first, target: second, readOnly, nocopy } };
  const source = hostSource(first, workingDir);
  if ("error" in source) return source;
  return {
    mount: {
      type: "bind",
      source: source.path,
      target: second,
      readOnly,
      ...(propagation ? { propagation } : {}),
      // The short syntax creates a missing host directory, as docker-compose always did.
      createHostPath: true,
    },
  };
}

export function parseLongVolume(raw: RawVolumeMount, workingDir: string): MountResult {
  const label = `type ${q(raw.type)}`;
  const bad = checkTarget(raw.target);
  if (bad) return { error: bad };
  const target = raw.target as string;
  const readOnly = raw.read_only ?? false;
  const misplaced = (["bind", "volume", "tmpfs"] as const).find(
    (k) => k !== raw.type && raw[k] !== undefined,
  );
  if (misplaced) return { error: `${q(misplaced)} options do not apply to a mount of ${label}` };
  switch (raw.type) {
    case "volume":
      return {
        mount: {
          type: "volume",
          ...(raw.source ? { source: raw.source } : {}),
          target,
          readOnly,
          nocopy: raw.volume?.nocopy ?? false,
        },
      };
    case "bind": {
      if (!raw.source) return { error: `a bind mount needs a "source" path on the host` };
      const propagation = raw.bind?.propagation;
      if (propagation !== undefined && !PROPAGATIONS.includes(propagation)) {
        return { error: `unknown propagation ${q(propagation)}: use ${PROPAGATIONS.join(", ")}` };
      }
      const source = hostSource(raw.source, workingDir);
      if ("error" in source) return source;
      return {
        mount: {
          type: "bind",
          source: source.path,
          target,
          readOnly,
          ...(propagation ? { propagation } : {}),
          createHostPath: raw.bind?.create_host_path ?? false,
        },
      };
    }
    case "tmpfs": {
      if (raw.source) return { error: `a tmpfs mount takes no "source"` };
      return tmpfsMount(target, raw.tmpfs?.size, raw.tmpfs?.mode);
    }
    default:
      return { error: `mounts of ${label} are not supported; use volume, bind or tmpfs` };
  }
}

function tmpfsMount(target: string, rawSize?: string | number, rawMode?: string | number): MountResult {
  const size = rawSize === undefined ? undefined : parseByteSize(rawSize);
  if (rawSize !== undefined && size === undefined)
    return { error: `tmpfs size ${q(rawSize)} is not a size such as "64m"` };
  const mode = rawMode === undefined ? undefined : parseFileMode(rawMode);
  if (rawMode !== undefined && mode === undefined)
    return { error: `tmpfs mode ${q(rawMode)} is not an octal file mode` };
  return {
    mount: {
      type: "tmpfs",
      target,
      ...(size !== undefined ? { size } : {}),
      ...(mode !== undefined ? { mode } : {}),
    },
  };
}

/** Service-level `tmpfs`: "/run" or "/run:size=64m,mode=1777". */
export function parseServiceTmpfs(spec: string): MountResult {
  const colon = spec.indexOf(":");
  const target = colon < 0 ? spec : spec.slice(0, colon);
  const bad = checkTarget(target, spec);
  if (bad) return { error: bad };
  let size: string | undefined;
  let mode: string | undefined;
  for (const option of colon < 0 ? [] : spec.slice(colon + 1).split(",")) {
    const [name = "", value] = option.split("=", 2);
    if (name === "size" && value !== undefined) size = value;
    else if (name === "mode" && value !== undefined) mode = value;
    else if (name === "rw") continue;
    else
      return {
        error: `the tmpfs option ${q(option)} in ${q(spec)} is not supported; only size and mode are`,
      };
  }
  return tmpfsMount(target, size, mode);
}
