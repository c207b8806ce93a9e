/**
 * Live stats at scale: 100 running containers, 50 socket.io viewers each subscribed to all of them,
 * first in engine mode (the shared upstream streams) and then in local cgroup mode, on the same engine
 * and the same containers. The edge test engine has both a TCP port (engine mode: Wharf cannot read
 * its cgroups through TCP) and a unix socket (local mode).
 *
 * Then background collection with nobody watching (the history's collector every 10 s against the
 * same Wharf with it off), in each mode: the engine side's cost in engine mode, Wharf's in local mode.
 *
 * Env: BENCH_STATS_SECONDS (measured window per mode, 60), BENCH_STATS_CONTAINERS (100),
 * BENCH_STATS_PHASES (live,background: which parts run),
 * BENCH_STATS_VIEWERS (50), BENCH_KEEP=1 (keep the containers for the next run), BENCH_CPU_PROF=<dir>
 * (V8 CPU profiles of the Wharf process, one per mode).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting } from "../server/engines/host-spec";
import { closeTargets, engineTarget } from "./lib/engines";
import { ENGINES_DIR, HOSTS_FILE } from "./lib/paths";
import type { StatsWharfChild } from "./lib/stats-child";
import { ensureRunningContainers, removeStatsContainers } from "./lib/stats-fixtures";
import { idleEngineCpu, runPhase, say, secs, sleep } from "./lib/stats-phase";
import { phaseTable, summaryLines } from "./lib/stats-report";
import { abortOnInterrupt } from "./lib/interrupt";
import { backgroundLines, runBackgroundPhase, type BackgroundResult } from "./lib/stats-background";
import { intEnv } from "./lib/env";

const HOST = "edge";
const ENGINE_DIR = path.join(ENGINES_DIR, HOST);
/** Containers just started keep their engine busy for a few seconds. */
const SETTLE_MS = 10_000;

/** A hosts file holding only the bench engine, reached over TCP (engine mode) or its unix socket (local mode). */
function hostsFileFor(mode: "engine" | "local", dir: string): string {
  const entries = JSON.parse(fs.readFileSync(HOSTS_FILE, "utf8")) as { id: string; url: string }[];
  const edge = entries.find((e) => e.id === HOST);
  if (!edge) throw new Error(`${HOSTS_FILE} has no host "${HOST}"`);
  const entry =
    mode === "engine"
      ? edge
      : { id: HOST, name: "Edge (socket)", url: `unix://${path.join(ENGINE_DIR, "docker.sock")}` };
  const file = path.join(dir, `hosts-${mode}.json`);
  fs.writeFileSync(file, JSON.stringify([entry]));
  return file;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const seconds = intEnv("BENCH_STATS_SECONDS", 60, 5);
  const containers = intEnv("BENCH_STATS_CONTAINERS", 100, 1);
  const viewerCount = intEnv("BENCH_STATS_VIEWERS", 50, 1);
  if (!fs.existsSync(HOSTS_FILE))
    throw new Error(`${HOSTS_FILE} is missing: run "bash scripts/test-engines.sh start"`);
  const spec = parseHostsSetting(HOSTS_FILE).find((s) => s.id === HOST);
  if (!spec) throw new Error(`${HOSTS_FILE} has no host "${HOST}"`);
  const target = engineTarget(spec);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-stats-"));

  let child: StatsWharfChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());

  let code = 0;
  try {
    say(`bench stats: ${containers} containers on ${HOST}, ${viewerCount} viewers, ${seconds} s per mode`);
    const t = performance.now();
    const fx = await ensureRunningContainers(target, containers, signal);
    say(`fixtures: ${fx.ids.length} running (created ${fx.created}, started ${fx.started}) (${secs(t)})`);

    // The engine's own cost with nobody watching, what both modes pay anyway: measured before and after
    // the two modes (once freshly started containers settled), and averaged.
    if (fx.started) await sleep(SETTLE_MS, signal);
    const idleBefore = await idleEngineCpu(ENGINE_DIR, Math.min(seconds, 30), signal);
    const phase = (mode: "engine" | "local") =>
      runPhase({
        mode,
        hostsFile: hostsFileFor(mode, tmp),
        hostId: HOST,
        engineDir: ENGINE_DIR,
        ids: fx.ids,
        seconds,
        viewers: viewerCount,
        signal: signal,
        setChild: (c) => (child = c),
      });
    const only = process.env.BENCH_STATS_PHASES?.split(",") ?? ["live", "background"];
    const background: BackgroundResult[] = [];
    if (only.includes("background"))
      for (const mode of ["engine", "local"] as const)
        for (const intervalS of [0, 10])
          background.push(
            await runBackgroundPhase({
              mode,
              hostsFile: hostsFileFor(mode, tmp),
              hostId: HOST,
              engineDir: ENGINE_DIR,
              intervalS,
              seconds,
              signal,
              setChild: (c) => (child = c),
            }),
          );
    for (const line of backgroundLines(background, containers)) say(line);
    if (!only.includes("live")) return code;
    const engine = await phase("engine");
    const local = await phase("local");
    const idleAfter = await idleEngineCpu(ENGINE_DIR, Math.min(seconds, 30), signal);
    const idlePerSec = (idleBefore + idleAfter) / 2;
    say(
      `baseline: engine CPU with no Wharf running ${idleBefore.toFixed(4)} before, ${idleAfter.toFixed(4)} after (CPU-s per s)`,
    );
    say("");
    say(phaseTable([engine, local], idlePerSec));
    say("");
    for (const line of summaryLines(engine, local, idlePerSec)) say(line);
    say(
      `note: one shared ${os.cpus().length}-CPU machine runs the engine, Wharf, the ${viewerCount} viewers (bench CPU) and other people's work; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    process.stderr.write(
      signal.aborted
        ? "bench: interrupted\n"
        : `bench: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  } finally {
    await child?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    if (process.env.BENCH_KEEP === "1") say("cleanup: skipped (BENCH_KEEP=1)");
    else {
      try {
        say(`cleanup: removed ${await removeStatsContainers(target)} containers`);
      } catch (err) {
        code ||= 1;
        process.stderr.write(`bench: cleanup failed: ${String(err)}\n`);
      }
    }
    closeTargets([target]);
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
