import { roleAllows, scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import { containerRefPayloadSchema, logsSubscribeSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import type { EngineContainerEvent } from "../../engines/engine-events";
import { targetOf, type RealtimeModule } from "../commands";
import { matchRef } from "../match-ref";
import { rooms } from "../rooms";
import type { WharfIo, WharfSocket } from "../types";
import { DEFAULT_TIMING, type RoomHooks, type RoomTiming } from "./logs-config";
import { LogRoom } from "./logs-room";

export interface LogsModule extends RealtimeModule<"logs:subscribe" | "logs:unsubscribe"> {
  /** Engine log streams open right now. */
  upstreamCount(): number;
  /** The room a socket follows for a container, if any: for tests and diagnostics. */
  roomOf(socketId: string, hostId: string, containerId: string): LogRoom | undefined;
}

/** Live logs: one upstream follow stream per (container, options), fanned out with flow control. */
export function createLogsModule(
  app: AppContext,
  io: WharfIo,
  timing: RoomTiming = DEFAULT_TIMING,
): LogsModule {
  const byKey = new Map<string, LogRoom>();
  const all = new Set<LogRoom>();

  const hooksFor = (hostId: string, labels: Record<string, string>): RoomHooks => ({
    allowed: (s) => {
      const p = s.data.principal;
      return (
        roleAllows(p.role, "operate") &&
        scopeAllowsHost(p.scope, hostId) &&
        scopeAllowsLabels(p.scope, labels)
      );
    },
    left: (s, room) => {
      // A newer room under the same name (the old one ended) may hold the same socket.
      if (!byKey.get(room.key)?.has(s.id)) void s.leave(room.key);
    },
    disposed: (room) => {
      all.delete(room);
      if (byKey.get(room.key) === room) byKey.delete(room.key);
    },
  });

  const matching = (socket: WharfSocket, hostId: string, ref: string) =>
    matchRef(
      [...all].filter((r) => r.hostId === hostId && r.has(socket.id)),
      ref,
      (r) => ({ id: r.containerId, name: r.name }),
    );

  const onContainer = (e: EngineContainerEvent) => {
    if (e.action !== "start" && e.action !== "destroy") return;
    for (const room of [...all]) {
      if (room.hostId !== e.hostId || room.containerId !== e.containerId) continue;
      if (e.action === "destroy") room.end("the container was removed");
      else void room.resume();
    }
  };
  const onHostsChanged = () => {
    const ids = new Set(app.hosts.ids());
    for (const room of [...all]) if (!ids.has(room.hostId)) room.end("the host was removed from Wharf");
  };
  app.hosts.on("container", onContainer);
  app.hosts.on("changed", onHostsChanged);

  const mod: LogsModule = {
    commands: {
      "logs:subscribe": {
        permission: "operate",
        scope: "container",
        schema: logsSubscribeSchema,
        handler: async (c, p) => {
          const { host, id, inspect } = targetOf(c);
          const config = inspect.Config ?? {};
          const name = String(inspect.Name ?? "").replace(/^\//, "");
          const tty = !!config.Tty;
          const opts = { tail: p.tail, since: p.since, until: p.until, timestamps: p.timestamps ?? false };
          const key = rooms.logs(host.spec.id, id, opts);
          let room = byKey.get(key);
          if (!room || room.ended) {
            room = new LogRoom(
              key,
              { host, id, name, tty, opts },
              hooksFor(host.spec.id, config.Labels ?? {}),
              timing,
            );
            byKey.set(key, room);
            all.add(room);
          }
          room.add(c.socket);
          void c.socket.join(key);
          await room.ready;
          return { room: key, containerId: id, name, tty };
        },
      },
      "logs:unsubscribe": {
        permission: "operate",
        scope: "self",
        schema: containerRefPayloadSchema,
        handler: (c, p) => {
          for (const room of matching(c.socket, p.hostId, p.containerId)) {
            room.remove(c.socket.id);
            void c.socket.leave(room.key);
          }
          return null;
        },
      },
    },
    onDisconnect: (socket) => {
      for (const room of [...all]) room.remove(socket.id);
    },
    close: () => {
      app.hosts.off("container", onContainer);
      app.hosts.off("changed", onHostsChanged);
      for (const room of [...all]) room.dispose();
    },
    upstreamCount: () => [...all].filter((r) => r.hasUpstream).length,
    roomOf: (socketId, hostId, containerId) =>
      [...all].find((r) => r.hostId === hostId && r.containerId === containerId && r.has(socketId)),
  };
  return mod;
}
