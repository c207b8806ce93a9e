"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { sendCommand } from "@/lib/realtime/ack";
import { queryKeys } from "@/lib/query-keys";
import type { SwarmEvent } from "@/lib/swarm/types";

/** A rollout or a drain is a burst of events: one refetch once it settles. */
const SETTLE_MS = 300;
const WATCH_TIMEOUT_MS = 15_000;

/**
 * Watches one swarm host while the swarm section is open: its `swarm:event`s refetch the host's
 * swarm queries, so the lists follow changes made here or with the CLI without polling. Watched
 * again after a reconnect, since the server forgets a socket's watches when it goes.
 */
export function useSwarmWatch(hostId: string): { watching: boolean } {
  const { socket, connected } = useRealtime();
  const qc = useQueryClient();
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (!socket || !connected) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onEvent = (e: SwarmEvent) => {
      if (e.hostId !== hostId) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: queryKeys.swarm(hostId) });
      }, SETTLE_MS);
    };
    socket.on("swarm:event", onEvent);
    let live = true;
    sendCommand(socket, "swarm:watch", { hostId }, WATCH_TIMEOUT_MS).then(
      (r) => live && setWatching(r.ok),
      () => live && setWatching(false),
    );
    return () => {
      live = false;
      setWatching(false);
      socket.off("swarm:event", onEvent);
      clearTimeout(timer);
      if (socket.connected) socket.emit("swarm:unwatch", { hostId }, () => {});
    };
  }, [socket, connected, hostId, qc]);
  return { watching };
}
