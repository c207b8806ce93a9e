/**
 * Settings of a container that the form does not hold, as `docker run` flags. The export appends
 * them to its line, and a recreate carries them over from the old container (see CARRIED_*_KEYS).
 */
import type { CreateConfig } from "./create-body";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const DEFAULT_SHM = 64 * 1024 * 1024;

/** HostConfig keys the form does not write, kept from the old container when a recreate body leaves them out. */
export const CARRIED_HOST_CONFIG_KEYS = [
  "CapAdd",
  "CapDrop",
  "Privileged",
  "Devices",
  "DeviceCgroupRules",
  "DeviceRequests",
  "ExtraHosts",
  "Dns",
  "DnsSearch",
  "DnsOptions",
  "LogConfig",
  "SecurityOpt",
  "Sysctls",
  "Ulimits",
  "ShmSize",
  "Init",
  "ReadonlyRootfs",
  "PidMode",
  "IpcMode",
  "UTSMode",
  "UsernsMode",
  "CgroupnsMode",
  "GroupAdd",
  "Runtime",
  "OomScoreAdj",
  "CgroupParent",
  "VolumesFrom",
  "PublishAllPorts",
  "StorageOpt",
  "MemorySwappiness",
  "BlkioWeightDevice",
  "BlkioDeviceReadBps",
  "BlkioDeviceWriteBps",
  "BlkioDeviceReadIOps",
  "BlkioDeviceWriteIOps",
] as const;

/** Config keys likewise. */
export const CARRIED_CONFIG_KEYS = ["StopSignal", "StopTimeout", "Domainname", "MacAddress"] as const;

/**
 * The flags that recreate the settings outside the form, one word group per flag. With the image's
 * exposed ports, ports exposed by the container alone come out as `--expose`.
 */
export function outsideFormFlags(
  inspect: Obj,
  image?: { ExposedPorts?: Record<string, unknown> | null },
): string[][] {
  const hc = obj(inspect.HostConfig);
  const config = obj(inspect.Config);
  const out: string[][] = [];
  const each = (key: string, flag: string, fmt: (v: unknown) => string = String) => {
    for (const v of list(hc[key])) out.push([flag, fmt(v)]);
  };
  if (hc.Privileged === true) out.push(["--privileged"]);
  each("CapAdd", "--cap-add");
  each("CapDrop", "--cap-drop");
  each("Devices", "--device", (d) => {
    const o = obj(d);
    const perms =
      typeof o.CgroupPermissions === "string" && o.CgroupPermissions && o.CgroupPermissions !== "rwm"
        ? `:${o.CgroupPermissions}`
        : "";
    return `${String(o.PathOnHost)}:${String(o.PathInContainer)}${perms}`;
  });
  each("ExtraHosts", "--add-host");
  each("Dns", "--dns");
  each("DnsSearch", "--dns-search");
  each("DnsOptions", "--dns-option");
  each("SecurityOpt", "--security-opt");
  each("GroupAdd", "--group-add");
  each("VolumesFrom", "--volumes-from");
  const log = obj(hc.LogConfig);
  if (typeof log.Type === "string" && log.Type && log.Type !== "json-file")
    out.push(["--log-driver", log.Type]);
  for (const [k, v] of Object.entries(obj(log.Config))) out.push(["--log-opt", `${k}=${String(v)}`]);
  for (const [k, v] of Object.entries(obj(hc.Sysctls))) out.push(["--sysctl", `${k}=${String(v)}`]);
  for (const u of list(hc.Ulimits)) {
    const o = obj(u);
    out.push(["--ulimit", `${String(o.Name)}=${String(o.Soft)}:${String(o.Hard)}`]);
  }
  if (typeof hc.ShmSize === "number" && hc.ShmSize > 0 && hc.ShmSize !== DEFAULT_SHM) {
    out.push(["--shm-size", String(hc.ShmSize)]);
  }
  if (hc.Init === true) out.push(["--init"]);
  if (hc.ReadonlyRootfs === true) out.push(["--read-only"]);
  if (hc.PublishAllPorts === true) out.push(["--publish-all"]);
  if (typeof hc.PidMode === "string" && hc.PidMode) out.push(["--pid", hc.PidMode]);
  if (typeof hc.UTSMode === "string" && hc.UTSMode) out.push(["--uts", hc.UTSMode]);
  if (typeof hc.UsernsMode === "string" && hc.UsernsMode) out.push(["--userns", hc.UsernsMode]);
  if (typeof hc.IpcMode === "string" && hc.IpcMode && !["private", "shareable"].includes(hc.IpcMode)) {
    out.push(["--ipc", hc.IpcMode]);
  }
  if (typeof hc.Runtime === "string" && hc.Runtime && hc.Runtime !== "runc")
    out.push(["--runtime", hc.Runtime]);
  if (typeof hc.OomScoreAdj === "number" && hc.OomScoreAdj !== 0)
    out.push(["--oom-score-adj", String(hc.OomScoreAdj)]);
  if (typeof hc.CgroupParent === "string" && hc.CgroupParent) out.push(["--cgroup-parent", hc.CgroupParent]);
  if (image) {
    const published = obj(hc.PortBindings);
    const fromImage = obj(image.ExposedPorts);
    for (const p of Object.keys(obj(config.ExposedPorts))) {
      if (!(p in published) && !(p in fromImage)) out.push(["--expose", p]);
    }
  }
  if (typeof config.StopTimeout === "number") out.push(["--stop-timeout", String(config.StopTimeout)]);
  if (typeof config.Domainname === "string" && config.Domainname)
    out.push(["--domainname", config.Domainname]);
  return out;
}

/**
 * The form does not hold capabilities, devices, log settings and the like: a recreate keeps the old
 * container's unless the new body names them itself.
 */
export function withCarriedSettings(config: CreateConfig, old: Obj): CreateConfig {
  const oldHc = (old.HostConfig ?? {}) as Obj;
  const oldConfig = (old.Config ?? {}) as Obj;
  const hc: Obj = { ...(config.HostConfig ?? {}) };
  for (const k of CARRIED_HOST_CONFIG_KEYS) {
    if (!(k in hc) && oldHc[k] !== undefined && oldHc[k] !== null) hc[k] = oldHc[k];
  }
  const out: CreateConfig = { ...config, HostConfig: hc };
  for (const k of CARRIED_CONFIG_KEYS) {
    if (!(k in out) && oldConfig[k] !== undefined && oldConfig[k] !== null) out[k] = oldConfig[k];
  }
  return out;
}
