import { containerRefPayloadSchema } from "../../../lib/schemas";
import type { AppContext } from "../../context";
import { targetOf, type RealtimeModule } from "../commands";
import type { WharfIo } from "../types";
import { StatsHub, type StatsHubOptions } from "./stats-hub";

/** Hubs not closed yet, for a benchmark's probe loaded into the server process. */
export const liveStatsHubs = new Set<StatsHub>();

/** Shared upstream stats streams per container, or local cgroup reading where the engine runs here. */
export function createStatsModule(
  app: AppContext,
  io: WharfIo,
  opts: StatsHubOptions = {},
): RealtimeModule<"stats:subscribe" | "stats:unsubscribe"> & { hub: StatsHub } {
  const hub = new StatsHub(app, io, opts);
  liveStatsHubs.add(hub);
  return {
    hub,
    commands: {
      "stats:subscribe": {
        permission: "read",
        scope: "container",
        schema: containerRefPayloadSchema,
        handler: (c, p) => hub.subscribeResolved(c.socket, p.hostId, targetOf(c)),
      },
      "stats:unsubscribe": {
        permission: "read",
        scope: "self",
        schema: containerRefPayloadSchema,
        handler: ({ socket }, p) => {
          hub.unsubscribe(socket, p.hostId, p.containerId);
          return null;
        },
      },
    },
    onDisconnect: (socket) => hub.disconnect(socket),
    close: () => {
      hub.close();
      liveStatsHubs.delete(hub);
    },
  };
}
