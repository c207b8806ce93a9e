import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { scopeAllowsAlert, scopeAllowsHost, scopeAllowsLabels } from "../../lib/permissions";
import type { AlertUpdate, ContainerEvent } from "../../lib/realtime/events";

import { authenticate, principalOf } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import { originAllowed } from "../auth/request-auth";
import type { AppContext } from "../context";
import { eventLabels } from "../engines/engine-events";
import { toObjectEvent } from "../engines/system-events";
import { bindCommands, type CommandTable, type RealtimeModule } from "./commands";
import { rooms } from "./rooms";
import { createExecModule } from "./streams/exec";
import { createJobsModule } from "./streams/jobs";
import { createLogsModule, type LogsModule } from "./streams/logs";
import { createStatsModule } from "./streams/stats";
import { createSwarmModule } from "./swarm";
import type { StatsHub } from "./streams/stats-hub";
import type { WharfIo, WharfSocket } from "./types";
import { fieldIn } from "../../lib/parse";

export type { SocketData, WharfIo, WharfSocket } from "./types";

/** How often long-lived sockets are re-checked against their session or token (expiry, revocation, scope). */
export const SESSION_SWEEP_MS = 2000;

/** The socket.io server and what the rest of Wharf (and its tests) may ask of it. */
export interface Realtime {
  io: WharfIo;
  /** The command names the server answers, for the route-table test. */
  commands: readonly string[];
  /** Ends every module's engine-side work (exec processes above all) before shutdown. */
  drain(): Promise<unknown>;
  /** The stats hub and the logs rooms, whose counters tests and benchmarks read. */
  stats: StatsHub;
  logs: LogsModule;
}

const unscoped = (p: Principal) => p.scope.hosts === "*" && !p.scope.labelSelector;

export function attachRealtime(httpServer: HttpServer, ctx: AppContext): Realtime {
  const io: WharfIo = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Cross-site WebSocket hijacking: a foreign page could otherwise ride the cookie.
    allowRequest: (req, cb) => cb(null, originAllowed(req)),
  });

  io.use((socket, next) => {
    const token = fieldIn(socket.handshake.auth, "token");
    const auth = authenticate(socket.request, ctx, typeof token === "string" ? token : undefined);
    if (!auth) return next(new Error("UNAUTHENTICATED"));
    socket.data.principal = auth.principal;
    next();
  });

  const place = (socket: WharfSocket) => {
    const p = socket.data.principal;
    // Unscoped principals share one room; scoped ones are checked one by one on every event.
    if (unscoped(p)) {
      void socket.leave(rooms.scoped);
      void socket.join(rooms.everything);
    } else {
      void socket.leave(rooms.everything);
      void socket.join(rooms.scoped);
    }
  };

  const stats = createStatsModule(ctx, io);
  const logs = createLogsModule(ctx, io);
  const exec = createExecModule(ctx, io);
  const jobs = createJobsModule(ctx, io);
  const swarm = createSwarmModule(ctx, io);
  const modules: Pick<RealtimeModule<never>, "onDisconnect" | "close">[] = [stats, logs, exec, jobs, swarm];
  const table: CommandTable = {
    ...stats.commands,
    ...logs.commands,
    ...exec.commands,
    ...jobs.commands,
    ...swarm.commands,
  };

  io.on("connection", (socket) => {
    const p = socket.data.principal;
    if (p.sessionId) void socket.join(rooms.session(p.sessionId));
    if (fieldIn(socket.handshake.auth, "statsBatch") === true) {
      void socket.join(rooms.statsBatched);
    }
    place(socket);
    bindCommands(ctx, io, socket, table);
    socket.on("disconnect", () => {
      for (const m of modules) m.onDisconnect?.(socket);
    });
  });
  let drained: Promise<unknown> | undefined;
  const drain = () => (drained ??= Promise.allSettled(modules.map((m) => Promise.resolve(m.close?.()))));
  httpServer.on("close", () => void drain());

  const scopedSockets = () =>
    [...(io.of("/").adapter.rooms.get(rooms.scoped) ?? [])]
      .map((id) => io.of("/").sockets.get(id))
      .filter((s): s is WharfSocket => !!s);

  ctx.hosts.on("status", (e) => {
    io.to(rooms.everything).emit("host:status", e);
    for (const s of scopedSockets())
      if (scopeAllowsHost(s.data.principal.scope, e.hostId)) s.emit("host:status", e);
  });
  ctx.hosts.on("container", (e: ContainerEvent & { attributes?: Record<string, string> }) => {
    const { attributes, ...event } = e;
    io.to(rooms.everything).emit("container:event", event);
    const labels = eventLabels(attributes);
    for (const s of scopedSockets()) {
      const scope = s.data.principal.scope;
      if (scopeAllowsHost(scope, e.hostId) && scopeAllowsLabels(scope, labels))
        s.emit("container:event", event);
    }
  });
  ctx.hosts.on("engine", (e) => {
    const event = toObjectEvent(e);
    if (!event) return;
    io.to(rooms.everything).emit("engine:event", event);
    // Volume and network events carry no labels, so label-scoped sockets cannot be told which are theirs.
    for (const s of scopedSockets()) {
      const scope = s.data.principal.scope;
      if (!scope.labelSelector && scopeAllowsHost(scope, e.hostId)) s.emit("engine:event", event);
    }
  });
  ctx.alerts.store.onChange((a, change) => {
    const update: AlertUpdate = { id: a.id, hostId: a.hostId, kind: a.kind, state: a.state, change };
    io.to(rooms.everything).emit("alert:update", update);
    for (const s of scopedSockets())
      if (scopeAllowsAlert(s.data.principal.scope, a)) s.emit("alert:update", update);
  });
  ctx.sessions.on("revoked", (sessionId) => io.in(rooms.session(sessionId)).disconnectSockets(true));

  const sweep = setInterval(() => refreshSockets(io, ctx, place), SESSION_SWEEP_MS);
  sweep.unref();
  httpServer.on("close", () => clearInterval(sweep));
  return { io, commands: Object.keys(table), drain, stats: stats.hub, logs };
}

/**
 * Drops sockets whose session or token ended, and picks up role and scope changes. Many sockets share
 * one session (a user's tabs) or one token, so each is looked up once a sweep.
 */
function refreshSockets(io: WharfIo, ctx: AppContext, place: (s: WharfSocket) => void): void {
  const seen = new Map<string, Principal | undefined>();
  const lookUp = (p: Principal): Principal | undefined => {
    if (p.kind === "token") return ctx.tokens.byId(p.id);
    if (!p.sessionId || !ctx.sessions.isActive(p.sessionId)) return undefined;
    const user = ctx.users.findById(p.id);
    return user && !user.disabled ? principalOf({ id: p.sessionId, user, expiresAt: 0 }) : undefined;
  };
  for (const socket of io.of("/").sockets.values()) {
    const p = socket.data.principal;
    const key = `${p.kind}:${p.kind === "token" ? p.id : (p.sessionId ?? "")}`;
    let fresh = seen.get(key);
    if (!seen.has(key)) seen.set(key, (fresh = lookUp(p)));
    if (!fresh) {
      socket.disconnect(true);
      continue;
    }
    socket.data.principal = fresh;
    place(socket);
  }
}
