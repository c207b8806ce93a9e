"use client";
import { useEffect, useState } from "react";
import { useRealtime } from "@/components/providers/RealtimeProvider";
import type { JobUpdate } from "@/lib/images/types";

/**
 * The live state of one image job, by the id the client gave it. The watch is the socket's (not
 * this component's): it is not undone here, since other views on the same socket may rely on it.
 */
export function usePullJob(hostId: string, jobId: string | undefined): JobUpdate | undefined {
  const { socket } = useRealtime();
  const [job, setJob] = useState<JobUpdate>();
  useEffect(() => {
    if (!socket || !jobId) return;
    const onUpdate = (e: JobUpdate) => {
      if (e.jobId === jobId) setJob(e);
    };
    socket.on("job:update", onUpdate);
    socket.emit("jobs:watch", { hostId }, () => {});
    return () => {
      socket.off("job:update", onUpdate);
    };
  }, [socket, hostId, jobId]);
  return job;
}
