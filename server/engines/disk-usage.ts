import { AppError } from "../../lib/errors";
import { ACTION_TIMEOUT_MS, engineCall } from "./engine-call";
import type { HostConnection } from "./host-connection";
import { listEngineImages } from "./images";
import { podmanDf } from "./podman/fixups";
import type { RawDf } from "./system-df";

/**
 * `/system/df` walks every layer, container and volume, and the engine refuses a second walk while
 * one runs ("a disk usage operation is already running"). So every caller on a host shares the walk
 * in flight: the image list, the volume list and the system page never trip over each other, and
 * many viewers cost the engine one walk.
 */
const inFlight = new WeakMap<HostConnection, Promise<RawDf>>();

/** How long a walk's answer serves lists: sizes grow as containers write, with no event to say so. */
export const DISK_USAGE_MAX_AGE_MS = 30_000;

/**
 * The host's disk usage; `waitMs` bounds this caller's wait without cutting the shared walk short.
 * Lists take a walk up to DISK_USAGE_MAX_AGE_MS old, while no event has changed what it counts.
 */
export function readDiskUsage(host: HostConnection, waitMs = ACTION_TIMEOUT_MS): Promise<RawDf> {
  return raceWait(host, host.live.diskUsage.get(), waitMs);
}

/** A fresh walk, shared with any walk in flight on the host. */
export function walkDiskUsage(host: HostConnection, waitMs = ACTION_TIMEOUT_MS): Promise<RawDf> {
  return raceWait(host, sharedWalk(host), waitMs);
}

function sharedWalk(host: HostConnection): Promise<RawDf> {
  let walk = inFlight.get(host);
  if (!walk) {
    walk = engineCall(
      host,
      // dockerode takes the signal here, though its types do not say so.
      (abortSignal) =>
        (host.docker.df as (opts: object) => Promise<RawDf>).call(host.docker, { abortSignal }),
      ACTION_TIMEOUT_MS,
    ).then(async (df) => (host.isPodman ? podmanDf(df, await listEngineImages(host)) : df));
    const started = walk;
    const forget = () => {
      if (inFlight.get(host) === started) inFlight.delete(host);
    };
    walk.then(forget, forget);
    inFlight.set(host, walk);
  }
  return walk;
}

function raceWait(host: HostConnection, walk: Promise<RawDf>, waitMs: number): Promise<RawDf> {
  if (waitMs >= ACTION_TIMEOUT_MS) return walk;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError("ENGINE_ERROR", `disk usage on ${host.spec.id} took over ${waitMs} ms`)),
      waitMs,
    );
  });
  return Promise.race([walk, timeout]).finally(() => clearTimeout(timer));
}
