"use client";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { useSocketCommand } from "@/components/hooks/useSocketCommand";
import { useErrorLine } from "@/components/i18n/useErrorText";
import { JobStore } from "@/components/jobs/job-store";
import { type WharfSocket, useRealtime } from "@/components/providers/RealtimeProvider";
import type { JobSnapshot } from "@/lib/images/types";
import { invalidateImages } from "@/components/api/invalidate";

const stores = new WeakMap<WharfSocket, JobStore>();
const EMPTY: JobSnapshot[] = [];
const noop = () => () => {};

function storeFor(socket: WharfSocket, qc: QueryClient): JobStore {
  let s = stores.get(socket);
  if (!s) {
    // A finished pull, build or load changes the host's images (and what containers can run).
    s = new JobStore(socket, (u) => {
      invalidateImages(qc, u.hostId);
    });
    stores.set(socket, s);
  }
  return s;
}

/** Live pulls, pushes and builds on hosts in scope (or one host), running first. */
export function useJobs(hostId?: string): JobSnapshot[] {
  const { socket } = useRealtime();
  const qc = useQueryClient();
  const store = socket ? storeFor(socket, qc) : undefined;
  const all = useSyncExternalStore(
    store?.subscribe ?? noop,
    store?.getSnapshot ?? (() => EMPTY),
    () => EMPTY,
  );
  return useMemo(() => (hostId ? all.filter((j) => j.hostId === hostId) : all), [all, hostId]);
}

/** Why the server refused to report jobs (a scope or role change), if it did. */
export function useJobsError(): string | undefined {
  const { socket } = useRealtime();
  const qc = useQueryClient();
  const store = socket ? storeFor(socket, qc) : undefined;
  return useSyncExternalStore(
    store?.subscribe ?? noop,
    store?.getError ?? (() => undefined),
    () => undefined,
  );
}

/** One job by id, once the server has reported it. */
export function useJob(jobId: string | undefined): JobSnapshot | undefined {
  const jobs = useJobs();
  return jobId ? jobs.find((j) => j.jobId === jobId) : undefined;
}

/** Asks the server to stop a running job; its final `job:update` says `cancelled`. */
export function useCancelJob() {
  const send = useSocketCommand();
  return useCallback((jobId: string) => send("job:cancel", { jobId }), [send]);
}

/** Cancels a job from a progress view, keeping the refusal (in the user's language) to show there. */
export function useJobCancelAction(): { cancel: (jobId: string) => void; error?: string } {
  const send = useCancelJob();
  const errorLine = useErrorLine();
  const [error, setError] = useState<string>();
  const cancel = useCallback(
    (jobId: string) => {
      setError(undefined);
      send(jobId).catch((e: unknown) => setError(errorLine(e)));
    },
    [send, errorLine],
  );
  return error === undefined ? { cancel } : { cancel, error };
}
