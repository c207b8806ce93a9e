import type { WindowResult } from "./stats-clients";
import { median, percentile, ratio, table } from "./stats";

export interface PhaseResult {
  mode: "engine" | "local";
  containers: number;
  viewers: number;
  seconds: number;
  /** Acks per mode the server answered with. */
  ackModes: Record<string, number>;
  subscribeSeconds: number;
  /** Upstream engine streams and local cgroup targets seen during the window (min–max). */
  upstream: [number, number];
  local: [number, number];
  /** The hub's own count of samples sent out during the window. */
  produced: number;
  window: WindowResult;
  wharfCpu: number;
  /** Wharf's CPU-seconds per second with the viewers connected and nothing subscribed. */
  wharfIdlePerSec: number;
  engineCpu: number;
  benchCpu: number;
  /** From the last viewer leaving to zero streams and zero local targets. */
  drainSeconds: number;
}

export const TARGET_ENGINE_RATIO = 0.15;
export const TARGET_LOCAL_RATIO = 0.1;
export const TARGET_DELIVERY = 0.99;

const f1 = (v: number) => v.toFixed(1);
const f2 = (v: number) => v.toFixed(2);
const f3 = (v: number) => v.toFixed(3);
const span = ([a, b]: [number, number]) => (a === b ? String(a) : `${a}–${b}`);

export function deliveryRatios(p: PhaseResult): { min: number; mean: number } {
  const r = p.window.perViewer.map((n) => n / p.window.distinct);
  return { min: Math.min(...r), mean: r.reduce((a, b) => a + b, 0) / r.length };
}

export function phaseTable(phases: readonly PhaseResult[], baselineEngineCpuPerSec: number): string {
  const header = [
    "mode",
    "streams",
    "local",
    "produced/s",
    "per ctr Hz",
    "deliv/client/s",
    "deliv÷prod min",
    "wharf CPU s",
    "wharf idle s",
    "engine CPU s",
    "engine idle s",
    "bench CPU s",
    "delay p50",
    "delay p99",
    "to zero",
  ];
  const rows = phases.map((p) => {
    const d = deliveryRatios(p);
    return [
      p.mode,
      span(p.upstream),
      span(p.local),
      f1(p.window.distinct / p.seconds),
      f3(p.window.distinct / p.seconds / p.containers),
      f1(median(p.window.perViewer) / p.seconds),
      f3(d.min),
      f2(p.wharfCpu),
      f2(p.wharfIdlePerSec * p.seconds),
      f2(p.engineCpu),
      f2(baselineEngineCpuPerSec * p.seconds),
      f2(p.benchCpu),
      `${f1(percentile(p.window.delays, 50))} ms`,
      `${f1(percentile(p.window.delays, 99))} ms`,
      `${f1(p.drainSeconds)} s`,
    ];
  });
  return table(header, rows);
}

export function summaryLines(
  engine: PhaseResult,
  local: PhaseResult,
  baselineEngineCpuPerSec: number,
): string[] {
  const engineIdle = (p: PhaseResult) => baselineEngineCpuPerSec * p.seconds;
  const wharfIdle = (p: PhaseResult) => p.wharfIdlePerSec * p.seconds;
  // Per second, so that windows of slightly different length compare fairly.
  const whole = (p: PhaseResult) => (p.wharfCpu + p.engineCpu) / p.seconds;
  // What the host spends because it is monitored: all of Wharf's CPU, and the engine's above what it
  // burns with no Wharf running at all (measured before and after both modes).
  const monitoring = (p: PhaseResult) => (p.wharfCpu + Math.max(0, p.engineCpu - engineIdle(p))) / p.seconds;
  const net = (p: PhaseResult) =>
    (Math.max(0, p.wharfCpu - wharfIdle(p)) + Math.max(0, p.engineCpu - engineIdle(p))) / p.seconds;
  const perSample = (p: PhaseResult) => net(p) / (p.window.distinct / p.seconds);
  const d = [engine, local].map(deliveryRatios);
  return [
    `engine mode: Wharf CPU ÷ engine CPU = ${ratio(engine.wharfCpu / engine.engineCpu)} (target ≤ ${TARGET_ENGINE_RATIO}) with ${engine.viewers} viewers × ${engine.containers} containers`,
    `             both net of their idle baselines: ${ratio((engine.wharfCpu - wharfIdle(engine)) / (engine.engineCpu - engineIdle(engine)))}`,
    `local mode:  monitoring cost (all of Wharf + the engine above its idle baseline) ÷ engine mode's = ${ratio(monitoring(local) / monitoring(engine))} (target ≤ ${TARGET_LOCAL_RATIO})`,
    `             whole CPU, the idle engine's own work included: ${ratio(whole(local) / whole(engine))}; that idle work alone is ${ratio(baselineEngineCpuPerSec / whole(engine))} of engine mode's whole, a floor no collector can go below`,
    `             net of both idle baselines: ${ratio(net(local) / net(engine))}; per sample delivered: ${ratio(perSample(local) / perSample(engine))}`,
    `delivery:    samples per viewer ÷ distinct samples: engine min ${f3(d[0]?.min ?? NaN)}, local min ${f3(d[1]?.min ?? NaN)} (target ≥ ${TARGET_DELIVERY})`,
    `upstream:    engine mode ${span(engine.upstream)} engine streams for ${engine.containers} containers; local mode ${span(local.upstream)}`,
    `             the hub counted ${engine.produced} / ${local.produced} samples sent in the windows; viewers saw ${engine.window.distinct} / ${local.window.distinct} distinct`,
  ];
}
