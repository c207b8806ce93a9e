import { AppError } from "../../../lib/errors";
import { roleAllows, scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import type { ExecStart } from "../../../lib/realtime/events";
import { execCloseSchema, execInputSchema, execResizeSchema, execStartSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import { endExecProcess } from "../../engines/exec-kill";
import { startExecProcess } from "../../engines/exec-process";
import { targetOf, type CommandContext, type RealtimeModule } from "../commands";
import type { WharfIo, WharfSocket } from "../types";
import { auditParams, recordEnd, recordFailedStart } from "./exec-audit";
import { CleanupQueue } from "./exec-cleanup";
import { DEFAULT_BATCH, type BatchOptions } from "./exec-output";
import { ExecSession, type SessionEnd } from "./exec-session";
import { toAppError } from "../../errors";

export interface ExecModuleOptions {
  maxPerSocket: number;
  maxTotal: number;
  /** A session with no input (keys or resizes) for this long is closed. */
  idleMs: number;
  /** How often sessions are checked for idleness and for access that changed. */
  sweepMs: number;
  batch: BatchOptions;
}

export const DEFAULT_EXEC_OPTIONS: ExecModuleOptions = {
  maxPerSocket: 8,
  maxTotal: 256,
  idleMs: 30 * 60 * 1000,
  sweepMs: 2000,
  batch: DEFAULT_BATCH,
};

type ExecCommand = "exec:start" | "exec:input" | "exec:resize" | "exec:close";

/** Interactive exec sessions that end their process inside the container when the socket goes. */
export function createExecModule(
  app: AppContext,
  _io: WharfIo,
  overrides: Partial<ExecModuleOptions> = {},
): RealtimeModule<ExecCommand> & { sessionCount(): number } {
  const opts = { ...DEFAULT_EXEC_OPTIONS, ...overrides };
  const sessions = new Map<string, ExecSession>();
  const starting = new Map<string, number>();
  const cleanup = new CleanupQueue();
  let closed = false;

  const ownedBy = (socket: WharfSocket) => [...sessions.values()].filter((s) => s.socket === socket);

  /** Another socket's session answers exactly like one that does not exist. */
  const own = (socket: WharfSocket, sessionId: string): ExecSession => {
    const s = sessions.get(sessionId);
    if (!s || s.socket !== socket || s.ended)
      throw new AppError("NOT_FOUND", `no open terminal session ${sessionId}`);
    return s;
  };

  const onEnded = (s: ExecSession, end: SessionEnd) => {
    sessions.delete(s.id);
    if (end.cleanupError && !closed)
      cleanup.add(s.init.host, s.init.containerId, s.init.proc.exec, s.init.proc.pid);
    recordEnd(app.audit, s, end);
  };

  const start = async (c: CommandContext, p: ExecStart) => {
    const { socket, principal } = c;
    const mine = ownedBy(socket).length + (starting.get(socket.id) ?? 0);
    if (mine >= opts.maxPerSocket)
      throw new AppError("CONFLICT", `at most ${opts.maxPerSocket} terminals may be open per connection`);
    if (sessions.size >= opts.maxTotal)
      throw new AppError("CONFLICT", "Wharf has too many open terminals; try again later");
    starting.set(socket.id, (starting.get(socket.id) ?? 0) + 1);
    const ip = socket.handshake.address;
    let target = p.containerId;
    try {
      const { host, id, inspect } = targetOf(c);
      target = String(inspect.Name ?? id).replace(/^\//, "");
      const state = inspect.State ?? {};
      if (state.Paused) throw new AppError("CONFLICT", `container ${target} is paused; unpause it first`);
      if (!state.Running || state.Restarting)
        throw new AppError("CONFLICT", `container ${target} is not running; start it to open a terminal`);
      const proc = await startExecProcess(host, id, p);
      const abandon = () => {
        void endExecProcess(host, id, proc.exec, proc.pid).catch(() => undefined);
        proc.stream.destroy();
      };
      if (closed || !socket.connected) {
        abandon();
        throw new AppError("CONFLICT", "the connection closed while the terminal was starting");
      }
      const params = auditParams(p, proc.program);
      try {
        // On disk before the reply, like every audited action; without it the session does not start.
        app.audit.record({
          user: principal.name,
          ip,
          hostId: p.hostId,
          target,
          action: "exec.start",
          params,
          result: "ok",
        });
      } catch (err) {
        abandon();
        throw err;
      }
      const labels = inspect.Config?.Labels ?? {};
      const session = new ExecSession({
        host,
        containerId: id,
        containerName: target,
        labels,
        socket,
        proc,
        audit: { user: principal.name, ip, params },
        batch: opts.batch,
        onEnded,
      });
      sessions.set(session.id, session);
      return { sessionId: session.id };
    } catch (err) {
      const e = toAppError(err, { hostId: p.hostId, log: "[realtime] exec:start" });
      recordFailedStart(app.audit, {
        user: principal.name,
        ip,
        hostId: p.hostId,
        target,
        params: auditParams(p),
        error: `${e.code}: ${e.message}`,
      });
      throw err;
    } finally {
      const n = (starting.get(socket.id) ?? 1) - 1;
      if (n > 0) starting.set(socket.id, n);
      else starting.delete(socket.id);
    }
  };

  /** Role, host scope and label scope are re-read from the socket, which the realtime layer refreshes. */
  const stillAllowed = (s: ExecSession) => {
    const { role, scope } = s.socket.data.principal;
    return (
      roleAllows(role, "operate") &&
      scopeAllowsHost(scope, s.init.host.spec.id) &&
      scopeAllowsLabels(scope, s.init.labels)
    );
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const s of sessions.values()) {
      if (s.ended) continue;
      if (!stillAllowed(s)) void s.end("revoked", "\r\n[Wharf: your access changed; terminal closed]\r\n");
      else if (now - s.lastInputAt > opts.idleMs)
        void s.end("idle", "\r\n[Wharf: closed after too long without input]\r\n");
    }
    if (cleanup.size) void cleanup.tick(now);
  }, opts.sweepMs);
  sweep.unref();

  return {
    commands: {
      "exec:start": { permission: "operate", scope: "container", schema: execStartSchema, handler: start },
      "exec:input": {
        permission: "operate",
        scope: "exec-session",
        schema: execInputSchema,
        handler: ({ socket }, p) => {
          own(socket, p.sessionId).write(p.data);
          return null;
        },
      },
      "exec:resize": {
        permission: "operate",
        scope: "exec-session",
        schema: execResizeSchema,
        handler: async ({ socket }, p) => {
          await own(socket, p.sessionId).resize(p.cols, p.rows);
          return null;
        },
      },
      "exec:close": {
        permission: "operate",
        scope: "exec-session",
        schema: execCloseSchema,
        handler: async ({ socket }, p) => {
          await own(socket, p.sessionId).end("closed");
          return null;
        },
      },
    },
    onDisconnect(socket) {
      for (const s of ownedBy(socket)) void s.end("disconnected");
    },
    close() {
      closed = true;
      clearInterval(sweep);
      // The end is recorded first: the database may close before a slow engine answers the kill.
      const ends = [...sessions.values()].map((s) => {
        recordEnd(app.audit, s, { reason: s.endReason ?? "shutdown", exitCode: null });
        return s.end("shutdown");
      });
      return Promise.allSettled(ends);
    },
    sessionCount: () => sessions.size,
  };
}
