/**
 * Settings of a ContainerCreate body that reach past the container into its host: each one is, or
 * leads straight to, root on that host. Only an admin may use them (server/api/routes/container-create).
 *
 * Deliberately left out, since the engine keeps them inside the container's own namespaces:
 * - Sysctls: the engine accepts only namespaced ones (kernel.shm*, kernel.msg*, kernel.sem,
 *   fs.mqueue.*, net.*), and net.* not with the host's network, which is itself listed here.
 * - CgroupnsMode host: the engine's default on cgroup v1 hosts, so every container there has it;
 *   it shows the host's cgroup paths, but the cgroup filesystem stays read-only unless the
 *   container is privileged, which is listed here.
 * - Named volumes, tmpfs, published ports, DNS, ulimits, users and groups inside the container.
 * `container:<name>` namespace modes share another container's namespaces, not the host's.
 */

/** One setting and why it grants host access; `reason` completes "only an admin may …". */
export interface HostAccessSetting {
  /** The setting's path in the request body, like `config.HostConfig.Binds[0]`. */
  field: string;
  reason: string;
}

import { VOLUME_NAME } from "./mounts";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Namespace modes that join the host's namespace when set to "host". */
const HOST_NAMESPACES = [
  [
    "NetworkMode",
    "network",
    "use the host's network stack (its interfaces, ports and services on localhost)",
  ],
  ["PidMode", "pid", "see and signal every process on the host"],
  ["IpcMode", "ipc", "share the host's IPC namespace (its shared memory and message queues)"],
  ["UTSMode", "uts", "share the host's UTS namespace (and change its hostname)"],
  ["UsernsMode", "userns", "leave user-namespace remapping, so root in the container is root on the host"],
] as const;

/** /proc and /sys paths the engine masks or makes read-only by default; writable /proc/sys is root. */
const MASKED_DEFAULTS = [
  "/proc/acpi",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/sys/firmware",
];
const READONLY_DEFAULTS = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/** The host path of one Binds entry (`source:target[:mode]`), or undefined for a named or anonymous volume. */
function bindSource(entry: string): string | undefined {
  const parts = entry.split(":");
  return parts.length >= 2 && parts[0]?.startsWith("/") ? parts[0] : undefined;
}

/** One SecurityOpt entry, `key=value` or the older `key:value`; only no-new-privileges narrows rather than widens. */
function securityOptReason(opt: string): string | undefined {
  // As the engine splits it: at the first "=" if there is one, else at the first ":".
  const sep = opt.includes("=") ? "=" : ":";
  const at = opt.indexOf(sep);
  const key = at < 0 ? opt : opt.slice(0, at);
  const value = at < 0 ? "" : opt.slice(at + 1);
  switch (key) {
    case "no-new-privileges":
      return undefined;
    case "seccomp":
      return value === "unconfined"
        ? "turn off the seccomp filter (seccomp=unconfined), which opens the kernel calls containers use to escape"
        : "replace the default seccomp profile with another, which may allow any kernel call";
    case "apparmor":
      return value === "unconfined"
        ? "turn off AppArmor confinement (apparmor=unconfined)"
        : `run under the AppArmor profile ${value || "named"} instead of the default one`;
    case "label":
      return value === "disable"
        ? "turn off SELinux labelling (label=disable), so host files are not kept apart from the container"
        : `set the container's SELinux label (${value}), which can give it another domain's access`;
    case "systempaths":
      return "unmask /proc and /sys (systempaths=unconfined), including the writable /proc/sys that controls the host kernel";
    default:
      return `set the security option ${opt}, which the engine applies to the host's confinement of the container`;
  }
}

/**
 * The engine decodes the body with Go's encoding/json, which matches keys without regard to case
 * (and folds ſ to s, K to k): `privileged` or `Bindſ` set the same fields as `Privileged` and
 * `Binds`. Every spelling is read, and a setting is listed under the key the body used.
 */
export const engineKeyFold = (key: string) => key.replace(/\u017f/g, "s").toLowerCase();
const fold = engineKeyFold;
export function entries(o: unknown, name: string): [string, unknown][] {
  const want = fold(name);
  return Object.entries(obj(o)).filter(([k]) => fold(k) === want);
}
const values = (o: unknown, name: string) => entries(o, name).map(([, v]) => v);

