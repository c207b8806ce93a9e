import type Dockerode from "dockerode";
import { endExecProcess } from "../../engines/exec-kill";
import type { HostConnection } from "../../engines/host-connection";

interface Job {
  host: HostConnection;
  containerId: string;
  exec: Dockerode.Exec;
  pid: number;
  firstFailure: number;
  nextTry: number;
}

const RETRY_MS = 5000;
/** After this long the engine has long forgotten the exec, and its pid cannot be trusted any more. */
const GIVE_UP_MS = 60 * 60 * 1000;

/**
 * Exec processes that could not be ended when their session closed, usually because the engine was
 * unreachable just then. They are retried while their host is up; the engine's own record of the exec
 * tells whether the process is still there, so a retry never signals someone else's process.
 */
export class CleanupQueue {
  private jobs: Job[] = [];
  private busy = false;

  add(host: HostConnection, containerId: string, exec: Dockerode.Exec, pid: number, now = Date.now()): void {
    this.jobs.push({ host, containerId, exec, pid, firstFailure: now, nextTry: now + RETRY_MS });
  }

  get size(): number {
    return this.jobs.length;
  }

  async tick(now = Date.now()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const current = this.jobs;
      // Jobs added while this tick awaits the engine land in the fresh list.
      this.jobs = [];
      const keep: Job[] = [];
      for (const job of current) {
        if (now - job.firstFailure > GIVE_UP_MS) {
          console.error(
            `[exec] gave up ending pid ${job.pid} in ${job.containerId.slice(0, 12)} on ${job.host.spec.id}`,
          );
          continue;
        }
        if (job.nextTry > now || !job.host.isUp) {
          keep.push(job);
          continue;
        }
        try {
          await endExecProcess(job.host, job.containerId, job.exec, job.pid);
        } catch {
          keep.push({ ...job, nextTry: now + RETRY_MS });
        }
      }
      this.jobs = [...keep, ...this.jobs];
    } finally {
      this.busy = false;
    }
  }
}
