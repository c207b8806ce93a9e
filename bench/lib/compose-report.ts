import type { ContainerMark } from "./compose-fixture";
import { median, percentile, ratio, table } from "./stats";

/** Wharf's deploy from nothing ÷ docker-compose's `up -d` of the same file. */
export const TARGET_DEPLOY_RATIO = 1.0;
/** A deploy of the unchanged revision, request to the job's end. */
export const TARGET_REDEPLOY_MS = 200;

export interface DeployRound {
  round: number;
  first: "wharf" | "compose";
  wharfMs: number;
  /** Of Wharf's time: from the request to its 202 answer, and the job's own span on the server. */
  wharfAcceptedMs: number;
  wharfJobMs: number;
  composeMs: number;
}

export interface RedeployResult {
  samples: number[];
  acceptedMs: number[];
  jobMs: number[];
  /** Plan steps other than `keep` seen over all rounds, and services the job did not call "up to date". */
  planChanges: string[];
  serviceChanges: string[];
  before: ContainerMark[];
  after: ContainerMark[];
}

const f0 = (v: number) => v.toFixed(0);
const f1 = (v: number) => v.toFixed(1);

export function deployTable(rounds: readonly DeployRound[]): string {
  const header = ["round", "first", "wharf ms", "to 202", "job span", "compose ms", "wharf/compose"];
  const rows = rounds.map((r) => [
    String(r.round),
    r.first,
    f0(r.wharfMs),
    f0(r.wharfAcceptedMs),
    f0(r.wharfJobMs),
    f0(r.composeMs),
    ratio(r.wharfMs / r.composeMs),
  ]);
  return table(header, rows);
}

export function deployLines(rounds: readonly DeployRound[], services: number): string[] {
  const w = median(rounds.map((r) => r.wharfMs));
  const c = median(rounds.map((r) => r.composeMs));
  const pair = median(rounds.map((r) => r.wharfMs / r.composeMs));
  const verdict = w / c <= TARGET_DEPLOY_RATIO ? "met" : "MISSED";
  return [
    `deploy:   ${services} services from nothing, Wharf ÷ docker-compose up -d = ${ratio(w / c)} (target ≤ ${ratio(TARGET_DEPLOY_RATIO)}, ${verdict})`,
    `          medians over ${rounds.length} rounds: Wharf ${f0(w)} ms (request to the job's end), docker-compose ${f0(c)} ms (spawn to exit); median of the per-round ratios ${ratio(pair)}`,
    `          of Wharf's: to the 202 answer ${f0(median(rounds.map((r) => r.wharfAcceptedMs)))} ms, the job's own span ${f0(median(rounds.map((r) => r.wharfJobMs)))} ms`,
  ];
}

/** Containers whose id or StartedAt differ, or that came or went. */
export function touched(before: readonly ContainerMark[], after: readonly ContainerMark[]): string[] {
  const out: string[] = [];
  const byName = new Map(after.map((c) => [c.name, c]));
  for (const b of before) {
    const a = byName.get(b.name);
    if (!a) out.push(`${b.name}: gone`);
    else if (a.id !== b.id) out.push(`${b.name}: id ${b.id.slice(0, 12)} → ${a.id.slice(0, 12)}`);
    else if (a.startedAt !== b.startedAt) out.push(`${b.name}: started ${b.startedAt} → ${a.startedAt}`);
    else if (a.running !== b.running) out.push(`${b.name}: running ${b.running} → ${a.running}`);
    byName.delete(b.name);
  }
  for (const a of byName.values()) out.push(`${a.name}: new`);
  return out;
}

export function redeployLines(r: RedeployResult): { lines: string[]; untouched: boolean } {
  const p50 = median(r.samples);
  const p95 = percentile(r.samples, 95);
  const changes = touched(r.before, r.after);
  const untouched = changes.length === 0 && r.before.length > 0;
  const verdict = (v: number) => (v <= TARGET_REDEPLOY_MS ? "met" : "MISSED");
  const lines = [
    `redeploy: no change, median ${f1(p50)} ms = ${ratio(p50 / TARGET_REDEPLOY_MS)} the ${TARGET_REDEPLOY_MS} ms target (${verdict(p50)}); p95 ${f1(p95)} ms = ${ratio(p95 / TARGET_REDEPLOY_MS)} (${verdict(p95)})`,
    `          over ${r.samples.length} rounds, min ${f1(Math.min(...r.samples))} ms, max ${f1(Math.max(...r.samples))} ms; request to the job's end`,
    `          of which to the 202 answer: median ${f1(median(r.acceptedMs))} ms; the job's own span: median ${f1(median(r.jobMs))} ms`,
    untouched
      ? `          containers untouched: yes, all ${r.before.length} have the same id and StartedAt before and after (docker inspect)`
      : `          containers untouched: NO (${r.before.length} before, ${r.after.length} after): ${changes.join("; ") || "no containers"}`,
    `          plans: ${r.planChanges.length ? `steps other than keep: ${r.planChanges.join(", ")}` : "every step keep"}; jobs: ${r.serviceChanges.length ? `services not up to date: ${r.serviceChanges.join(", ")}` : 'every service "up to date"'}`,
  ];
  return { lines, untouched: untouched && r.planChanges.length === 0 && r.serviceChanges.length === 0 };
}
