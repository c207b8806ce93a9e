"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { patchContainerRow } from "@/components/api/container-rows";
import { invalidateImages } from "@/components/api/invalidate";
import { queryKeys } from "@/lib/query-keys";
import type {
  ClientToServerEvents,
  ContainerEvent,
  EngineObjectEvent,
  HostStatusEvent,
  ServerToClientEvents,
} from "@/lib/realtime/events";
import type { HostSummary } from "@/lib/types";
import { isQuietContainerAction } from "@/lib/realtime/container-actions";

export type WharfSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface RealtimeState {
  socket?: WharfSocket;
  connected: boolean;
  /** Epoch ms since when the socket has been down, or undefined while connected. */
  downSince?: number;
}

const RealtimeContext = createContext<RealtimeState>({ connected: false });

export const useRealtime = () => useContext(RealtimeContext);

/** Actions that do not change what a list shows. */

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<RealtimeState>(() => ({ connected: false, downSince: Date.now() }));

  useEffect(() => {
    const socket: WharfSocket = io({
      path: "/socket.io",
      transports: ["websocket"],
      withCredentials: true,
      // Live stats in quarter-second batches: far fewer messages when many containers are watched.
      auth: { statsBatch: true },
    });

    const onContainer = (e: ContainerEvent) => {
      if (isQuietContainerAction(e.action)) return;
      if (e.container !== undefined) {
        // The server's list already shows the change: take its row, and refetch only this host's
        // other container queries (details, namespaces, specs), not the lists.
        patchContainerRow(qc, e.hostId, e.containerId, e.container);
        void qc.invalidateQueries({
          queryKey: queryKeys.containers(e.hostId),
          predicate: (q) => q.queryKey.length > queryKeys.containers(e.hostId).length,
        });
      } else {
        void qc.invalidateQueries({ queryKey: queryKeys.containers(e.hostId) });
        void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
      }
      void qc.invalidateQueries({ queryKey: queryKeys.engineEvents(e.hostId) });
      // A container made or removed changes who uses an image or a volume.
      if (e.action === "create" || e.action === "destroy") {
        invalidateImages(qc, e.hostId);
        void qc.invalidateQueries({ queryKey: queryKeys.volumes(e.hostId) });
        void qc.invalidateQueries({ queryKey: queryKeys.allVolumes() });
      }
    };
    const onEngineObject = (e: EngineObjectEvent) => {
      void qc.invalidateQueries({ queryKey: queryKeys.engineEvents(e.hostId) });
      if (e.type === "image") return invalidateImages(qc, e.hostId);
      const [one, all] =
        e.type === "volume"
          ? [queryKeys.volumes(e.hostId), queryKeys.allVolumes()]
          : [queryKeys.networks(e.hostId), queryKeys.allNetworks()];
      void qc.invalidateQueries({ queryKey: one });
      void qc.invalidateQueries({ queryKey: all });
    };
    const onHost = (e: HostStatusEvent) => {
      qc.setQueryData<{ items: HostSummary[] }>(queryKeys.hosts(), (old) =>
        old
          ? {
              items: old.items.map((h) =>
                h.id === e.hostId
                  ? {
                      ...h,
                      status: e.status,
                      error: e.error,
                      since: Date.now(),
                      engineVersion: e.engineVersion ?? h.engineVersion,
                      apiVersion: e.apiVersion ?? h.apiVersion,
                      engine: e.engine ?? h.engine,
                      // An up host's status names every capability it lacks, so none listed means none.
                      disabled: e.status === "up" && e.engine ? e.disabled : h.disabled,
                    }
                  : h,
              ),
            }
          : old,
      );
      // A host that comes back may have changed while it was away.
      void qc.invalidateQueries({ queryKey: queryKeys.containers(e.hostId) });
      void qc.invalidateQueries({ queryKey: queryKeys.allContainers() });
      invalidateImages(qc, e.hostId);
    };
    socket.on("container:event", onContainer);
    socket.on("engine:event", onEngineObject);
    socket.on("host:status", onHost);
    socket.on("connect", () => {
      setState({ socket, connected: true });
      // Anything may have happened while disconnected.
      void qc.invalidateQueries({ queryKey: queryKeys.hosts() });
    });
    socket.on("disconnect", () => setState({ socket, connected: false, downSince: Date.now() }));
    socket.on("connect_error", (err) => {
      setState((s) => ({ socket, connected: false, downSince: s.downSince ?? Date.now() }));
      // A full page load, not a client navigation: the signed-out app must not keep cached data.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (err.message === "UNAUTHENTICATED") window.location.assign("/login");
    });
    return () => {
      socket.removeAllListeners();
      socket.close();
    };
  }, [qc]);

  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}
