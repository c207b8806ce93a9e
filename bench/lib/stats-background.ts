import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { expectStatus, httpRequest } from "./http-get";
import { startStatsWharfChild, type StatsWharfChild } from "./stats-child";
import { cpuBetween, engineCpu, processCpuSeconds } from "./stats-cpu";
import { say, secs, sleep } from "./stats-phase";
import { signIn } from "./wharf-client";

/** The first rounds read every container once to prime its counters: measured after them. */
const WARMUP_MS = 25_000;

export interface BackgroundResult {
  mode: "engine" | "local";
  intervalS: number;
  seconds: number;
  /** CPU-seconds per second. */
  wharfPerSec: number;
  enginePerSec: number;
  /** The host totals' last pids figure: every running container's pids summed, read by the collector. */
  hostPids: number;
}

/**
 * Background collection with nobody watching: a fresh Wharf child with the collector at `intervalS`
 * (0 turns it off, the baseline), its CPU and the engine's over the window.
 */
export async function runBackgroundPhase(opts: {
  mode: "engine" | "local";
  hostsFile: string;
  hostId: string;
  engineDir: string;
  intervalS: number;
  seconds: number;
  signal: AbortSignal;
  setChild: (c: StatsWharfChild | undefined) => void;
}): Promise<BackgroundResult> {
  const t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  const child = await startStatsWharfChild({
    password,
    hostsFile: opts.hostsFile,
    env: { WHARF_METRICS_INTERVAL: String(opts.intervalS) },
  });
  opts.setChild(child);
  try {
    const wharf = await signIn(child.port, password);
    await sleep(WARMUP_MS, opts.signal);
    const before = { wharf: processCpuSeconds(child.pid), engine: engineCpu(opts.engineDir), t: Date.now() };
    await sleep(opts.seconds * 1000, opts.signal);
    const seconds = (Date.now() - before.t) / 1000;
    const wharfPerSec = (processCpuSeconds(child.pid) - before.wharf) / seconds;
    const enginePerSec = cpuBetween(before.engine, engineCpu(opts.engineDir)) / seconds;
    const r = expectStatus(
      await httpRequest(
        wharf,
        "GET",
        `/api/v1/hosts/${opts.hostId}/history?metric=pids&from=${Date.now() - 60_000}`,
      ),
      [200],
      "host history",
    );
    wharf.agent.destroy();
    const points = (JSON.parse(r.body.toString("utf8")) as { points: { last: number }[] }).points;
    const result = {
      mode: opts.mode,
      intervalS: opts.intervalS,
      seconds,
      wharfPerSec,
      enginePerSec,
      hostPids: points.at(-1)?.last ?? 0,
    };
    say(
      `background ${opts.mode}, every ${opts.intervalS || "-"} s: wharf ${(wharfPerSec * 100).toFixed(2)} % of a core, engine ${(enginePerSec * 100).toFixed(2)} %, host pids ${result.hostPids} (${secs(t)})`,
    );
    return result;
  } finally {
    await child.stop();
    opts.setChild(undefined);
  }
}

/** The collection's cost: each mode with the collector on, less the same mode with it off. */
export function backgroundLines(runs: readonly BackgroundResult[], containers: number): string[] {
  const lines: string[] = [];
  for (const mode of ["engine", "local"] as const) {
    const on = runs.find((r) => r.mode === mode && r.intervalS > 0);
    const off = runs.find((r) => r.mode === mode && r.intervalS === 0);
    if (!on || !off) continue;
    const wharf = (on.wharfPerSec - off.wharfPerSec) * 100;
    const engine = (on.enginePerSec - off.enginePerSec) * 100;
    const budget =
      mode === "engine"
        ? `engine side ${engine.toFixed(2)} % of a core (budget 5 %, ratio ${(engine / 5).toFixed(2)})`
        : `Wharf ${wharf.toFixed(2)} % of a core (budget 2 %, ratio ${(wharf / 2).toFixed(2)})`;
    lines.push(
      `background collection, ${mode} mode, ${containers} containers every ${on.intervalS} s: ${budget}; Wharf ${wharf.toFixed(2)} %, engine ${engine.toFixed(2)} % (on ${(on.wharfPerSec * 100).toFixed(2)} / ${(on.enginePerSec * 100).toFixed(2)}, off ${(off.wharfPerSec * 100).toFixed(2)} / ${(off.enginePerSec * 100).toFixed(2)})`,
    );
  }
  return lines;
}
