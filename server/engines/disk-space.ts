import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { DiskFigure, DiskUnknownReason, HostDisk } from "../../lib/disk";
import { messageOf } from "../../lib/errors";
import { figureOfStatfs } from "./df-parse";
import { DiskProbe, NoProbeImage, PROBE_MAX_VOLUMES } from "./disk-probe";
import { engineCall } from "./engine-call";
import { hostCapacity } from "./host-capacity";
import type { HostConnection } from "./host-connection";
import { rootDirHere } from "./local-probe";
import { engineSizes, type RawVolume } from "./volumes-usage";

/** A volume's filesystem: its own (tmpfs, a device, NFS), or the volume store's for a plain one. */
export interface VolumeDisk {
  name: string;
  labels: Record<string, string>;
  /** On a filesystem of its own, rather than the one holding the engine's volume store. */
  own: boolean;
  figure: DiskFigure;
}

export interface DiskReading {
  disk: HostDisk;
  volumes: VolumeDisk[];
  /** How long the measurement took. */
  ms: number;
}

export interface DiskSpaceOptions {
  /** A host is measured at most this often, and only while something asks. */
  intervalMs: number;
  /** The image remote probes run (WHARF_DISK_PROBE_IMAGE); found on each host when unset. */
  probeImage?: string;
}

export const DEFAULT_DISK_INTERVAL_MS = 5 * 60_000;

interface Entry {
  reading?: DiskReading;
  startedAt: number;
  inFlight?: Promise<DiskReading>;
}

/**
 * Each host's disk: the filesystem of its data root and of its volumes. Measured on demand (a disk
 * rule, the overview, a scrape) and at most once per interval per host, never while the host is
 * down. Where the data root is on Wharf's own machine it is a statfs; elsewhere a probe container.
 */
export class DiskSpace {
  private readonly entries = new WeakMap<HostConnection, Entry>();
  private readonly probe: DiskProbe;

  constructor(private readonly opts: DiskSpaceOptions) {
    this.probe = new DiskProbe(opts.probeImage);
  }

  /** The latest reading, if any; a new one starts when it is older than the interval. Never waits. */
  latest(host: HostConnection, now: number = Date.now()): DiskReading | undefined {
    const e = this.entry(host);
    if (host.isUp && !e.inFlight && (!e.startedAt || now - e.startedAt >= this.opts.intervalMs)) {
      e.startedAt = now;
      const flight = measure(host, this.probe).then((r) => (e.reading = r));
      e.inFlight = flight;
      void flight.finally(() => {
        if (e.inFlight === flight) e.inFlight = undefined;
      });
    }
    return e.reading;
  }

  /** The latest reading, waiting up to `waitMs` for the first one (a first look at the overview). */
  async read(host: HostConnection, waitMs: number): Promise<DiskReading | undefined> {
    const known = this.latest(host);
    const flight = this.entry(host).inFlight;
    if (known || !flight) return known;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), waitMs)));
    return Promise.race([flight, late]).finally(() => clearTimeout(timer));
  }

  private entry(host: HostConnection): Entry {
    let e = this.entries.get(host);
    if (!e) this.entries.set(host, (e = { startedAt: 0 }));
    return e;
  }
}

const unknown = (reason: DiskUnknownReason, detail?: string): DiskReading => ({
  disk: { state: "unknown", reason, ...(detail ? { detail } : {}), at: Date.now() },
  volumes: [],
  ms: 0,
});

