"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import type { ContainerEvent } from "@/lib/realtime/events";

/** Changes that move what the overview and alert pages show; exec, top and resize events do not. */
const MOVES = new Set([
  "create",
  "start",
  "die",
  "stop",
  "kill",
  "oom",
  "pause",
  "unpause",
  "destroy",
  "rename",
]);
const moves = (e: ContainerEvent) => MOVES.has(e.action) || e.action.startsWith("health_status");

/** A burst of events (a deploy, a host coming back) is one refetch once it settles. */
const SETTLE_MS = 400;

export interface RefreshOn {
  /** `alert:update`: an alert in scope opened, was counted again, acknowledged or resolved. */
  alerts?: boolean;
  /** `host:status`: a host went up or down. */
  hosts?: boolean;
  /** `container:event`: a container in scope was created, started, died, changed health… */
  containers?: boolean;
}

/**
 * Refetches `keys` when the server pushes a change they show, so a page is live without polling
 * every few seconds. Pushes reach each socket filtered by its scope, as the lists are.
 */
export function useSocketRefresh(keys: readonly QueryKey[], on: RefreshOn): void {
  const { socket } = useRealtime();
  const qc = useQueryClient();
  const { alerts = false, hosts = false, containers = false } = on;
  const id = JSON.stringify(keys);
  useEffect(() => {
    if (!socket) return;
    const queryKeys = JSON.parse(id) as QueryKey[];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
      }, SETTLE_MS);
    };
    const onContainer = (e: ContainerEvent) => {
      if (moves(e)) later();
    };
    if (alerts) socket.on("alert:update", later);
    if (hosts) socket.on("host:status", later);
    if (containers) socket.on("container:event", onContainer);
    return () => {
      socket.off("alert:update", later);
      socket.off("host:status", later);
      socket.off("container:event", onContainer);
      clearTimeout(timer);
    };
  }, [socket, qc, id, alerts, hosts, containers]);
}
