"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { api, ApiError, errorMessage } from "@/components/api/client";
import type { HostResult } from "@/lib/images/types";
import { queryKeys } from "@/lib/query-keys";
import { newJobId } from "./job-id";
import { imagePaths, invalidateImages } from "./queries";

export interface PullRun {
  hostId: string;
  jobId: string;
  /** The image reference, to find a job this pull joined instead of starting its own. */
  image: string;
  /** Set when that host's pull has ended. */
  result?: PullResult;
}

/** A host's pull result; a failed one keeps the error itself, to be said in the user's language. */
export type PullResult = HostResult<{ id?: string; jobId?: string }> & { cause?: unknown };

export interface PullRequest {
  image: string;
  hosts: string[];
  registryId?: number;
}

/**
 * Pulls one reference to several hosts: one request per host, each with a job id chosen here so the
 * progress of `job:update` can be shown next to the host it belongs to, and a result per host.
 */
export function usePullImages() {
  const qc = useQueryClient();
  const [runs, setRuns] = useState<PullRun[]>([]);
  const generation = useRef(0);

  const start = useCallback(
    async (req: PullRequest): Promise<PullResult[]> => {
      const gen = ++generation.current;
      const planned = req.hosts.map((hostId) => ({ hostId, jobId: newJobId(), image: req.image }));
      setRuns(planned);
      const settle = (jobId: string, result: PullRun["result"]) => {
        if (gen === generation.current)
          setRuns((rs) => rs.map((r) => (r.jobId === jobId ? { ...r, result } : r)));
      };
      const results = await Promise.all(
        planned.map(async ({ hostId, jobId }) => {
          let result: PullResult;
          try {
            const data = await api<{ id?: string; jobId?: string }>(imagePaths.pull(hostId), {
              method: "POST",
              body: { image: req.image, jobId, ...(req.registryId ? { registryId: req.registryId } : {}) },
            });
            result = { hostId, ok: true, data };
          } catch (err) {
            const code = err instanceof ApiError ? err.code : "INTERNAL";
            result = { hostId, ok: false, error: { code, message: errorMessage(err) }, cause: err };
          }
          settle(jobId, result);
          void qc.invalidateQueries({ queryKey: queryKeys.images(hostId) });
          return result;
        }),
      );
      invalidateImages(qc);
      return results;
    },
    [qc],
  );

  const reset = useCallback(() => {
    generation.current++;
    setRuns([]);
  }, []);

  const busy = runs.some((r) => !r.result);
  return { runs, start, reset, busy };
}
