"use client";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { useSocketCommand } from "@/components/hooks/useSocketCommand";
import { applyJobUpdate, sortJobs } from "@/components/jobs/job-progress";
import { type WharfSocket, useRealtime } from "@/components/providers/RealtimeProvider";
import type { Result } from "@/lib/errors";
import type { JobSnapshot, JobUpdate } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";

/**
 * One watch per socket, shared by every component that shows jobs: the server keeps one
 * subscription per socket, so a second `jobs:watch` or an early `jobs:unwatch` from one component
 * would change what the others receive. The last component to leave unwatches.
 */
class JobStore {
  private jobs = new Map<string, JobSnapshot>();
  private listeners = new Set<() => void>();
  private snapshot: JobSnapshot[] = [];
  private refs = 0;
  error: string | undefined;

  constructor(
    private readonly socket: WharfSocket,
    private readonly qc: QueryClient,
  ) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    if (this.refs++ === 0) this.start();
    return () => {
      this.listeners.delete(fn);
      if (--this.refs === 0) this.stop();
    };
  };

  getSnapshot = () => this.snapshot;

  private emit() {
    this.snapshot = sortJobs(this.jobs.values());
    for (const fn of this.listeners) fn();
  }

  private start() {
    this.socket.on("job:update", this.onUpdate);
    // A reconnect is a new server-side socket: it watches nothing until asked again.
    this.socket.on("connect", this.watch);
    if (this.socket.connected) this.watch();
  }

  private stop() {
    this.socket.off("job:update", this.onUpdate);
    this.socket.off("connect", this.watch);
    if (this.socket.connected) this.socket.emit("jobs:unwatch", {}, () => {});
  }

  private watch = () => {
    this.socket
      .timeout(15_000)
      .emit("jobs:watch", {}, (err: Error | null, res?: Result<{ jobs: JobSnapshot[] }>) => {
        if (err || !res) this.error = err?.message ?? "no answer to jobs:watch";
        else if (!res.ok) this.error = res.error.message;
        else {
          this.error = undefined;
          // The server's snapshot is the truth for the jobs it still knows; finished ones it forgot stay.
          for (const j of res.data.jobs) this.jobs.set(j.jobId, j);
        }
        this.emit();
      });
  };

  private onUpdate = (u: JobUpdate) => {
    const prev = this.jobs.get(u.jobId);
    this.jobs.set(u.jobId, applyJobUpdate(prev, u));
    if (u.state !== "running" && prev?.state !== u.state) {
      // A finished pull, build or load changes the host's images (and what containers can run).
      void this.qc.invalidateQueries({ queryKey: queryKeys.images(u.hostId) });
      void this.qc.invalidateQueries({ queryKey: queryKeys.allImages() });
    }
    this.emit();
  };
}

const stores = new WeakMap<WharfSocket, JobStore>();
const EMPTY: JobSnapshot[] = [];
const noop = () => () => {};

function storeFor(socket: WharfSocket, qc: QueryClient): JobStore {
  let s = stores.get(socket);
  if (!s) {
    s = new JobStore(socket, qc);
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
