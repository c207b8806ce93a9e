import { z } from "zod";

/**
 * What the history keeps per container (and per host, summed): CPU in percent of one CPU, memory in
 * bytes and in percent of the limit at the time, network and block rates in bytes per second, pids.
 */
export const HISTORY_METRICS = [
  "cpu",
  "memory",
  "memoryPercent",
  "netRx",
  "netTx",
  "blkRead",
  "blkWrite",
  "pids",
] as const;
export type HistoryMetric = (typeof HISTORY_METRICS)[number];

/** One stored point: a bucket starting at `t` (epoch ms), with its samples' extremes, mean and last. */
export interface HistoryPoint {
  t: number;
  min: number;
  max: number;
  avg: number;
  last: number;
}

export interface HistoryAnswer {
  points: HistoryPoint[];
  /** The bucket width of the tier the points come from, in ms. */
  stepMs: number;
  metric: HistoryMetric;
  /** The series read: one container's, or every container's of the service (`by=service`). */
  series: { containerId: string; name: string; project?: string; service?: string }[];
  /** How often Wharf reads every running container, in ms; 0 when background collection is off. */
  sampleMs: number;
}

/**
 * The tiers: 10 s points for 24 h, 1 min for 7 days, 5 min for 30 days, 1 h for a year. Each tier
 * is rolled up from the one before it, so a spike's max survives every step.
 */
export const HISTORY_TIERS = [
  { stepMs: 10_000, keepMs: 24 * 3600_000 },
  { stepMs: 60_000, keepMs: 7 * 24 * 3600_000 },
  { stepMs: 300_000, keepMs: 30 * 24 * 3600_000 },
  { stepMs: 3600_000, keepMs: 365 * 24 * 3600_000 },
] as const;

const epochMs = z.coerce
  .number({ error: "must be a time in epoch milliseconds" })
  .int("must be a whole number of milliseconds")
  .min(0, "must not be negative");

export const historyQuerySchema = z
  .object({
    metric: z.enum(HISTORY_METRICS, { error: `must be one of ${HISTORY_METRICS.join(", ")}` }),
    from: epochMs.optional(),
    to: epochMs.optional(),
    by: z.enum(["container", "service"], { error: "must be container or service" }).default("container"),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: "must be before to",
    path: ["from"],
  });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
