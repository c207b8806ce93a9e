import { isPredefinedNetwork } from "../networks";
import { entries, hostConfigs } from "./host-access";

/** One place a ContainerCreate body names another container, with its path in the body. */
export interface ContainerRefField {
  field: string;
  ref: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);

/** Namespace modes of the form `container:<ref>`: the new container joins that one's namespace. */
const JOIN_MODES = ["NetworkMode", "PidMode", "IpcMode", "UTSMode", "UsernsMode", "Cgroup", "CgroupnsMode"];

/**
 * Every other container a ContainerCreate body names, read as the engine reads it (keys in any
 * case, HostConfig fields at the body's top too): `container:<ref>` namespace modes, `VolumesFrom`
 * (`ref[:ro|rw]`) and legacy `Links` (`ref:alias`). Each must be in the caller's scope, exactly as
 * if the caller had asked for that container directly.
 */
export function containerRefs(config: unknown, prefix = "config"): ContainerRefField[] {
  const out: ContainerRefField[] = [];
  for (const [hc, path] of hostConfigs(config, prefix)) {
    for (const mode of JOIN_MODES) {
      for (const [key, v] of entries(hc, mode)) {
        if (typeof v === "string" && v.startsWith("container:"))
          out.push({ field: `${path}.${key}`, ref: v.slice("container:".length) });
      }
    }
    for (const [key, v] of entries(hc, "VolumesFrom")) {
      list(v).forEach((item, i) => {
        if (typeof item === "string") out.push({ field: `${path}.${key}[${i}]`, ref: volumesFromRef(item) });
      });
    }
    for (const [key, v] of entries(hc, "Links")) {
      list(v).forEach((item, i) => {
        if (typeof item === "string") out.push({ field: `${path}.${key}[${i}]`, ref: linkRef(item) });
      });
    }
  }
  return out;
}

/** `ref[:ro|rw]`: the engine takes the container before the first colon. */
function volumesFromRef(v: string): string {
  const at = v.indexOf(":");
  return at < 0 ? v : v.slice(0, at);
}

/** `name:alias`, or `name` alone; the engine takes the name before the first colon. */
function linkRef(v: string): string {
  const at = v.indexOf(":");
  return (at < 0 ? v : v.slice(0, at)).replace(/^\//, "");
}

/**
 * Every network a create body attaches to by name or id: `NetworkMode` (other than a predefined
 * network, `default` or `container:<ref>`) and the keys of `NetworkingConfig.EndpointsConfig`.
 */
export function networkRefs(config: unknown, prefix = "config"): ContainerRefField[] {
  const out: ContainerRefField[] = [];
  const named = (v: string) => v !== "default" && !v.startsWith("container:") && !isPredefinedNetwork(v);
  for (const [hc, path] of hostConfigs(config, prefix)) {
    for (const [key, v] of entries(hc, "NetworkMode")) {
      if (typeof v === "string" && v && named(v)) out.push({ field: `${path}.${key}`, ref: v });
    }
  }
  for (const [nc, networking] of entries(config, "NetworkingConfig")) {
    for (const [ec, endpoints] of entries(networking, "EndpointsConfig")) {
      if (!endpoints || typeof endpoints !== "object" || Array.isArray(endpoints)) continue;
      for (const name of Object.keys(endpoints)) {
        if (named(name)) out.push({ field: `${prefix}.${nc}.${ec}.${name}`, ref: name });
      }
    }
  }
  return out;
}
