import { scopeAllowsHost, scopeAllowsLabels } from "../../lib/permissions";
import { swarmUnwatchSchema, swarmWatchSchema } from "../../lib/swarm/schemas";
import type { AppContext } from "../context";
import type { RealtimeModule } from "./commands";
import type { WharfIo, WharfSocket } from "./types";
import type { Principal } from "../auth/principal";
import { hostInScope } from "../scope/targets";
import { swarmLiveOf, type Labelled } from "../swarm/live";
import { refreshSwarm } from "../swarm/presence";

type SwarmCommand = "swarm:watch" | "swarm:unwatch";

interface Watcher {
  socket: WharfSocket;
  hosts: Set<string>;
}

/**
 * Whether a socket's principal, as the realtime layer last refreshed it, may hear a fact: its host
 * must be in scope; a service's fact must match a label scope, and a whole-host object's (a node,
 * a config, a secret: no labels here) is never told to a label-scoped principal.
 */
export function mayHear(p: Principal, hostId: string, labels: Record<string, string> | undefined): boolean {
  if (!scopeAllowsHost(p.scope, hostId)) return false;
  return labels === undefined ? !p.scope.labelSelector : scopeAllowsLabels(p.scope, labels);
}

/** `swarm:watch` / `swarm:unwatch`, and the fan-out of the swarm's live facts to the sockets watching. */
export function createSwarmModule(app: AppContext, _io: WharfIo): RealtimeModule<SwarmCommand> {
  const live = swarmLiveOf(app.hosts);
  const watchers = new Map<string, Watcher>();

  const fanOut =
    <K extends "swarm:event" | "swarm:task">(event: K) =>
    ({ fact, labels }: Labelled<{ hostId: string }>) => {
      for (const w of watchers.values()) {
        if (!w.hosts.has(fact.hostId) || !mayHear(w.socket.data.principal, fact.hostId, labels)) continue;
        (w.socket.emit as (e: K, payload: unknown) => void)(event, fact);
      }
    };
  const onEvent = fanOut("swarm:event");
  const onTask = fanOut("swarm:task");
  live.on("event", onEvent);
  live.on("task", onTask);

  const drop = (socket: WharfSocket, hostId?: string) => {
    const w = watchers.get(socket.id);
    if (!w) return;
    for (const id of [...w.hosts]) {
      if (hostId && id !== hostId) continue;
      w.hosts.delete(id);
      live.unwatch(id);
    }
    if (!w.hosts.size) watchers.delete(socket.id);
  };

  return {
    commands: {
      "swarm:watch": {
        permission: "read",
        scope: "host",
        schema: swarmWatchSchema,
        handler: async ({ socket, principal }, p) => {
          const host = hostInScope(app, principal, p.hostId);
          const w = watchers.get(socket.id) ?? { socket, hosts: new Set<string>() };
          watchers.set(socket.id, w);
          if (!w.hosts.has(host.spec.id)) {
            w.hosts.add(host.spec.id);
            live.watch(host);
          }
          return { swarm: (await refreshSwarm(host)) ?? null };
        },
      },
      "swarm:unwatch": {
        permission: "read",
        scope: "self",
        schema: swarmUnwatchSchema,
        handler: ({ socket }, p) => {
          drop(socket, p.hostId);
          return null;
        },
      },
    },
    onDisconnect(socket) {
      drop(socket);
    },
    close() {
      live.off("event", onEvent);
      live.off("task", onTask);
      live.close();
    },
  };
}
