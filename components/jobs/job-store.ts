import type { JobSnapshot, JobUpdate } from "@/lib/images/types";
import type { Result } from "@/lib/errors";
import { applyJobUpdate, sortJobs } from "./job-progress";

/** The store's error when the server never answered the watch; the tray words it. */
export const NO_ANSWER = "no answer to jobs:watch";

/** What the store needs of a socket: the typed socket.io client satisfies it. */
export interface JobSocket {
  connected: boolean;
  on(event: "job:update", fn: (u: JobUpdate) => void): unknown;
  on(event: "connect", fn: () => void): unknown;
  off(event: "job:update", fn: (u: JobUpdate) => void): unknown;
  off(event: "connect", fn: () => void): unknown;
  emit(event: "jobs:unwatch", payload: Record<string, never>, ack: () => void): unknown;
  timeout(ms: number): {
    emit(
      event: "jobs:watch",
      payload: { hostId?: string },
      ack: (err: Error | null, res?: Result<{ jobs: JobSnapshot[] }>) => void,
    ): unknown;
  };
}

/**
 * One watch per socket, shared by every component that shows jobs: the server keeps one
 * subscription per socket, so a second `jobs:watch` or an early `jobs:unwatch` from one component
 * would change what the others receive. The last component to leave unwatches.
 */
export class JobStore {
  private jobs = new Map<string, JobSnapshot>();
  private listeners = new Set<() => void>();
  private snapshot: JobSnapshot[] = [];
  private refs = 0;
  error: string | undefined;

  constructor(
    private readonly socket: JobSocket,
    /** Called once when a job reaches an end state, so the caller can refresh what it changed. */
    private readonly onFinished: (u: JobUpdate) => void,
  ) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    if (this.refs++ === 0) this.start();
    return () => {
      this.listeners.delete(fn);
      if (--this.refs === 0) this.stop();
    };
  };

  getSnapshot = () => this.snapshot;

  getError = () => this.error;

  private emit() {
    this.snapshot = sortJobs(this.jobs.values());
    for (const fn of this.listeners) fn();
  }

  private start() {
    this.socket.on("job:update", this.onUpdate);
    // A reconnect is a new server-side socket: it watches nothing until asked again.
    this.socket.on("connect", this.watch);
    if (this.socket.connected) this.watch();
  }

  private stop() {
    this.socket.off("job:update", this.onUpdate);
    this.socket.off("connect", this.watch);
    if (this.socket.connected) this.socket.emit("jobs:unwatch", {}, () => {});
  }

  private watch = () => {
    this.socket
      .timeout(15_000)
      .emit("jobs:watch", {}, (err: Error | null, res?: Result<{ jobs: JobSnapshot[] }>) => {
        if (err || !res) this.error = err?.message ?? NO_ANSWER;
        else if (!res.ok) this.error = res.error.message;
        else {
          this.error = undefined;
          // The server's snapshot is the truth for the jobs it still knows; finished ones it forgot stay.
          for (const j of res.data.jobs) this.jobs.set(j.jobId, j);
        }
        this.emit();
      });
  };

  private onUpdate = (u: JobUpdate) => {
    const prev = this.jobs.get(u.jobId);
    this.jobs.set(u.jobId, applyJobUpdate(prev, u));
    if (u.state !== "running" && prev?.state !== u.state) this.onFinished(u);
    this.emit();
  };
}
