import { AppError } from "../../../lib/errors";
import { jobCancelSchema, jobsUnwatchSchema, jobsWatchSchema } from "../../../lib/images/schemas";
import type { JobUpdate } from "../../../lib/images/types";
import { jobInScope } from "../../scope/targets";
import type { AppContext } from "../../context";
import type { RealtimeModule } from "../commands";
import type { WharfIo, WharfSocket } from "../types";

type JobsCommand = "jobs:watch" | "jobs:unwatch" | "job:cancel";

interface Watcher {
  socket: WharfSocket;
  /** Only this host's jobs, when the watcher asked for one. */
  hostId?: string;
}

/**
 * Pull, push and build progress for sockets that watch jobs. Every update is checked against the
 * socket's current scope (which the realtime layer refreshes), so a revoked host stops its updates.
 */
export function createJobsModule(app: AppContext, _io: WharfIo): RealtimeModule<JobsCommand> {
  const { jobs } = app.images;
  const watchers = new Map<string, Watcher>();

  const fanOut = (u: JobUpdate) => {
    for (const w of watchers.values()) {
      if (w.hostId && w.hostId !== u.hostId) continue;
      const init = jobs.find(u.jobId)?.init ?? { hostId: u.hostId };
      if (jobInScope(w.socket.data.principal, init)) w.socket.emit("job:update", u);
    }
  };
  jobs.on("update", fanOut);

  return {
    commands: {
      "jobs:watch": {
        permission: "read",
        scope: "host",
        schema: jobsWatchSchema,
        handler: ({ socket, principal }, p) => {
          watchers.set(socket.id, { socket, ...(p.hostId ? { hostId: p.hostId } : {}) });
          const visible = jobs.list(
            (j) => jobInScope(principal, j.init) && (!p.hostId || j.init.hostId === p.hostId),
          );
          return { jobs: visible };
        },
      },
      "jobs:unwatch": {
        permission: "read",
        scope: "self",
        schema: jobsUnwatchSchema,
        handler: ({ socket }) => {
          watchers.delete(socket.id);
          return null;
        },
      },
      "job:cancel": {
        permission: "operate",
        scope: "job",
        schema: jobCancelSchema,
        handler: ({ socket, principal }, p) => {
          const job = jobs.find(p.jobId);
          // A job on a host out of scope answers exactly like one that does not exist.
          if (!job || !jobInScope(principal, job.init)) throw new AppError("NOT_FOUND", `no job ${p.jobId}`);
          const cancelled = job.cancel(principal.name);
          app.audit.record({
            user: principal.name,
            ip: socket.handshake.address,
            hostId: job.init.hostId,
            target: job.init.ref,
            action: "job.cancel",
            params: { jobId: job.id, kind: job.init.kind },
            result: cancelled ? "ok" : "error",
            ...(cancelled ? {} : { error: `CONFLICT: the job already ended (${job.state})` }),
          });
          if (!cancelled) throw new AppError("CONFLICT", `the job already ended (${job.state})`);
          return null;
        },
      },
    },
    onDisconnect(socket) {
      watchers.delete(socket.id);
    },
    close() {
      jobs.off("update", fanOut);
      jobs.cancelAll("shutdown");
    },
  };
}
