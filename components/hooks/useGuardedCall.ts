"use client";
import { useCallback, useState } from "react";

/**
 * One call a dialog makes on a click: `busy` while it runs, its failure kept in `error` (cleared by
 * the next attempt) for the dialog to show instead of a thrown promise.
 */
export function useGuardedCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (call: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
