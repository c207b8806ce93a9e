import type { JobLayer } from "@/lib/images/types";

/** A pull's progress from its layers: bytes done of bytes known, and how many layers are finished. */
export function pullProgress(layers: JobLayer[]): { fraction?: number; done: number; total: number } {
  let current = 0;
  let size = 0;
  let done = 0;
  for (const l of layers) {
    if (l.phase === "done" || l.phase === "exists") done++;
    if (l.total && l.total > 0) {
      size += l.total;
      current += l.phase === "done" || l.phase === "exists" ? l.total : Math.min(l.current ?? 0, l.total);
    }
  }
  return { fraction: size > 0 ? current / size : undefined, done, total: layers.length };
}