async function measure(host: HostConnection, probe: DiskProbe): Promise<DiskReading> {
  const started = performance.now();
  const at = Date.now();
  const cap = await hostCapacity(host);
  if (cap.osType === "windows") return unknown("windows");
  const rootDir = cap.rootDir;
  if (!rootDir)
    return cap.cpus ? unknown("no-root") : unknown("failed", "the engine did not answer its info");
  try {
    const volumes = (await host.live.volumes.get()).Volumes ?? [];
    const inUse = volumesInUse(host);
    const own = volumes
      .filter((v) => v.Name && !engineSizes(v) && inUse.has(v.Name))
      .sort((a, b) => (a.Name ?? "").localeCompare(b.Name ?? ""))
      .slice(0, PROBE_MAX_VOLUMES);
    const here = await dataRootConfirmed(host, rootDir, volumes);
    const m = here
      ? await measureHere(rootDir, own)
      : await probe.measure(
          host,
          rootDir,
          own.map((v) => v.Name as string),
        );
    if (!m.root) return unknown("failed", `no figure for ${rootDir}`);
    const store = m.store ?? m.root;
    const byName = new Map(volumes.map((v) => [v.Name ?? "", v]));
    const out: VolumeDisk[] = [];
    for (const v of volumes) {
      if (!v.Name || !engineSizes(v)) continue;
      out.push({ name: v.Name, labels: v.Labels ?? {}, own: false, figure: store });
    }
    for (const [name, figure] of m.volumes)
      out.push({ name, labels: byName.get(name)?.Labels ?? {}, own: true, figure });
    return {
      disk: { state: "known", ...m.root, path: rootDir, how: here ? "local" : "probe", at },
      volumes: out,
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    if (err instanceof NoProbeImage) return unknown("no-image", err.message);
    return unknown("failed", messageOf(err));
  }
}

/** Volumes a running container mounts: a volume of its own filesystem is mounted only then. */
function volumesInUse(host: HostConnection): Set<string> {
  const out = new Set<string>();
  for (const c of host.live.containers.rawList())
    if (c.State === "running")
      for (const m of c.Mounts ?? []) if (m.Type === "volume" && m.Name) out.add(m.Name);
  return out;
}

/**
 * A unix socket and a DockerRootDir that exists here are not proof (a socket forwarded from a VM, a
 * machine with an engine of its own): one of the engine's own containers, volumes or images must be
 * there too. A few of each are tried, since one may be going as it is looked for; an engine with no
 * container or volume yet still has the images it runs from.
 */
async function dataRootConfirmed(
  host: HostConnection,
  rootDir: string,
  volumes: readonly RawVolume[],
): Promise<boolean> {
  if (!rootDirHere(host, rootDir)) return false;
  const under = (...parts: string[]) => fs.existsSync(path.join(rootDir, ...parts));
  const containers = host.live.containers.rawList().slice(0, EVIDENCE);
  if (containers.some((c) => c.Id && under("containers", c.Id))) return true;
  const named = volumes.filter((v) => v.Name && engineSizes(v)).slice(0, EVIDENCE);
  if (named.some((v) => under("volumes", v.Name as string))) return true;
  const images = await engineCall(host, (abortSignal) => host.docker.listImages({ abortSignal })).catch(
    () => [],
  );
  const drivers = await fs.promises.readdir(path.join(rootDir, "image")).catch(() => [] as string[]);
  return images
    .slice(0, EVIDENCE)
    .some((i) => drivers.some((d) => under("image", d, "imagedb", "content", ...i.Id.split(":"))));
}

/** How many of the engine's containers, volumes and images are looked for under its data root. */
const EVIDENCE = 8;

async function statfsFigure(p: string): Promise<DiskFigure | undefined> {
  return figureOfStatfs(await fs.promises.statfs(p));
}

/** statfs here: a volume of its own filesystem counts only where it is mounted (its device differs). */
async function measureHere(
  rootDir: string,
  own: readonly RawVolume[],
): Promise<{ root?: DiskFigure; store?: DiskFigure; volumes: Map<string, DiskFigure> }> {
  const root = await statfsFigure(rootDir);
  const store = await statfsFigure(path.join(rootDir, "volumes")).catch(() => undefined);
  const volumes = new Map<string, DiskFigure>();
  for (const v of own) {
    const mp = v.Mountpoint;
    if (!mp || !v.Name) continue;
    try {
      const [self, parent] = await Promise.all([fs.promises.stat(mp), fs.promises.stat(path.dirname(mp))]);
      if (self.dev === parent.dev) continue;
      const f = await statfsFigure(mp);
      if (f) volumes.set(v.Name, f);
    } catch {
      // Not visible from here (another mount namespace, no permission): no figure rather than a wrong one.
    }
  }
  return { ...(root ? { root } : {}), ...(store ? { store } : {}), volumes };
}
