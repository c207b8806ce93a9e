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
  const m = /^([a-z-]+)[=:]?(.*)$/.exec(opt.trim());
  const key = m?.[1] ?? opt;
  const value = m?.[2] ?? "";
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
 * Every host-access setting in a ContainerCreate body (`config`), in body order. `prefix` is the
 * body's own path, `config` for create and recreate requests.
 */
export function hostAccessSettings(config: unknown, prefix = "config"): HostAccessSetting[] {
  const out: HostAccessSetting[] = [];
  const hc = obj(obj(config).HostConfig);
  const at = (key: string) => `${prefix}.HostConfig.${key}`;
  const add = (field: string, reason: string) => out.push({ field, reason });

  if (hc.Privileged === true) {
    add(at("Privileged"), "run a privileged container, with every capability and every host device");
  }
  list(hc.Binds).forEach((b, i) => {
    const source = typeof b === "string" ? bindSource(b) : undefined;
    if (source) add(at(`Binds[${i}]`), `bind-mount the host path ${source} into a container`);
  });
  list(hc.Mounts).forEach((raw, i) => {
    const m = obj(raw);
    if (m.Type === "bind") {
      add(at(`Mounts[${i}].Source`), `bind-mount the host path ${String(m.Source)} into a container`);
    } else if (m.Type === "npipe") {
      add(at(`Mounts[${i}].Source`), `mount the host's named pipe ${String(m.Source)} into a container`);
    } else if (
      m.Type === "volume" &&
      Object.keys(obj(obj(obj(m.VolumeOptions).DriverConfig).Options)).length
    ) {
      add(
        at(`Mounts[${i}].VolumeOptions.DriverConfig`),
        "create a volume with driver options, which can mount any host path or device (type=none,o=bind,device=/)",
      );
    }
  });
  list(hc.VolumesFrom).forEach((v, i) => {
    add(
      at(`VolumesFrom[${i}]`),
      `mount every volume of ${String(v).split(":")[0]}, host paths it binds included`,
    );
  });
  for (const [key, flag, why] of HOST_NAMESPACES) {
    if (hc[key] === "host") add(at(key), `${why} (--${flag} host)`);
  }
  const endpoints = obj(obj(obj(config).NetworkingConfig).EndpointsConfig);
  if (Object.hasOwn(endpoints, "host")) {
    add(`${prefix}.NetworkingConfig.EndpointsConfig.host`, "use the host's network stack (--network host)");
  }
  list(hc.Devices).forEach((d, i) => {
    add(at(`Devices[${i}]`), `give a container the host device ${String(obj(d).PathOnHost)}`);
  });
  list(hc.DeviceRequests).forEach((_, i) => {
    add(at(`DeviceRequests[${i}]`), "give a container host devices such as GPUs (--gpus)");
  });
  list(hc.DeviceCgroupRules).forEach((r, i) => {
    add(at(`DeviceCgroupRules[${i}]`), `allow a container host devices by cgroup rule (${String(r)})`);
  });
  list(hc.CapAdd).forEach((c, i) => {
    add(at(`CapAdd[${i}]`), `add the capability ${String(c)} to a container`);
  });
  list(hc.SecurityOpt).forEach((o, i) => {
    const reason = typeof o === "string" ? securityOptReason(o) : "set a security option";
    if (reason) add(at(`SecurityOpt[${i}]`), reason);
  });
  const unmasked = (key: string, defaults: string[]) => {
    if (!Array.isArray(hc[key])) return;
    const missing = defaults.filter((p) => !(hc[key] as unknown[]).includes(p));
    if (missing.length) add(at(key), `leave ${missing.join(", ")} open to a container`);
  };
  unmasked("MaskedPaths", MASKED_DEFAULTS);
  unmasked("ReadonlyPaths", READONLY_DEFAULTS);
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
