import type { Readable } from "node:stream";
import { AppError } from "../../lib/errors";
import type { JobKind, JobSnapshot, JobState, JobUpdate } from "../../lib/images/types";
import {
  emptyProgress,
  finishProgress,
  ProgressParser,
  reduceProgress,
  type ProgressState,
} from "./progress";
import { toAppError } from "../errors";

export interface JobInit {
  jobId: string;
  kind: JobKind;
  hostId: string;
  ref: string;
  user: string;
  /** The label selector of the starter's scope ("" for none): who else may watch and cancel it. */
  owner?: string;
}

export interface JobWork {
  /** Opens the engine's progress stream; the signal aborts a request still being set up. */
  open(signal: AbortSignal): Promise<Readable>;
  /** After a clean end: the image id the job produced (or undefined when there is none to name). */
  complete?(progress: ProgressState): string | undefined | Promise<string | undefined>;
  /** Turns the engine's in-stream error text into the right error class (not found, refused…). */
  classify?(message: string): AppError;
}

/**
 * One pull, push or build on one host: the engine's stream folded into progress, and a single end
 * (done, error or cancelled) that every waiter and watcher sees.
 */
export class Job {
  state: JobState = "running";
  progress: ProgressState = emptyProgress();
  readonly startedAt = Date.now();
  endedAt?: number;
  imageId?: string;
  failure?: AppError;
  cancelledBy?: string;
  /** Set once a watcher has seen the log up to here. */
  private emittedLogTotal = 0;
  private readonly abort = new AbortController();
  private stream?: Readable;
  readonly done: Promise<void>;

  constructor(
    readonly init: JobInit,
    private readonly work: JobWork,
    private readonly changed: (job: Job, final: boolean) => void,
  ) {
    this.done = this.run();
  }

  get id(): string {
    return this.init.jobId;
  }

  private async run(): Promise<void> {
    try {
      const stream = await this.work.open(this.abort.signal);
      this.stream = stream;
      if (this.state !== "running") {
        stream.destroy();
        return;
      }
      await this.consume(stream);
      if (this.state !== "running") return;
      this.progress = finishProgress(this.progress);
      if (this.progress.error) throw (this.work.classify ?? engineFailure)(this.progress.error);
      const imageId = await this.work.complete?.(this.progress);
      if (imageId) this.imageId = imageId;
      this.end("done");
    } catch (err) {
      if (this.state !== "running") return;
      this.failure = toAppError(err, { hostId: this.init.hostId, log: `[jobs] ${this.init.kind}` });
      this.end("error");
    }
  }

  private consume(stream: Readable): Promise<void> {
    const parser = new ProgressParser();
    stream.setEncoding("utf8");
    return new Promise<void>((resolve, reject) => {
      stream.on("data", (chunk: string) => {
        for (const m of parser.push(chunk)) this.progress = reduceProgress(this.progress, m);
        this.changed(this, false);
      });
      let ended = false;
      stream.once("end", () => {
        ended = true;
        for (const m of parser.end()) this.progress = reduceProgress(this.progress, m);
        resolve();
      });
      stream.once("error", reject);
      // A cancel destroys the stream (run() then ignores the outcome); any other early close is a failure.
      stream.once("close", () => {
        if (ended) return;
        reject(
          new AppError(
            "ENGINE_UNREACHABLE",
            `host ${this.init.hostId} closed the ${this.init.kind} stream before it ended`,
            { hostId: this.init.hostId },
          ),
        );
      });
    });
  }

  /** Stops the engine-side work: an unfinished request is aborted, an open stream destroyed. */
  cancel(by: string): boolean {
    if (this.state !== "running") return false;
    this.cancelledBy = by;
    this.end("cancelled");
    this.abort.abort();
    this.stream?.destroy();
    return true;
  }

  private end(state: Exclude<JobState, "running">): void {
    this.state = state;
    this.endedAt = Date.now();
    this.changed(this, true);
  }

  /** The error a waiter (the HTTP request that started or joined the job) receives. */
  outcome(): AppError | undefined {
    if (this.state === "error") return this.failure;
    if (this.state === "cancelled")
      return new AppError(
        "CONFLICT",
        `the ${this.init.kind} of ${this.init.ref} was cancelled by ${this.cancelledBy}`,
      );
    return undefined;
  }

  snapshot(): JobSnapshot {
    const p = this.progress;
    const error =
      this.state === "error"
        ? (this.failure?.message ?? p.error)
        : this.state === "cancelled"
          ? this.outcome()?.message
          : undefined;
    return {
      jobId: this.id,
      kind: this.init.kind,
      hostId: this.init.hostId,
      ref: this.init.ref,
      state: this.state,
      user: this.init.user,
      startedAt: this.startedAt,
      ...(this.endedAt !== undefined ? { endedAt: this.endedAt } : {}),
      layers: p.layers,
      ...(p.status ? { status: p.status } : {}),
      log: p.log,
      ...(error ? { error } : {}),
      ...(this.imageId ? { imageId: this.imageId } : {}),
    };
  }

  /** The whole current value, with only the log lines no update has carried yet. */
  takeUpdate(): JobUpdate {
    const snap = this.snapshot();
    const fresh = Math.min(this.progress.logTotal - this.emittedLogTotal, snap.log.length);
    this.emittedLogTotal = this.progress.logTotal;
    return { ...snap, log: fresh > 0 ? snap.log.slice(-fresh) : [] };
  }
}

const engineFailure = (message: string) => new AppError("ENGINE_ERROR", message);