/** One HostConfig's settings; `path` is where it sits in the body. */
function scanHostConfig(hc: Obj, path: string, add: (field: string, reason: string) => void): void {
  const each = (name: string, fn: (key: string, value: unknown) => void) => {
    for (const [k, v] of entries(hc, name)) fn(`${path}.${k}`, v);
  };
  /** CapAdd, like Cmd, may be one string instead of a list. */
  const items = (name: string, fn: (field: string, item: unknown) => void) =>
    each(name, (key, v) => {
      if (typeof v === "string") fn(key, v);
      else list(v).forEach((item, i) => fn(`${key}[${i}]`, item));
    });

  each("Privileged", (key, v) => {
    if (v === true) add(key, "run a privileged container, with every capability and every host device");
  });
  items("Binds", (field, b) => {
    const source = typeof b === "string" ? bindSource(b) : undefined;
    if (source) add(field, `bind-mount the host path ${source} into a container`);
  });
  items("Mounts", (field, m) => {
    const types = values(m, "Type");
    const source = [...values(m, "Source"), ""][0];
    const [sourceKey = "Source"] = entries(m, "Source").map(([k]) => k);
    const driverOptions = values(m, "VolumeOptions")
      .flatMap((o) => values(o, "DriverConfig"))
      .flatMap((d) => values(d, "Options"));
    if (types.includes("bind")) {
      add(`${field}.${sourceKey}`, `bind-mount the host path ${String(source)} into a container`);
    } else if (types.includes("npipe")) {
      add(`${field}.${sourceKey}`, `mount the host's named pipe ${String(source)} into a container`);
    } else if (driverOptions.some((o) => Object.keys(obj(o)).length > 0)) {
      add(
        `${field}.VolumeOptions.DriverConfig`,
        "create a volume with driver options, which can mount any host path or device (type=none,o=bind,device=/)",
      );
    }
  });
  items("VolumesFrom", (field, v) => {
    add(field, `mount every volume of ${String(v).split(":")[0]}, host paths it binds included`);
  });
  for (const [name, flag, why] of HOST_NAMESPACES) {
    each(name, (key, v) => {
      if (v === "host") add(key, `${why} (--${flag} host)`);
    });
  }
  items("Devices", (field, d) => {
    add(field, `give a container the host device ${String(values(d, "PathOnHost")[0] ?? d)}`);
  });
  items("DeviceRequests", (field) => {
    add(field, "give a container host devices such as GPUs (--gpus)");
  });
  items("DeviceCgroupRules", (field, r) => {
    add(field, `allow a container host devices by cgroup rule (${String(r)})`);
  });
  items("CapAdd", (field, c) => {
    add(field, `add the capability ${String(c)} to a container`);
  });
  items("SecurityOpt", (field, o) => {
    const reason = typeof o === "string" ? securityOptReason(o) : "set a security option";
    if (reason) add(field, reason);
  });
  const unmasked = (name: string, defaults: string[]) =>
    each(name, (key, v) => {
      if (!Array.isArray(v)) return;
      const missing = defaults.filter((p) => !v.includes(p));
      if (missing.length) add(key, `leave ${missing.join(", ")} open to a container`);
    });
  unmasked("MaskedPaths", MASKED_DEFAULTS);
  unmasked("ReadonlyPaths", READONLY_DEFAULTS);
}

/** The HostConfigs the engine may read from a body: under HostConfig (any spelling), and at its top. */
export function hostConfigs(config: unknown, prefix: string): [Obj, string][] {
  return [
    ...entries(config, "HostConfig").map(([k, hc]): [Obj, string] => [obj(hc), `${prefix}.${k}`]),
    [obj(config), prefix],
  ];
}

/**
 * The named volumes a body mounts (`-v name:/path` in Binds, volume Mounts with a Source), each
 * with its place in the body. Whether one reaches into the host depends on how it was created:
 * see volumeHostAccess. Only names the local driver accepts are listed: the engine refuses any
 * other at create, and such a name could not be a volume that binds a host path.
 */
export function namedVolumes(config: unknown, prefix = "config"): { field: string; name: string }[] {
  const out: { field: string; name: string }[] = [];
  for (const [hc, path] of hostConfigs(config, prefix)) {
    for (const [key, binds] of entries(hc, "Binds")) {
      list(binds).forEach((b, i) => {
        const parts = typeof b === "string" ? b.split(":") : [];
        const [source = ""] = parts;
        if (parts.length >= 2 && VOLUME_NAME.test(source))
          out.push({ field: `${path}.${key}[${i}]`, name: source });
      });
    }
    for (const [key, mounts] of entries(hc, "Mounts")) {
      list(mounts).forEach((m, i) => {
        const source = values(m, "Source").find((v) => typeof v === "string" && v !== "");
        const [sourceKey = "Source"] = entries(m, "Source").map(([k]) => k);
        if (values(m, "Type").includes("volume") && typeof source === "string" && VOLUME_NAME.test(source))
          out.push({ field: `${path}.${key}[${i}].${sourceKey}`, name: source });
      });
    }
  }
  return out;
}

/**
 * Why mounting an existing volume reaches into the host, or undefined. The local driver mounts
 * `device` with `type` and `o`: `o=bind,device=/` is the host's root, `device=/dev/sda1` one of
 * its disks. Remote devices (NFS `:/export`, CIFS `//server/share`) and tmpfs stay off the host.
 */
export function volumeHostAccess(
  name: string,
  driver: string,
  options: Record<string, string> | null | undefined,
): string | undefined {
  if (driver !== "local" && driver !== "") return undefined;
  const device = options?.device ?? "";
  const bind = (options?.o ?? "").split(",").includes("bind");
  if (!bind && (!device.startsWith("/") || device.startsWith("//"))) return undefined;
  return `mount the volume ${name}, which the engine mounts from the host's ${device || "files"} (${bind ? "o=bind" : `type=${options?.type ?? "?"}`})`;
}

/**
 * Every host-access setting in a ContainerCreate body (`config`), HostConfig first. `prefix` is
 * the body's own path, `config` for create and recreate requests. HostConfig fields at the top of
 * the body count too: engines still read them there when the body has no HostConfig.
 */
export function hostAccessSettings(config: unknown, prefix = "config"): HostAccessSetting[] {
  const out: HostAccessSetting[] = [];
  const add = (field: string, reason: string) => out.push({ field, reason });
  for (const [hc, path] of hostConfigs(config, prefix)) scanHostConfig(hc, path, add);
  for (const [nc, networking] of entries(config, "NetworkingConfig")) {
    for (const [ec, endpoints] of entries(networking, "EndpointsConfig")) {
      if (Object.hasOwn(obj(endpoints), "host")) {
        add(`${prefix}.${nc}.${ec}.host`, "use the host's network stack (--network host)");
      }
    }
  }
  return out;
}

/** The sentence a refusal answers: the first setting, and how many more there are. */
export function hostAccessRefusal(settings: HostAccessSetting[]): string {
  const [first] = settings;
  if (!first) return "";
  const more =
    settings.length > 1
      ? ` (and ${settings.length - 1} more host-access setting${settings.length > 2 ? "s" : ""})`
      : "";
  return `${first.field}: only an admin may ${first.reason}${more}`;
}
