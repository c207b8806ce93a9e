import crypto from "node:crypto";
import path from "node:path";
import type { DiskFigure } from "../../lib/disk";
import { AppError, messageOf } from "../../lib/errors";
import { createOnEngine, removeQuietly, startContainer } from "./container-create";
import { parseDfP } from "./df-parse";
import { engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { listEngineImages } from "./images";

/** Wharf's own short-lived containers carry this label: alerts, the overview and the sweep know them by it. */
export const PROBE_LABEL = "wharf.probe";
export const isWharfProbe = (labels: Record<string, string> | null | undefined) =>
  Object.hasOwn(labels ?? {}, PROBE_LABEL);

const ROOT = "/wharf/root";
const STORE = "/wharf/volumes";
const volumeTarget = (i: number) => `/wharf/v/${i}`;
/** Volumes of their own filesystem measured per probe; the rest wait for a later round. */
export const PROBE_MAX_VOLUMES = 64;
/** df on a hung network mount never returns: the probe is killed and removed after this long. */
const PROBE_TIMEOUT_MS = 20_000;
/** Images tried per measurement while looking for one that has df. */
const TRIES_PER_ROUND = 3;
/** Images that very likely have a df, tried first. */
const LIKELY_DF = /(^|\/)(busybox|alpine|debian|ubuntu)(:|$)/;
/** A probe container older than this was left by a Wharf that stopped mid-probe. */
const LEFTOVER_MS = 2 * 60_000;

/** What one probe measured: the data root, the volume store and each volume asked for, by name. */
export interface ProbeAnswer {
  root?: DiskFigure;
  store?: DiskFigure;
  volumes: Map<string, DiskFigure>;
  image: string;
}

/** No image on the host could run df: a fact about the host, said as such, not an engine failure. */
export class NoProbeImage extends Error {}

/** An image that cannot run `df -P` (distroless, scratch, a df without -P). */
class LacksDf extends Error {}

/**
 * Measures a remote engine's disk with a container of its own: `df -P` on the data root, bound
 * read-only and not recursively (no container's layers are copied into the probe), and on each volume
 * mounted read-only. No network, a read-only root, no capabilities; removed as soon as it has answered.
 * It runs an image already on the host (Wharf pulls nothing), remembered per host once one works.
 */
export class DiskProbe {
  private readonly chosen = new WeakMap<HostConnection, string>();
  private readonly lacking = new WeakMap<HostConnection, Set<string>>();

  /** `image` pins the probe's image (WHARF_DISK_PROBE_IMAGE); otherwise one on the host is found. */
  constructor(private readonly image?: string) {}

  async measure(host: HostConnection, rootDir: string, volumes: readonly string[]): Promise<ProbeAnswer> {
    await sweepLeftovers(host);
    const known = this.image ?? this.chosen.get(host);
    if (known) {
      try {
        return await runProbe(host, known, rootDir, volumes);
      } catch (err) {
        if (this.image) throw pinnedFailure(this.image, err);
        if (!(err instanceof LacksDf) && !(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
        this.chosen.delete(host);
      }
    }
    const lacking = this.lacking.get(host) ?? new Set<string>();
    this.lacking.set(host, lacking);
    const candidates = (await listEngineImages(host))
      .filter((i) => (i.RepoTags ?? []).some((t) => t !== "<none>:<none>") && !lacking.has(i.Id))
      .sort((a, b) => likely(b) - likely(a) || a.Size - b.Size);
    for (const c of candidates.slice(0, TRIES_PER_ROUND)) {
      try {
        const answer = await runProbe(host, c.Id, rootDir, volumes);
        this.chosen.set(host, c.Id);
        return answer;
      } catch (err) {
        if (!(err instanceof LacksDf)) throw err;
        lacking.add(c.Id);
      }
    }
    throw new NoProbeImage(
      candidates.length > TRIES_PER_ROUND
        ? `no image tried so far on the host has df; ${candidates.length - TRIES_PER_ROUND} more will be tried`
        : "no image on the host has df; set WHARF_DISK_PROBE_IMAGE or pull a small one such as busybox",
    );
  }
}

const likely = (i: { RepoTags?: string[] | null }) =>
  (i.RepoTags ?? []).some((t) => LIKELY_DF.test(t)) ? 1 : 0;

function pinnedFailure(image: string, err: unknown): Error {
  if (err instanceof AppError && err.code === "NOT_FOUND")
    return new NoProbeImage(`WHARF_DISK_PROBE_IMAGE ${image} is not on the host (Wharf pulls nothing)`);
  if (err instanceof LacksDf) return new NoProbeImage(`WHARF_DISK_PROBE_IMAGE ${image}: ${err.message}`);
  return err instanceof Error ? err : new Error(messageOf(err));
}

/** Not recursive: the mounts below (every running container's layers) stay out of the probe. */
const bindReadOnly = (Source: string, Target: string) => ({
  Type: "bind",
  Source,
  Target,
  ReadOnly: true,
  BindOptions: { NonRecursive: true },
});

/** Runs one probe container and reads its answer; it is removed whatever happens. */
async function runProbe(
  host: HostConnection,
  image: string,
  rootDir: string,
  volumes: readonly string[],
): Promise<ProbeAnswer> {
  const body = {
    Image: image,
    Entrypoint: ["df", "-P", "-k"],
    Cmd: [ROOT, STORE, ...volumes.map((_, i) => volumeTarget(i))],
    Labels: { [PROBE_LABEL]: "disk" },
    // The answer comes back as plain text, with no stream framing to take apart.
    Tty: true,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Memory: 32 * 1024 * 1024,
      PidsLimit: 16,
      // Whatever the engine's default driver, the answer must be readable back.
      LogConfig: { Type: "json-file", Config: {} },
      Mounts: [
        bindReadOnly(rootDir, ROOT),
        bindReadOnly(path.posix.join(rootDir, "volumes"), STORE),
        ...volumes.map((name, i) => ({
          Type: "volume",
          Source: name,
          Target: volumeTarget(i),
          ReadOnly: true,
          VolumeOptions: { NoCopy: true },
        })),
      ],
    },
  };
  const name = `wharf-disk-probe-${crypto.randomBytes(4).toString("hex")}`;
  const { Id: id } = await createOnEngine(host, name, body);
  try {
    try {
      await startContainer(host, id);
    } catch (err) {
      // The runtime refuses to start an image without the command: "executable file not found".
      if (/executable file not found|no such file or directory/i.test(messageOf(err)))
        throw new LacksDf(messageOf(err));
      throw err;
    }
    const c = host.docker.getContainer(id);
    await engineCall(host, (abortSignal) => c.wait({ abortSignal }), PROBE_TIMEOUT_MS);
    const out = await engineCall(host, (abortSignal) =>
      c.logs({ stdout: true, stderr: true, follow: false, abortSignal }),
    );
    const figures = parseDfP(String(out));
    const root = figures.get(ROOT);
    if (!root) throw new LacksDf(`df -P gave no figure: ${String(out).trim().slice(0, 200)}`);
    const measured = new Map<string, DiskFigure>();
    volumes.forEach((v, i) => {
      const f = figures.get(volumeTarget(i));
      if (f) measured.set(v, f);
    });
    const store = figures.get(STORE);
    return { root, ...(store ? { store } : {}), volumes: measured, image };
  } finally {
    await removeQuietly(host, id);
  }
}

/** Removes probe containers a stopped Wharf left behind (or a df stuck on a hung mount). */
async function sweepLeftovers(host: HostConnection): Promise<void> {
  const live = host.live.containers;
  if (!live.ready) return;
  const old = Date.now() / 1000 - LEFTOVER_MS / 1000;
  for (const c of live.rawList())
    if (isWharfProbe(c.Labels) && c.Id && (c.Created ?? 0) < old) await removeQuietly(host, c.Id);
}
