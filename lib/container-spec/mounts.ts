import type { MountSpec } from "./types";

type Parsed<T> = { value: T } | { error: string };

/** The `-v` mode flags besides ro/rw that the engine accepts, kept verbatim in MountSpec.options. */
export const VOLUME_MODE_FLAGS = [
  "z",
  "Z",
  "shared",
  "rshared",
  "slave",
  "rslave",
  "private",
  "rprivate",
  "nocopy",
  "consistent",
  "cached",
  "delegated",
] as const;

export const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

const isAbsolute = (p: string) => p.startsWith("/");

/** One `-v` value (or one HostConfig.Binds entry): `[source:]target[:mode,…]`. */
export function parseVolumeSpec(text: string): Parsed<MountSpec> {
  const parts = text.split(":");
  if (parts.length > 3 || parts.some((p) => p === "")) {
    return { error: `"${text}": expected [source:]target[:options]` };
  }
  let source = "";
  let target: string;
  let mode = "";
  if (parts.length === 1) target = parts[0] as string;
  else if (parts.length === 2 && !isAbsolute(parts[1] as string)) {
    // "/data:ro" is a target and a mode only if what follows the colon is not a path.
    return { error: `"${text}": the target must be an absolute path` };
  } else [source, target, mode = ""] = parts as [string, string, string?];
  if (!isAbsolute(target)) return { error: `"${text}": the target must be an absolute path` };
  if (source && !isAbsolute(source) && !VOLUME_NAME.test(source)) {
    return {
      error: `"${text}": the source must be an absolute host path or a volume name (relative paths are not allowed)`,
    };
  }
  const flags = mode ? mode.split(",") : [];
  let readOnly = false;
  const options: string[] = [];
  for (const f of flags) {
    if (f === "ro") readOnly = true;
    else if (f === "rw") continue;
    else if ((VOLUME_MODE_FLAGS as readonly string[]).includes(f)) options.push(f);
    else return { error: `"${text}": unknown mode "${f}"` };
  }
  return {
    value: { type: source && isAbsolute(source) ? "bind" : "volume", source, target, readOnly, options },
  };
}

/** A bind or named volume back as `-v` and Binds write it. */
export function formatVolumeSpec(m: MountSpec): string {
  const mode = [...(m.readOnly ? ["ro"] : []), ...m.options].join(",");
  return [m.source, m.target, ...(mode ? [mode] : [])].filter(Boolean).join(":");
}

/** One `--tmpfs` value: `target[:options]`, options like `rw,size=64m,mode=1777`. */
export function parseTmpfsSpec(text: string): Parsed<MountSpec> {
  const colon = text.indexOf(":");
  const target = colon < 0 ? text : text.slice(0, colon);
  if (!isAbsolute(target)) return { error: `"${text}": the target must be an absolute path` };
  const opts =
    colon < 0
      ? []
      : text
          .slice(colon + 1)
          .split(",")
          .filter(Boolean);
  return {
    value: {
      type: "tmpfs",
      source: "",
      target,
      readOnly: opts.includes("ro"),
      options: opts.filter((o) => o !== "ro" && o !== "rw"),
    },
  };
}

export function tmpfsOptions(m: MountSpec): string {
  return [...(m.readOnly ? ["ro"] : []), ...m.options].join(",");
}

const PROPAGATIONS = new Set(["shared", "rshared", "slave", "rslave", "private", "rprivate"]);

/**
 * One `--mount` value. Fields the form cannot hold (volume drivers and their options, consistency,
 * subpaths) come back in `ignored`, so the caller lists them rather than dropping them.
 */
export function parseMountFlag(text: string): Parsed<{ mount: MountSpec; ignored: string[] }> {
  const fields = new Map<string, string>();
  const ignored: string[] = [];
  let readOnly = false;
  const options: string[] = [];
  for (const raw of text.split(",")) {
    const eq = raw.indexOf("=");
    const key = (eq < 0 ? raw : raw.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : raw.slice(eq + 1);
    if (key === "readonly" || key === "ro") {
      readOnly = eq < 0 || value === "true" || value === "1";
    } else if (key === "volume-nocopy") {
      if (eq < 0 || value === "true" || value === "1") options.push("nocopy");
    } else if (key === "bind-propagation") {
      if (!PROPAGATIONS.has(value)) return { error: `"${text}": unknown bind-propagation "${value}"` };
      options.push(value);
    } else if (key === "tmpfs-size") options.push(`size=${value}`);
    else if (key === "tmpfs-mode") options.push(`mode=${value}`);
    else if (["type", "source", "src", "target", "destination", "dst"].includes(key)) fields.set(key, value);
    else ignored.push(raw);
  }
  const type = fields.get("type") ?? "volume";
  if (type !== "bind" && type !== "volume" && type !== "tmpfs") {
    return { error: `"${text}": type must be bind, volume or tmpfs` };
  }
  const source = fields.get("source") ?? fields.get("src") ?? "";
  const target = fields.get("target") ?? fields.get("destination") ?? fields.get("dst") ?? "";
  if (!isAbsolute(target)) return { error: `"${text}": the target must be an absolute path` };
  if (type === "bind" && !isAbsolute(source)) {
    return { error: `"${text}": a bind source must be an absolute host path` };
  }
  if (type === "volume" && source && !VOLUME_NAME.test(source)) {
    return { error: `"${text}": "${source}" is not a valid volume name` };
  }
  return {
    value: { mount: { type, source: type === "tmpfs" ? "" : source, target, readOnly, options }, ignored },
  };
}

/** An anonymous volume with modes, which `-v` cannot write, as `--mount` writes it. */
export function formatMountFlag(m: MountSpec): string {
  const parts = [`type=${m.type}`];
  if (m.source) parts.push(`source=${m.source}`);
  parts.push(`target=${m.target}`);
  if (m.readOnly) parts.push("readonly");
  for (const o of m.options) {
    if (o === "nocopy") parts.push("volume-nocopy");
    else if (PROPAGATIONS.has(o)) parts.push(`bind-propagation=${o}`);
  }
  return parts.join(",");
}
