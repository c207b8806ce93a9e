import crypto from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startStatsWharfChild, type StatsWharfChild } from "./stats-child";
import { Viewers } from "./stats-clients";
import { cpuBetween, engineCpu, processCpuSeconds } from "./stats-cpu";
import type { PhaseResult } from "./stats-report";
import { signIn } from "./wharf-client";

const WARMUP_MS = 5000;
/** Time for samples stamped just before the window's end to arrive. */
const LATE_MS = 3000;
const DRAIN_TIMEOUT_MS = 120_000;
const WHARF_IDLE_MS = 10_000;

export const say = (line: string) => process.stdout.write(`${line}\n`);
export const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export async function until(
  what: string,
  ok: () => boolean,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100, signal);
  }
}

/** Engine CPU-seconds per second while no Wharf runs at all. */
export async function idleEngineCpu(
  engineDir: string,
  seconds: number,
  signal: AbortSignal,
): Promise<number> {
  const t = performance.now();
  const before = engineCpu(engineDir);
  await sleep(seconds * 1000, signal);
  return cpuBetween(before, engineCpu(engineDir)) / ((performance.now() - t) / 1000);
}

export interface PhaseOptions {
  mode: "engine" | "local";
  hostsFile: string;
  hostId: string;
  engineDir: string;
  ids: string[];
  seconds: number;
  viewers: number;
  signal: AbortSignal;
  setChild: (c: StatsWharfChild | undefined) => void;
}

/**
 * One mode: a fresh Wharf child, its own idle cost, every viewer subscribed to every container, a
 * warm-up, the measured window, and the time until the hub closed everything once the viewers left.
 */
export async function runPhase(opts: PhaseOptions): Promise<PhaseResult> {
  const { mode, hostsFile, ids, signal, setChild } = opts;
  let t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF, mode) : undefined;
  const child = await startStatsWharfChild({ password, hostsFile, cpuProfDir });
  setChild(child);
  let viewers: Viewers | undefined;
  try {
    const wharf = await signIn(child.port, password);
    wharf.agent.destroy();
    const cookie = String((wharf.base.headers as Record<string, string>).cookie);
    viewers = new Viewers(`http://127.0.0.1:${child.port}`, cookie);
    await viewers.connect(opts.viewers);
    // Wharf's own cost with its viewers connected but nothing subscribed: health checks, sweeps, pings.
    const idle0 = processCpuSeconds(child.pid);
    await sleep(WHARF_IDLE_MS, signal);
    const wharfIdlePerSec = (processCpuSeconds(child.pid) - idle0) / (WHARF_IDLE_MS / 1000);
    t = performance.now();
    const ackModes = await viewers.subscribeAll(opts.hostId, ids);
    const subscribeSeconds = (performance.now() - t) / 1000;
    const c = () => child.counters();
    await until(
      `${ids.length} ${mode} sources`,
      () => (mode === "engine" ? c()?.upstream : c()?.local) === ids.length,
      30_000,
      signal,
    );
    say(
      `${mode}: wharf pid ${child.pid}; ${opts.viewers} viewers subscribed to ${ids.length} containers (${secs(t)}); acks ${JSON.stringify(ackModes)}`,
    );
    await sleep(WARMUP_MS, signal);

    const t0 = Date.now();
    const to = t0 + opts.seconds * 1000;
    viewers.measure(t0, to);
    const before = {
      wharf: processCpuSeconds(child.pid),
      engine: engineCpu(opts.engineDir),
      bench: process.cpuUsage(),
      hub: c(),
    };
    const upstream: [number, number] = [Infinity, -Infinity];
    const local: [number, number] = [Infinity, -Infinity];
    while (Date.now() < to) {
      const now = c();
      if (now) {
        upstream[0] = Math.min(upstream[0], now.upstream);
        upstream[1] = Math.max(upstream[1], now.upstream);
        local[0] = Math.min(local[0], now.local);
        local[1] = Math.max(local[1], now.local);
      }
      await sleep(Math.min(500, Math.max(1, to - Date.now())), signal);
    }
    const after = {
      wharf: processCpuSeconds(child.pid),
      engine: engineCpu(opts.engineDir),
      bench: process.cpuUsage(before.bench),
      hub: c(),
    };
    const seconds = (Date.now() - t0) / 1000;
    await sleep(LATE_MS, signal);
    const window = viewers.collect();

    t = performance.now();
    viewers.close();
    await until(
      "zero streams after the last viewer left",
      () => c()?.upstream === 0 && c()?.local === 0,
      DRAIN_TIMEOUT_MS,
      signal,
    );
    const drainSeconds = (performance.now() - t) / 1000;
    return {
      mode,
      containers: ids.length,
      viewers: opts.viewers,
      seconds,
      ackModes,
      subscribeSeconds,
      upstream,
      local,
      produced: (after.hub?.produced ?? 0) - (before.hub?.produced ?? 0),
      window,
      wharfCpu: after.wharf - before.wharf,
      wharfIdlePerSec,
      engineCpu: cpuBetween(before.engine, after.engine),
      benchCpu: (after.bench.user + after.bench.system) / 1e6,
      drainSeconds,
    };
  } finally {
    viewers?.close();
    await child.stop();
    setChild(undefined);
  }
}
