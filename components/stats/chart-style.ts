/** The charts' line colours, the same in both themes; `muted` draws a limit or a peak beside a line. */
export const CHART_COLORS = {
  a: "#4493f8",
  b: "#3fb950",
  c: "#d29922",
  d: "#f85149",
  muted: "#8b96a3",
} as const;

/** Rate charts start at a KiB/s scale: a quiet container shows a flat line, not an axis of "1 B/s" ticks. */
export const RATE_FLOOR = 4096;
