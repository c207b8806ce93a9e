import fs from "node:fs";
import path from "node:path";
import type { LocalEngine } from "./cgroup-local";
import { engineInfo } from "./docker-client";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

export interface LocalPaths {
  cgroupRoot: string;
  procRoot: string;
}

export const DEFAULT_LOCAL_PATHS: LocalPaths = { cgroupRoot: "/sys/fs/cgroup", procRoot: "/proc" };

/** The first test of an engine on this machine: reached over a unix socket, with its DockerRootDir here. */
export function rootDirHere(host: HostConnection, rootDir: unknown): rootDir is string {
  return host.spec.kind === "unix" && typeof rootDir === "string" && fs.existsSync(rootDir);
}

/**
 * Whether an engine runs on this machine with a cgroup tree Wharf can read: it is reached over a unix
 * socket, its DockerRootDir exists here, its cgroup driver is one Wharf knows, and the cgroup root for
 * its version is readable. Each container is still verified on its own before it is read locally.
 */
export async function probeLocalEngine(
  host: HostConnection,
  paths: LocalPaths,
): Promise<LocalEngine | undefined> {
  if (host.spec.kind !== "unix") return undefined;
  const info = await engineCall(host, (signal) => engineInfo(host.docker, signal));
  if (!rootDirHere(host, info.DockerRootDir)) return undefined;
  const driver = info.CgroupDriver;
  if (driver !== "cgroupfs" && driver !== "systemd") return undefined;
  const version = info.CgroupVersion === "2" ? 2 : 1;
  try {
    fs.accessSync(
      path.join(paths.cgroupRoot, version === 2 ? "cgroup.controllers" : "cpuacct"),
      fs.constants.R_OK,
    );
  } catch {
    return undefined;
  }
  return { version, driver, machineMemory: Number(info.MemTotal) || 0, ...paths };
}

/** One probe per host, remembered until the host's status changes (the engine may have been replaced). */
export class LocalEngineProbe {
  private readonly known = new Map<string, Promise<LocalEngine | undefined>>();

  constructor(private readonly paths: LocalPaths = DEFAULT_LOCAL_PATHS) {}

  forHost(host: HostConnection): Promise<LocalEngine | undefined> {
    const id = host.spec.id;
    let p = this.known.get(id);
    if (!p) {
      p = probeLocalEngine(host, this.paths).catch(() => {
        // An unreachable engine says nothing about where it runs: ask again next time.
        if (this.known.get(id) === p) this.known.delete(id);
        return undefined;
      });
      this.known.set(id, p);
    }
    return p;
  }

  forget(hostId: string): void {
    this.known.delete(hostId);
  }
}
