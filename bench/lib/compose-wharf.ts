import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { io as ioClient, type Socket } from "socket.io-client";
import type { Result } from "../../lib/errors";
import type { JobUpdate } from "../../lib/images/types";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/events";
import type { StackPlan } from "../../lib/stacks/types";
import { expectStatus, httpRequest, type HttpTarget } from "./http-get";

const CSRF = { "x-wharf-csrf": "1" };
const JOB_TIMEOUT_MS = 300_000;

export interface TimedDeploy {
  /** From sending POST …/deploy to the job's final `job:update` arriving. */
  ms: number;
  /** From sending the request to its 202 answer (Wharf plans before it answers). */
  acceptedMs: number;
  /** The job's own span on the server (endedAt − startedAt). */
  jobMs: number;
  plan: StackPlan;
  job: JobUpdate;
}

interface Waiter {
  resolve: (u: { job: JobUpdate; at: number }) => void;
  reject: (err: Error) => void;
}

/**
 * Wharf's stack API for one host, with one socket that watches the host's jobs. The client names
 * each job itself (a UUID in the request), so its end is caught even when the final `job:update`
 * arrives before the 202 answer does.
 */
export class WharfStacks {
  private socket?: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly waiters = new Map<string, Waiter>();
  /** DELETEs answered 409 (containers still listed) right after a down job had ended. */
  deleteConflicts = 0;

  constructor(
    private readonly wharf: HttpTarget,
    private readonly hostId: string,
    private readonly signal: AbortSignal,
  ) {}

  private get base(): string {
    return `/api/v1/hosts/${this.hostId}/stacks`;
  }

  /** Connects the socket and starts watching the host's jobs. */
  async connect(port: number, cookie: string): Promise<void> {
    const s: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(`http://127.0.0.1:${port}`, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnection: false,
      forceNew: true,
    });
    this.socket = s;
    s.on("job:update", (u) => {
      if (u.state === "running") return;
      const w = this.waiters.get(u.jobId);
      if (!w) return;
      this.waiters.delete(u.jobId);
      w.resolve({ job: u, at: performance.now() });
    });
    s.on("disconnect", (why) => {
      for (const [id, w] of this.waiters) {
        this.waiters.delete(id);
        w.reject(new Error(`Wharf's socket closed (${why}) while waiting for job ${id}`));
      }
    });
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", reject);
    });
    const ack = (await s.timeout(10_000).emitWithAck("jobs:watch", { hostId: this.hostId })) as Result<{
      jobs: unknown[];
    }>;
    if (!ack.ok) throw new Error(`jobs:watch: ${ack.error.code}: ${ack.error.message}`);
  }

  close(): void {
    this.socket?.close();
  }

  /** Waits for the final update of a job this client named. */
  private awaitJob(jobId: string): Promise<{ job: JobUpdate; at: number }> {
    return new Promise((resolve, reject) => {
      const onAbort = () => done(() => reject(new Error("interrupted")));
      const timer = setTimeout(
        () => done(() => reject(new Error(`job ${jobId}: no end within ${JOB_TIMEOUT_MS / 1000} s`))),
        JOB_TIMEOUT_MS,
      );
      const done = (then: () => void) => {
        clearTimeout(timer);
        this.signal.removeEventListener("abort", onAbort);
        this.waiters.delete(jobId);
        then();
      };
      this.signal.addEventListener("abort", onAbort, { once: true });
      this.waiters.set(jobId, {
        resolve: (u) => done(() => resolve(u)),
        reject: (e) => done(() => reject(e)),
      });
    });
  }

  /** POSTs one stack operation under a job id of our own and waits for the job's end. */
  private async runJob(
    name: string,
    op: string,
  ): Promise<{ t0: number; acceptedAt: number; endAt: number; job: JobUpdate; body: unknown }> {
    this.signal.throwIfAborted();
    const jobId = crypto.randomUUID();
    const ended = this.awaitJob(jobId);
    ended.catch(() => undefined);
    const t0 = performance.now();
    const r = await httpRequest(this.wharf, "POST", `${this.base}/${name}/${op}`, {
      body: { jobId },
      headers: CSRF,
      timeoutMs: 120_000,
    });
    const acceptedAt = performance.now();
    if (r.status !== 202) {
      this.waiters.get(jobId)?.reject(new Error("not started"));
      expectStatus(r, [202], `${op} ${name}`);
    }
    const { job, at } = await ended;
    if (job.state !== "done")
      throw new Error(
        `${op} ${name}: job ${job.state}: ${job.error ?? ""} ${JSON.stringify(job.services ?? [])}`.trim(),
      );
    return { t0, acceptedAt, endAt: at, job, body: JSON.parse(r.body.toString("utf8")) as unknown };
  }

  /** Stores a new stack; Wharf answers its plan and deploys nothing. */
  async create(name: string, compose: string): Promise<void> {
    this.signal.throwIfAborted();
    const r = await httpRequest(this.wharf, "POST", this.base, {
      body: { name, compose, message: "bench" },
      headers: CSRF,
    });
    expectStatus(r, [201], `create stack ${name}`);
  }

  /** Deploys the stack's current revision, timed from the request to the job's end. */
  async deploy(name: string): Promise<TimedDeploy> {
    const r = await this.runJob(name, "deploy");
    const { plan } = r.body as { plan: StackPlan };
    return {
      ms: r.endAt - r.t0,
      acceptedMs: r.acceptedAt - r.t0,
      jobMs: (r.job.endedAt ?? NaN) - r.job.startedAt,
      plan,
      job: r.job,
    };
  }

  /** Brings the stack down (containers and networks) and then forgets its files. */
  async downAndDelete(name: string): Promise<void> {
    await this.runJob(name, "down");
    await this.remove(name);
  }

  /** Forgets a stack with no containers left; retried while Wharf's live list still shows some. */
  async remove(name: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      this.signal.throwIfAborted();
      const r = await httpRequest(this.wharf, "DELETE", `${this.base}/${name}`, { headers: CSRF });
      if (r.status === 204 || r.status === 404) return;
      if (r.status !== 409 || Date.now() > deadline) expectStatus(r, [204], `delete stack ${name}`);
      this.deleteConflicts++;
      await new Promise((res) => setTimeout(res, 100));
    }
  }
}
