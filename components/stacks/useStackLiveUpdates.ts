"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useJobs } from "@/components/jobs/useJobs";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import type { JobUpdate } from "@/lib/images/types";
import type { ContainerEvent } from "@/lib/realtime/events";
import { refreshStacks } from "./queries";
import { isQuietContainerAction } from "@/lib/realtime/container-actions";

/** A deploy changes many containers in a burst: one refetch per host after it settles is enough. */
const SETTLE_MS = 300;

/** Actions that change nothing a stack shows. */

/**
 * Keeps the stack queries in step with the engines: a container event on a host refreshes that
 * host's stacks, and so does the end of a stack job (a deploy also marks a revision deployed). It
 * also keeps the job watch open while a stack page shows, so a job started here is seen from its
 * first update.
 */
export function useStackLiveUpdates(): void {
  const { socket } = useRealtime();
  const qc = useQueryClient();
  useJobs();
  useEffect(() => {
    if (!socket) return;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const later = (hostId: string) => {
      if (timers.has(hostId)) return;
      timers.set(
        hostId,
        setTimeout(() => {
          timers.delete(hostId);
          refreshStacks(qc, hostId);
        }, SETTLE_MS),
      );
    };
    const onContainer = (e: ContainerEvent) => {
      if (!isQuietContainerAction(e.action)) later(e.hostId);
    };
    const onJob = (u: JobUpdate) => {
      if (u.kind === "stack" && u.state !== "running") later(u.hostId);
    };
    socket.on("container:event", onContainer);
    socket.on("job:update", onJob);
    return () => {
      socket.off("container:event", onContainer);
      socket.off("job:update", onJob);
      for (const t of timers.values()) clearTimeout(t);
    };
  }, [socket, qc]);
}
