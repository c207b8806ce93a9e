import type { JobSnapshot } from "@/lib/images/types";
import type { StackServiceProgress } from "@/lib/stacks/types";

/** A service in one of these states has come to its end in the job. */
const ENDED = new Set<StackServiceProgress["state"]>(["done", "failed", "restored", "skipped"]);

/**
 * How far a stack job is: services that reached an end over all services the job declared. A job
 * that has ended is complete whatever its services say.
 */
export function stackProgress(job: Pick<JobSnapshot, "state" | "services">): {
  done: number;
  total: number;
  fraction: number;
} {
  const services = job.services ?? [];
  const done = services.filter((s) => ENDED.has(s.state)).length;
  const total = services.length;
  if (job.state !== "running") return { done, total, fraction: 1 };
  return { done, total, fraction: total ? done / total : 0 };
}

/**
 * A job id in the UUID form the stack routes take. `crypto.randomUUID` exists only in secure
 * contexts (not over plain HTTP on a LAN address), while `getRandomValues` works everywhere.
 */
export function stackJobId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const b = random(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
