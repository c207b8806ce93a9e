"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { queryKeys } from "@/lib/query-keys";
import type { SwarmTaskTransition } from "@/lib/swarm/types";

/** The newest transitions kept on screen: a rollout of many tasks must not grow the page without end. */
export const MAX_TRANSITIONS = 200;
const SETTLE_MS = 250;

/**
 * A service's task transitions as the server tells them (`swarm:task`, while the host is watched):
 * kept newest first in a bounded list outside the query cache, each one also refetching the
 * service's detail so its task table and rollout progress follow.
 */
export function useTaskTransitions(hostId: string, serviceId: string | undefined) {
  const { socket } = useRealtime();
  const qc = useQueryClient();
  const [items, setItems] = useState<SwarmTaskTransition[]>([]);
  useEffect(() => {
    if (!socket || !serviceId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onTask = (e: SwarmTaskTransition) => {
      if (e.hostId !== hostId || e.serviceId !== serviceId) return;
      setItems((old) => [e, ...old].slice(0, MAX_TRANSITIONS));
      timer ??= setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: queryKeys.swarm(hostId) });
      }, SETTLE_MS);
    };
    socket.on("swarm:task", onTask);
    return () => {
      socket.off("swarm:task", onTask);
      clearTimeout(timer);
    };
  }, [socket, hostId, serviceId, qc]);
  const clear = useCallback(() => setItems([]), []);
  return { items, clear };
}
