import path from "node:path";

export type CgroupVersion = 1 | 2;
export type CgroupDriver = "cgroupfs" | "systemd";

/** The v1 hierarchies Wharf reads, named as they are mounted under the cgroup root. */
export const V1_CONTROLLERS = ["cpuacct", "memory", "pids", "blkio"] as const;
export type V1Controller = (typeof V1_CONTROLLERS)[number];

export type CgroupDirs = Record<V1Controller, string>;

/**
 * systemd's slice naming, as runc expands it: "a-b.slice" lives at "a.slice/a-b.slice", and "-.slice"
 * is the root. Returns undefined for a name that is not a valid slice.
 */
export function expandSlice(slice: string): string | undefined {
  if (!slice.endsWith(".slice") || slice.includes("/")) return undefined;
  const name = slice.slice(0, -".slice".length);
  if (name === "-") return "";
  if (name.startsWith("-") || name.endsWith("-") || name.includes("--")) return undefined;
  let prefix = "";
  const parts: string[] = [];
  for (const part of name.split("-")) {
    prefix = prefix ? `${prefix}-${part}` : part;
    parts.push(`${prefix}.slice`);
  }
  return parts.join("/");
}

/**
 * The container's cgroup, relative to a hierarchy's root, the way dockerd names it: with cgroupfs
 * `<parent>/<id>` (parent "/docker" unless HostConfig.CgroupParent says otherwise); with systemd
 * `<expanded slice>/docker-<id>.scope` (slice "system.slice" by default).
 */
export function containerCgroupPath(
  id: string,
  driver: CgroupDriver,
  cgroupParent?: string,
): string | undefined {
  if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
  if (driver === "systemd") {
    const slice = expandSlice(cgroupParent || "system.slice");
    if (slice === undefined) return undefined;
    return path.posix.join("/", slice, `docker-${id}.scope`).slice(1);
  }
  return path.posix.join("/", cgroupParent || "/docker", id).slice(1);
}

/** Where each counter lives: one directory per controller on v1, the same unified directory on v2. */
export function cgroupDirs(root: string, version: CgroupVersion, relative: string): CgroupDirs {
  const dir = (controller?: string) => path.join(root, ...(controller ? [controller] : []), relative);
  if (version === 2) {
    const d = dir();
    return { cpuacct: d, memory: d, pids: d, blkio: d };
  }
  return { cpuacct: dir("cpuacct"), memory: dir("memory"), pids: dir("pids"), blkio: dir("blkio") };
}

/**
 * /proc/<pid>/cgroup, as controller → path: v1 lines are `id:ctrl1,ctrl2:/path`, the v2 line is
 * `0::/path` (stored under ""). Used to confirm that a pid belongs to the container.
 */
export function parseProcCgroup(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, controllers = "", p = ""] = m;
    if (controllers === "") out.set("", p);
    for (const c of controllers.split(",")) if (c) out.set(c, p);
  }
  return out;
}
