/** One filesystem's use, in bytes, as `df` counts it. */
export interface DiskFigure {
  size: number;
  used: number;
  /** What an unprivileged writer can still use: blocks reserved for root are neither used nor free. */
  free: number;
  /** `used` of `used + free`, as `df` gives its Capacity, to one decimal. */
  percent: number;
}

/** Why a host's disk has no figure; the UI says each in the user's language. */
export const DISK_UNKNOWN_REASONS = ["windows", "no-root", "no-image", "failed"] as const;
export type DiskUnknownReason = (typeof DISK_UNKNOWN_REASONS)[number];

/** The filesystem holding the engine's data root (DockerRootDir), or why it is not known. */
export type HostDisk =
  | (DiskFigure & {
      state: "known";
      /** The data root on the host. */
      path: string;
      /** Measured on Wharf's own machine, or by a probe container on the host. */
      how: "local" | "probe";
      /** Epoch ms of the measurement. */
      at: number;
    })
  | { state: "unknown"; reason: DiskUnknownReason; detail?: string; at: number };

/**
 * A filesystem's figure from its counts: `used` of `used + free` as `df` rounds it up for Capacity,
 * here to one decimal. Undefined for a filesystem that holds nothing (size 0).
 */
export function diskFigure(size: number, used: number, free: number): DiskFigure | undefined {
  if (!(size > 0) || used < 0 || free < 0) return undefined;
  const room = used + free;
  // Less a hair, so that a ratio that is exact (1/4) is not pushed up by floating-point noise.
  const percent = room > 0 ? Math.ceil((used / room) * 1000 - 1e-9) / 10 : 100;
  return { size, used, free, percent };
}
