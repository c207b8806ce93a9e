"use client";
import { useEffect, useState } from "react";

/**
 * False until `ready` has been true through one painted frame, then true for good: for work that
 * must not compete with what the page is about to show (a secondary query, a badge lookup).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs before that frame is painted; the timer after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}
