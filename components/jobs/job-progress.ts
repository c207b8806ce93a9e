import type { JobLayer, JobSnapshot, JobUpdate } from "@/lib/images/types";

/** Build output kept per job in the browser; older lines are dropped. */
export const JOB_LOG_LINES = 2000;

export interface LayerProgress {
  /** 0..1 of the download (or push upload), 1 once the engine has the bytes. */
  download: number;
  /** 0..1 of the extraction; 1 once the layer is in place. */
  extract: number;
}

const frac = (l: JobLayer) => (l.total && l.total > 0 ? Math.min(1, (l.current ?? 0) / l.total) : 0);

export function layerProgress(l: JobLayer): LayerProgress {
  switch (l.phase) {
    case "waiting":
      return { download: 0, extract: 0 };
    case "downloading":
    case "pushing":
      return { download: frac(l), extract: 0 };
    case "verifying":
      return { download: 1, extract: 0 };
    case "extracting":
      return { download: 1, extract: frac(l) };
    case "exists":
    case "done":
      return { download: 1, extract: 1 };
  }
}

/** A build's progress from the builder's last "Step k/n" line: steps before it are done. */
export function buildProgress(log: string[]): number {
  for (let i = log.length - 1; i >= 0; i--) {
    const m = /^Step (\d+)\/(\d+) :/.exec(log[i] ?? "");
    if (m) return Math.max(0, Number(m[1]) - 1) / Math.max(1, Number(m[2]));
  }
  return 0;
}

/**
 * The whole job's progress, 0..1. Pulls and pushes: every layer weighs the same, download and
 * extract half each. Builds: the steps done.
 */
export function jobProgress(job: Pick<JobSnapshot, "layers" | "state" | "kind" | "log">): number {
  if (job.state === "done") return 1;
  if (job.kind === "build") return buildProgress(job.log);
  if (job.layers.length === 0) return 0;
  const sum = job.layers.reduce((n, l) => {
    const p = layerProgress(l);
    return n + (p.download + p.extract) / 2;
  }, 0);
  return sum / job.layers.length;
}

/** Applies an update: everything is replaced except the log, which grows by the new lines (bounded). */
export function applyJobUpdate(prev: JobSnapshot | undefined, u: JobUpdate): JobSnapshot {
  const log = prev ? [...prev.log, ...u.log] : u.log;
  return { ...u, log: log.length > JOB_LOG_LINES ? log.slice(-JOB_LOG_LINES) : log };
}

/** Running jobs first, then the most recent. */
export function sortJobs(jobs: Iterable<JobSnapshot>): JobSnapshot[] {
  return [...jobs].sort((a, b) => {
    const ra = a.state === "running" ? 0 : 1;
    const rb = b.state === "running" ? 0 : 1;
    return ra - rb || b.startedAt - a.startedAt;
  });
}
