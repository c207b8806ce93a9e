import { roleAllows, scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import { logsRefPayloadSchema, logsSubscribeSchema } from "../../../lib/schemas";
import type { SwarmEvent } from "../../../lib/swarm/types";
import type { AppContext } from "../../context";
import type { EngineContainerEvent } from "../../engines/engine-events";
import { swarmLiveOf, type Labelled } from "../../swarm/live";
import { ServiceLogNames } from "../../swarm/service-log-names";
import { targetOf, type CommandContext, type RealtimeModule } from "../commands";
import { matchRef } from "../match-ref";
import { rooms } from "../rooms";
import type { WharfIo, WharfSocket } from "../types";
import { DEFAULT_TIMING, type RoomHooks, type RoomTiming } from "./logs-config";
import { LogRoom, SERVICE_REMOVED, serviceLogKey } from "./logs-room";
import type { RoomOptions } from "./logs-upstream";

export interface LogsModule extends RealtimeModule<"logs:subscribe" | "logs:unsubscribe"> {
  /** Engine log streams open right now. */
  upstreamCount(): number;
  /** The room a socket follows for a container, if any: for tests and diagnostics. */
  roomOf(socketId: string, hostId: string, containerId: string): LogRoom | undefined;
}

/**
 * Live logs: one upstream follow stream per (container or swarm service, options), fanned out with
 * flow control. A service's room follows the swarm's events too: the engine's stream stays open,
 * silent, after the service is removed, and a relabelled service may leave a label scope.
 */
export function createLogsModule(
  app: AppContext,
  io: WharfIo,
  timing: RoomTiming = DEFAULT_TIMING,
): LogsModule {
  const byKey = new Map<string, LogRoom>();
  const all = new Set<LogRoom>();
  const live = swarmLiveOf(app.hosts);
  /** Service rooms: the service's full id and its labels as last seen. */
  const services = new Map<LogRoom, { serviceId: string; labels: Record<string, string> }>();

  const hooksFor = (hostId: string, labelsOf: () => Record<string, string>): RoomHooks => ({
    allowed: (s) => {
      const p = s.data.principal;
      return (
        roleAllows(p.role, "operate") &&
        scopeAllowsHost(p.scope, hostId) &&
        scopeAllowsLabels(p.scope, labelsOf())
      );
    },
    left: (s, room) => {
      // A newer room under the same name (the old one ended) may hold the same socket.
      if (!byKey.get(room.key)?.has(s.id)) void s.leave(room.key);
    },
    disposed: (room) => {
      all.delete(room);
      if (services.delete(room)) live.unwatch(room.hostId);
      if (byKey.get(room.key) === room) byKey.delete(room.key);
    },
  });

  const matching = (socket: WharfSocket, hostId: string, ref: { containerId?: string; serviceId?: string }) =>
    matchRef(
      [...all].filter(
        (r) => r.hostId === hostId && r.has(socket.id) && services.has(r) === (ref.serviceId !== undefined),
      ),
      ref.serviceId ?? ref.containerId ?? "",
      (r) => ({ id: services.get(r)?.serviceId ?? r.containerId, name: r.name }),
    );

  const onSwarm = ({ fact, labels }: Labelled<SwarmEvent>) => {
    if (fact.type !== "service") return;
    for (const [room, s] of [...services]) {
      if (room.hostId !== fact.hostId || s.serviceId !== fact.id) continue;
      if (fact.action === "remove") room.end(SERVICE_REMOVED);
      else if (labels) s.labels = labels;
    }
  };

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

  const openServiceRoom = (
    key: string,
    c: NonNullable<CommandContext["service"]>,
    opts: RoomOptions,
    names: ServiceLogNames,
  ) => {
    const { host, service } = c;
    const state = { serviceId: service.ID, labels: service.Spec?.Labels ?? {} };
    const tty = service.Spec?.TaskTemplate?.ContainerSpec?.["TTY"] === true;
    const name = service.Spec?.Name ?? service.ID;
    const room = new LogRoom(
      key,
      { host, id: service.ID, name, tty, opts, service: names },
      hooksFor(host.spec.id, () => state.labels),
      timing,
    );
    services.set(room, state);
    live.watch(host);
    return room;
  };

  const join = async (c: CommandContext, room: LogRoom) => {
    byKey.set(room.key, room);
    all.add(room);
    room.add(c.socket);
    void c.socket.join(room.key);
    await room.ready;
    return { room: room.key, containerId: room.containerId, name: room.name, tty: room.tty };
  };

  app.hosts.on("container", onContainer);
  app.hosts.on("changed", onHostsChanged);
  live.on("event", onSwarm);

  const mod: LogsModule = {
    commands: {
      "logs:subscribe": {
        permission: "operate",
        scope: "container",
        schema: logsSubscribeSchema,
        handler: async (c, p) => {
          const opts = { tail: p.tail, since: p.since, until: p.until, timestamps: p.timestamps ?? false };
          if (c.service) {
            const svc = c.service;
            const key = rooms.logs(svc.host.spec.id, serviceLogKey(svc.service.ID), opts);
            let room = byKey.get(key);
            if (!room || room.ended) {
              const names = new ServiceLogNames(svc.host, svc.service);
              await names.load();
              // Another subscriber may have opened it while the names were looked up.
              room = byKey.get(key);
              if (!room || room.ended) room = openServiceRoom(key, svc, opts, names);
            }
            return join(c, room);
          }
          const { host, id, inspect } = targetOf(c);
          const config = inspect.Config ?? {};
          const name = String(inspect.Name ?? "").replace(/^\//, "");
          const tty = !!config.Tty;
          const key = rooms.logs(host.spec.id, id, opts);
          let room = byKey.get(key);
          if (!room || room.ended)
            room = new LogRoom(
              key,
              { host, id, name, tty, opts },
              hooksFor(host.spec.id, () => config.Labels ?? {}),
              timing,
            );
          return join(c, room);
        },
      },
      "logs:unsubscribe": {
        permission: "operate",
        scope: "self",
        schema: logsRefPayloadSchema,
        handler: (c, p) => {
          for (const room of matching(c.socket, p.hostId, p)) {
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
      live.off("event", onSwarm);
      for (const room of [...all]) room.dispose();
    },
    upstreamCount: () => [...all].filter((r) => r.hasUpstream).length,
    roomOf: (socketId, hostId, containerId) =>
      [...all].find((r) => r.hostId === hostId && r.containerId === containerId && r.has(socketId)),
  };
  return mod;
}
