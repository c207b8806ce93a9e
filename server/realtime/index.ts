import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/events";
import { originAllowed, resolveSession } from "../auth/request-auth";
import type { Session } from "../auth/sessions";
import type { AppContext } from "../context";
import { rooms } from "./rooms";

export interface SocketData {
  session: Session;
}

export type WharfIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** How often long-lived sockets are re-checked against their session (expiry, idle, deletion). */
export const SESSION_SWEEP_MS = 2000;

export function attachRealtime(httpServer: HttpServer, ctx: AppContext): WharfIo {
  const io: WharfIo = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Cross-site WebSocket hijacking: a foreign page could otherwise ride the cookie.
    allowRequest: (req, cb) => cb(null, originAllowed(req)),
    cors: undefined,
  });

  io.use((socket, next) => {
    const session = resolveSession(socket.request, ctx.sessions);
    if (!session) return next(new Error("UNAUTHENTICATED"));
    socket.data.session = session;
    next();
  });

  io.on("connection", (socket) => {
    void socket.join(rooms.session(socket.data.session.id));
    for (const hostId of ctx.hosts.ids()) void socket.join(rooms.host(hostId));
  });

  ctx.hosts.on("status", (e) => io.to(rooms.host(e.hostId)).emit("host:status", e));
  ctx.hosts.on("container", (e) => io.to(rooms.host(e.hostId)).emit("container:event", e));
  ctx.sessions.on("revoked", (sessionId) => io.in(rooms.session(sessionId)).disconnectSockets(true));

  const sweep = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      if (!ctx.sessions.isActive(socket.data.session.id)) socket.disconnect(true);
    }
  }, SESSION_SWEEP_MS);
  sweep.unref();
  io.engine.on("close", () => clearInterval(sweep));
  httpServer.on("close", () => clearInterval(sweep));

  return io;
}
