import { readLimits } from "../quotas";
import { isUserNetwork } from "./create-body";
import { parseVolumeSpec } from "./mounts";
import { fromPortBindings, type PortBindingEntry } from "./ports";
import { emptySpec } from "./spec";
import type { ContainerSpec, HealthcheckSpec, MountSpec } from "./types";

/** The parts of an image's config that a container inherits; pass it to leave those values out. */
export interface ImageDefaults {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  WorkingDir?: string;
  User?: string;
  Healthcheck?: Partial<Record<"Test" | "Interval" | "Timeout" | "StartPeriod" | "Retries", unknown>> | null;
  Volumes?: Record<string, unknown> | null;
  ExposedPorts?: Record<string, unknown> | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function mountsOf(hc: Obj, config: Obj, image?: ImageDefaults): MountSpec[] {
  const out: MountSpec[] = [];
  for (const b of strs(hc.Binds)) {
    const m = parseVolumeSpec(b);
    if ("value" in m) out.push(m.value);
  }
  for (const raw of Array.isArray(hc.Mounts) ? (hc.Mounts as Obj[]) : []) {
    const type = str(raw.Type);
    if (type !== "bind" && type !== "volume" && type !== "tmpfs") continue;
    const options: string[] = [];
    const propagation = str(obj(raw.BindOptions).Propagation);
    if (propagation) options.push(propagation);
    if (obj(raw.VolumeOptions).NoCopy === true) options.push("nocopy");
    const tmpfs = obj(raw.TmpfsOptions);
    if (typeof tmpfs.SizeBytes === "number" && tmpfs.SizeBytes > 0) options.push(`size=${tmpfs.SizeBytes}`);
    if (typeof tmpfs.Mode === "number" && tmpfs.Mode > 0) options.push(`mode=${tmpfs.Mode.toString(8)}`);
    out.push({
      type,
      source: type === "tmpfs" ? "" : str(raw.Source),
      target: str(raw.Target),
      readOnly: raw.ReadOnly === true,
      options,
    });
  }
  for (const [target, opts] of Object.entries(obj(hc.Tmpfs))) {
    const list = str(opts).split(",").filter(Boolean);
    out.push({
      type: "tmpfs",
      source: "",
      target,
      readOnly: list.includes("ro"),
      options: list.filter((o) => o !== "ro" && o !== "rw"),
    });
  }
  const covered = new Set(out.map((m) => m.target));
  const fromImage = obj(image?.Volumes);
  for (const target of Object.keys(obj(config.Volumes))) {
    if (!covered.has(target) && !(target in fromImage))
      out.push({ type: "volume", source: "", target, readOnly: false, options: [] });
  }
  return out;
}

function limitsOf(hc: Obj): ContainerSpec["limits"] {
  const l = readLimits(hc);
  const out: ContainerSpec["limits"] = {};
  if (l.cpuShares > 0) out.cpuShares = l.cpuShares;
  if (l.nanoCpus > 0) out.nanoCpus = l.nanoCpus;
  if (l.cpuQuota > 0) out.cpuQuota = l.cpuQuota;
  if (l.cpuPeriod > 0) out.cpuPeriod = l.cpuPeriod;
  if (l.cpusetCpus) out.cpusetCpus = l.cpusetCpus;
  if (l.cpusetMems) out.cpusetMems = l.cpusetMems;
  if (l.memory > 0) out.memory = l.memory;
  if (l.memoryReservation > 0) out.memoryReservation = l.memoryReservation;
  // The engine gives a memory limit twice as much swap unless told otherwise: that is no choice of the user's.
  if (l.memorySwap === -1 || (l.memorySwap > 0 && l.memorySwap !== l.memory * 2))
    out.memorySwap = l.memorySwap;
  if (l.pidsLimit > 0) out.pidsLimit = l.pidsLimit;
  if (l.blkioWeight > 0) out.blkioWeight = l.blkioWeight;
  if (l.oomKillDisable) out.oomKillDisable = true;
  return out;
}

function healthOf(config: Obj, image?: ImageDefaults): HealthcheckSpec | undefined {
  const h = config.Healthcheck;
  if (!h || typeof h !== "object" || (image && same(h, image.Healthcheck))) return undefined;
  const o = h as Obj;
  const n = (v: unknown) => (typeof v === "number" ? v : 0);
  return {
    test: strs(o.Test),
    interval: n(o.Interval),
    timeout: n(o.Timeout),
    startPeriod: n(o.StartPeriod),
    retries: n(o.Retries),
  };
}

function pairs(list: string[], skip: Set<string>): { key: string; value: string }[] {
  return list
    .filter((e) => !skip.has(e))
    .map((e) => {
      const eq = e.indexOf("=");
      return eq < 0 ? { key: e, value: "" } : { key: e.slice(0, eq), value: e.slice(eq + 1) };
    });
}

/**
 * The form read back from a container's inspect document. With the image's config, values the
 * container only inherited (its CMD, ENV, labels, working dir…) are left out, as `docker run` would.
 */
export function inspectToSpec(inspect: Obj, image?: ImageDefaults): ContainerSpec {
  const config = obj(inspect.Config);
  const hc = obj(inspect.HostConfig);
  const id = str(inspect.Id);
  const spec = emptySpec();
  spec.image = str(config.Image);
  spec.name = str(inspect.Name).replace(/^\//, "");

  const entrypoint = strs(config.Entrypoint);
  const cmd = strs(config.Cmd);
  const ownEntrypoint = !image || !same(entrypoint, strs(image.Entrypoint));
  spec.entrypoint = ownEntrypoint ? entrypoint : [];
  spec.cmd = !ownEntrypoint && same(cmd, strs(image?.Cmd)) ? [] : cmd;
  spec.workingDir = image && str(config.WorkingDir) === str(image.WorkingDir) ? "" : str(config.WorkingDir);
  spec.user = image && str(config.User) === str(image.User) ? "" : str(config.User);

  const networkMode = str(hc.NetworkMode);
  spec.network = networkMode === "default" ? "" : networkMode;
  const hostname = str(config.Hostname);
  if (
    hostname &&
    hostname !== id.slice(0, 12) &&
    networkMode !== "host" &&
    !networkMode.startsWith("container:")
  ) {
    spec.hostname = hostname;
  }
  spec.env = pairs(strs(config.Env), new Set(strs(image?.Env)));
  const imageLabels = obj(image?.Labels);
  spec.labels = Object.entries(obj(config.Labels))
    .filter(([k, v]) => imageLabels[k] !== v)
    .map(([key, value]) => ({ key, value: str(value) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  spec.ports = fromPortBindings(hc.PortBindings as Record<string, PortBindingEntry[] | null> | undefined);
  spec.mounts = mountsOf(hc, config, image);

  const networks = obj(obj(inspect.NetworkSettings).Networks);
  // The engine adds the container's short id and its hostname to the aliases of a started container.
  const implicit = new Set([id, id.slice(0, 12), hostname]);
  const aliasesOf = (name: string) => strs(obj(networks[name]).Aliases).filter((a) => !implicit.has(a));
  if (isUserNetwork(spec.network)) spec.aliases = aliasesOf(spec.network);
  const main = spec.network || "bridge";
  const extra = Object.keys(networks).filter((n) => n !== main && isUserNetwork(n));
  if (extra.length) spec.networks = extra.map((name) => ({ name, aliases: aliasesOf(name) }));

  const rp = obj(hc.RestartPolicy);
  const rpName = str(rp.Name) || "no";
  spec.restart = {
    name: rpName as ContainerSpec["restart"]["name"],
    maximumRetryCount: typeof rp.MaximumRetryCount === "number" ? rp.MaximumRetryCount : 0,
  };
  spec.limits = limitsOf(hc);
  const health = healthOf(config, image);
  if (health) spec.healthcheck = health;
  spec.tty = config.Tty === true;
  spec.openStdin = config.OpenStdin === true;
  spec.autoRemove = hc.AutoRemove === true;
  return spec;
}
