import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import { AppError } from "../../lib/errors";
import type { JobKind, JobSnapshot, JobState, JobUpdate } from "../../lib/images/types";
import { Job, type JobInit, type JobWork } from "./job";

/** What the manager needs of a job: image jobs and stack jobs alike. */
export interface ManagedJob {
  readonly id: string;
  readonly init: JobInit;
  readonly state: JobState;
  readonly done: Promise<void>;
  cancel(by: string): boolean;
  snapshot(): JobSnapshot;
  takeUpdate(): JobUpdate;
}

export interface JobManagerOptions {
  /** At most one `job:update` per job per this many ms; the final state goes out at once. */
  throttleMs: number;
  /** Finished jobs stay this long, so late watchers see how they ended. */
  retainMs: number;
  /** Running jobs at once, over every host. */
  maxRunning: number;
}

export const DEFAULT_JOB_OPTIONS: JobManagerOptions = {
  throttleMs: 250,
  retainMs: 5 * 60_000,
  maxRunning: 64,
};

export interface StartJob {
  kind: JobKind;
  hostId: string;
  ref: string;
  user: string;
  /** The label selector of the starter's scope ("" for none). */
  owner?: string;
  /** Chosen by the client so it can watch the job before the request that starts it returns. */
  jobId?: string;
}

interface Events {
  update: [JobUpdate];
}

/**
 * Pulls, pushes and builds in flight. A second pull of the same reference on the same host joins the
 * running one; updates are throttled per job and handed to whoever listens (the realtime module).
 */
export class JobManager extends EventEmitter<Events> {
  private readonly jobs = new Map<string, ManagedJob>();
  private readonly running = new Map<string, Job>();
  private readonly timers = new Map<string, { at: number; timer?: NodeJS.Timeout }>();
  private readonly opts: JobManagerOptions;

  constructor(overrides: Partial<JobManagerOptions> = {}) {
    super();
    this.opts = { ...DEFAULT_JOB_OPTIONS, ...overrides };
  }

  /** Starts a job, or joins the running pull of the same reference on the same host. */
  start(req: StartJob, work: JobWork): { job: Job; joined: boolean } {
    const key = req.kind === "pull" ? `${req.hostId}\0pull\0${req.ref}` : undefined;
    const existing = key ? this.running.get(key) : undefined;
    if (existing instanceof Job) return { job: existing, joined: true };
    const job = this.startWith(req, (init, changed) => new Job(init, work, changed));
    if (key && job.state === "running") {
      this.running.set(key, job);
      void job.done.finally(() => {
        if (this.running.get(key) === job) this.running.delete(key);
      });
    }
    return { job, joined: false };
  }

  /** Starts a job of any kind, made by `make` with the manager's change callback. */
  startWith<J extends ManagedJob>(
    req: StartJob,
    make: (init: JobInit, changed: (job: ManagedJob, final: boolean) => void) => J,
  ): J {
    if (req.jobId && this.jobs.has(req.jobId))
      throw new AppError("CONFLICT", `jobId: job ${req.jobId} already exists`);
    const runningCount = [...this.jobs.values()].filter((j) => j.state === "running").length;
    if (runningCount >= this.opts.maxRunning)
      throw new AppError("CONFLICT", `Wharf already runs ${runningCount} jobs; wait for one to end`);
    const jobId = req.jobId ?? crypto.randomUUID();
    const job = make(
      {
        jobId,
        kind: req.kind,
        hostId: req.hostId,
        ref: req.ref,
        user: req.user,
        ...(req.owner ? { owner: req.owner } : {}),
      },
      (j, final) => this.changed(j, final),
    );
    this.jobs.set(jobId, job);
    this.changed(job, job.state !== "running");
    return job;
  }

  find(jobId: string): ManagedJob | undefined {
    return this.jobs.get(jobId);
  }

  list(filter: (j: ManagedJob) => boolean = () => true): JobSnapshot[] {
    return [...this.jobs.values()].filter(filter).map((j) => j.snapshot());
  }

  /** Ends every running job's engine work (shutdown). */
  cancelAll(by: string): void {
    for (const j of this.jobs.values()) j.cancel(by);
    for (const t of this.timers.values()) clearTimeout(t.timer);
  }

  private changed(job: ManagedJob, final: boolean): void {
    const t = this.timers.get(job.id) ?? { at: 0 };
    this.timers.set(job.id, t);
    const now = Date.now();
    if (final || now - t.at >= this.opts.throttleMs) {
      clearTimeout(t.timer);
      t.timer = undefined;
      this.flush(job, t);
    } else {
      t.timer ??= setTimeout(
        () => {
          t.timer = undefined;
          this.flush(job, t);
        },
        this.opts.throttleMs - (now - t.at),
      );
    }
    if (final) {
      const gone = setTimeout(() => {
        this.jobs.delete(job.id);
        this.timers.delete(job.id);
      }, this.opts.retainMs);
      gone.unref();
    }
  }

  private flush(job: ManagedJob, t: { at: number }): void {
    t.at = Date.now();
    this.emit("update", job.takeUpdate());
  }
}
