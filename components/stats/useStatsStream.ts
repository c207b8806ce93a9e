"use client";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import { EMPTY_VIEW, statsStoreFor, type StatsStore, type StatsView } from "@/components/stats/stats-store";

function useStore(): StatsStore | undefined {
  const { socket } = useRealtime();
  return socket ? statsStoreFor(socket) : undefined;
}

/**
 * Live stats of one container: the server's history first, then a sample about once a second. Pass
 * no containerId to hold no subscription (a row scrolled out of view, a stopped container).
 */
export function useStatsStream(hostId: string, containerId: string | undefined): StatsView {
  const store = useStore();
  useEffect(() => {
    if (!store || !containerId) return;
    store.acquire(hostId, containerId);
    return () => store.release(hostId, containerId);
  }, [store, hostId, containerId]);
  const subscribe = useCallback(
    (fn: () => void) => (store && containerId ? store.listen(hostId, containerId, fn) : () => {}),
    [store, hostId, containerId],
  );
  const get = useCallback(
    () => (store && containerId ? store.view(hostId, containerId) : EMPTY_VIEW),
    [store, hostId, containerId],
  );
  return useSyncExternalStore(subscribe, get, () => EMPTY_VIEW);
}

/** The views of many containers of one host, for totals; re-renders at most a few times a second. */
export function useStatsStreams(hostId: string, containerIds: readonly string[]): StatsView[] {
  const store = useStore();
  const joined = containerIds.join(",");
  useEffect(() => {
    if (!store || !joined) return;
    const ids = joined.split(",");
    for (const id of ids) store.acquire(hostId, id);
    return () => {
      for (const id of ids) store.release(hostId, id);
    };
  }, [store, hostId, joined]);
  const subscribe = useCallback((fn: () => void) => (store ? store.listenAll(fn) : () => {}), [store]);
  const version = useCallback(() => (store ? store.version : 0), [store]);
  useSyncExternalStore(subscribe, version, () => 0);
  return store ? containerIds.map((id) => store.view(hostId, id)) : [];
}
