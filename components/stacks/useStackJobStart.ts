"use client";
import { useCallback, useState } from "react";
import { stackJobId } from "./stack-progress";

/**
 * Starts stack jobs with an id chosen here, so the page shows the job from its first update, before
 * the request that starts it has answered. A request that fails started nothing: the id is dropped
 * again and the error goes to the caller.
 */
export function useStackJobStart() {
  const [jobId, setJobId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const start = useCallback(async (send: (jobId: string) => Promise<unknown>): Promise<void> => {
    const id = stackJobId();
    setBusy(true);
    setJobId(id);
    try {
      await send(id);
    } catch (err) {
      setJobId((current) => (current === id ? undefined : current));
      throw err;
    } finally {
      setBusy(false);
    }
  }, []);
  /** Stops showing the last job here (a job still running on the stack shows anyway). */
  const forget = useCallback(() => setJobId(undefined), []);
  return { jobId, busy, start, forget };
}
