import { engineInfo } from "./docker-client";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";

export interface HostCapacity {
  /** The engine's CPUs (NCPU). */
  cpus?: number;
  /** The engine's memory in bytes (MemTotal). */
  memory?: number;
  /** Where the engine keeps images, containers and volumes on its host (DockerRootDir). */
  rootDir?: string;
  /** linux or windows (OSType). */
  osType?: string;
}

/** CPUs, memory and the data root change only when a host is rebuilt, so the engine is asked at most this often. */
const TTL_MS = 5 * 60_000;

const known = new WeakMap<HostConnection, { at: number; capacity: Promise<HostCapacity> }>();

/**
 * A host's CPUs and memory, shared by everything that weighs use against capacity (the overview,
 * CPU alerts). A failed ask is forgotten at once, so the next caller asks again; the entry goes
 * with its connection.
 */
export function hostCapacity(host: HostConnection, now: number = Date.now()): Promise<HostCapacity> {
  const k = known.get(host);
  if (k && now - k.at < TTL_MS) return k.capacity;
  const capacity = engineCall(host, (signal) => engineInfo(host.docker, signal))
    .then((i): HostCapacity => {
      const cpus = Number(i.NCPU) || undefined;
      const memory = Number(i.MemTotal) || undefined;
      const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
      const rootDir = text(i.DockerRootDir);
      const osType = text(i.OSType);
      return {
        ...(cpus ? { cpus } : {}),
        ...(memory ? { memory } : {}),
        ...(rootDir ? { rootDir } : {}),
        ...(osType ? { osType } : {}),
      };
    })
    .catch((): HostCapacity => {
      if (known.get(host)?.capacity === capacity) known.delete(host);
      return {};
    });
  known.set(host, { at: now, capacity });
  return capacity;
}
