import { AppError } from "../../lib/errors";
import type { JobSnapshot, JobState, JobUpdate } from "../../lib/images/types";
import type { StackServiceProgress } from "../../lib/stacks/types";
import type { ManagedJob } from "../images/jobs";
import type { JobInit } from "../images/job";
import { toAppError } from "../errors";

const LOG_LINES = 500;

export type StackWork = (job: StackJob, signal: AbortSignal) => Promise<void>;

/**
 * One stack operation on one host: a line per service that says where it is, a bounded log, and
 * a single end. A cancel aborts `signal`; the work undoes the step it is in and stops.
 */
export class StackJob implements ManagedJob {
  state: JobState = "running";
  readonly startedAt = Date.now();
  endedAt?: number;
  failure?: AppError;
  cancelledBy?: string;
  private readonly services = new Map<string, StackServiceProgress>();
  private readonly lines: string[] = [];
  private logTotal = 0;
  private emittedLogTotal = 0;
  private readonly abort = new AbortController();
  readonly done: Promise<void>;

  constructor(
    readonly init: JobInit,
    readonly operation: string,
    work: StackWork,
    private readonly changed: (job: ManagedJob, final: boolean) => void,
  ) {
    this.done = this.run(work);
  }

  get id(): string {
    return this.init.jobId;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  private async run(work: StackWork): Promise<void> {
    // Let the manager register the job before its first update goes out.
    await Promise.resolve();
    try {
      await work(this, this.abort.signal);
      if (this.state !== "running") return;
      const failed = [...this.services.values()].filter(
        (s) => s.state === "failed" || s.state === "restored",
      );
      if (failed.length) {
        this.failure = new AppError(
          "ENGINE_ERROR",
          failed.map((s) => `${s.service}: ${s.detail}`).join("; "),
        );
        this.end("error");
      } else this.end("done");
    } catch (err) {
      if (this.state !== "running") return;
      this.failure = toAppError(err, { hostId: this.init.hostId, log: `[stacks] ${this.operation}` });
      this.log(`error: ${this.failure.message}`);
      this.end("error");
    }
  }

  /** Declares the services in the order the job shows them. */
  plan(services: readonly string[]): void {
    for (const s of services) this.services.set(s, { service: s, state: "waiting", detail: "" });
    this.changed(this, false);
  }

  service(service: string, state: StackServiceProgress["state"], detail: string): void {
    this.services.set(service, { service, state, detail });
    this.log(`${service}: ${detail}`);
  }

  serviceState(service: string): StackServiceProgress["state"] | undefined {
    return this.services.get(service)?.state;
  }

  /** Whether any service failed or had to be put back as it was. */
  anyFailed(): boolean {
    return [...this.services.values()].some((s) => s.state === "failed" || s.state === "restored");
  }

  log(line: string): void {
    this.lines.push(line);
    this.logTotal++;
    if (this.lines.length > LOG_LINES) this.lines.splice(0, this.lines.length - LOG_LINES);
    this.changed(this, false);
  }

  /** Throws when the job was cancelled: the work checks between steps. */
  check(): void {
    if (this.abort.signal.aborted)
      throw new AppError(
        "CONFLICT",
        `the ${this.operation} of ${this.init.ref} was cancelled by ${this.cancelledBy}`,
      );
  }

  cancel(by: string): boolean {
    if (this.state !== "running") return false;
    this.cancelledBy = by;
    this.abort.abort();
    this.log(`cancelled by ${by}`);
    this.end("cancelled");
    return true;
  }

  private end(state: Exclude<JobState, "running">): void {
    this.state = state;
    this.endedAt = Date.now();
    this.changed(this, true);
  }

  /** The error the request that waits for the job receives. */
  outcome(): AppError | undefined {
    if (this.state === "error") return this.failure;
    if (this.state === "cancelled")
      return new AppError(
        "CONFLICT",
        `the ${this.operation} of ${this.init.ref} was cancelled by ${this.cancelledBy}`,
      );
    return undefined;
  }

  snapshot(): JobSnapshot {
    const error = this.state === "error" || this.state === "cancelled" ? this.outcome()?.message : undefined;
    return {
      jobId: this.id,
      kind: this.init.kind,
      hostId: this.init.hostId,
      ref: this.init.ref,
      state: this.state,
      user: this.init.user,
      startedAt: this.startedAt,
      ...(this.endedAt !== undefined ? { endedAt: this.endedAt } : {}),
      layers: [],
      log: [...this.lines],
      ...(error ? { error } : {}),
      operation: this.operation,
      services: [...this.services.values()],
    };
  }

  takeUpdate(): JobUpdate {
    const snap = this.snapshot();
    const fresh = Math.min(this.logTotal - this.emittedLogTotal, snap.log.length);
    this.emittedLogTotal = this.logTotal;
    return { ...snap, log: fresh > 0 ? snap.log.slice(-fresh) : [] };
  }
}
