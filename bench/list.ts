/**
 * `npm run bench`: listing containers through Wharf versus asking the engine directly.
 *
 * Env: BENCH_N (timed pairs per host, 200), BENCH_WARMUP (20), BENCH_KEEP=1 (keep the 500 bench
 * containers for the next run), BENCH_CPU_PROF=<dir> (V8 CPU profile of the Wharf process).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting } from "../server/engines/host-spec";
import { closeTargets, engineTarget, type EngineTarget } from "./lib/engines";
import { ensureBenchContainers, removeBenchContainers } from "./lib/fixtures";
import { measureHost, type HostSamples } from "./lib/measure";
import { HOSTS_FILE } from "./lib/paths";
import { hostTable, summaryLines } from "./lib/report";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { abortOnInterrupt } from "./lib/interrupt";
import { intEnv } from "./lib/env";

const HOST_IDS = ["local", "edge", "secure"] as const;
const TOTAL = 500;

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function run(
  targets: EngineTarget[],
  signal: AbortSignal,
  setChild: (c: WharfChild) => void,
): Promise<void> {
  const n = intEnv("BENCH_N", 200, 1);
  const warmup = intEnv("BENCH_WARMUP", 20, 0);
  say(`bench list: ${n} timed pairs per host after ${warmup} warm-up pairs`);

  let t = performance.now();
  const fx = await ensureBenchContainers(targets, TOTAL, signal);
  const per = targets.map((e) => `${e.id} ${fx.perEngine[e.id] ?? 0}`).join(", ");
  say(
    `fixtures: bench containers ${per}; reused ${fx.existing}, created ${fx.created}, started ${fx.started} (${secs(t)})`,
  );

  t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
  if (cpuProfDir) fs.mkdirSync(cpuProfDir, { recursive: true });
  const child = await startWharfChild({ password, hostsFile: HOSTS_FILE, cpuProfDir });
  setChild(child);
  signal.throwIfAborted();
  const wharf = await signIn(child.port, password);
  await assertHostsUp(wharf, HOST_IDS);
  say(`wharf: bench/serve.ts pid ${child.pid} on 127.0.0.1:${child.port}, signed in (${secs(t)})`);

  const results: HostSamples[] = [];
  try {
    for (const e of targets) {
      t = performance.now();
      results.push(await measureHost(e, wharf, n, warmup, signal));
      say(`measured ${e.id} via ${e.address} (${secs(t)})`);
    }
  } finally {
    wharf.agent.destroy();
  }
  say("");
  say(hostTable(results, targets));
  say("");
  for (const line of summaryLines(results)) say(line);
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  const specs = parseHostsSetting(HOSTS_FILE);
  const targets = HOST_IDS.map((id) => {
    const spec = specs.find((s) => s.id === id);
    if (!spec) throw new Error(`${HOSTS_FILE} has no host "${id}"`);
    return engineTarget(spec);
  });

  let child: WharfChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());

  let code = 0;
  try {
    await run(targets, signal, (c) => (child = c));
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    if (signal.aborted) process.stderr.write("bench: interrupted\n");
    else
      process.stderr.write(
        `bench: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
  } finally {
    await child?.stop();
    if (process.env.BENCH_KEEP === "1") {
      say(`cleanup: skipped (BENCH_KEEP=1); containers labelled wharf.bench=1 stay for the next run`);
    } else {
      const t = performance.now();
      try {
        say(`cleanup: removed ${await removeBenchContainers(targets)} bench containers (${secs(t)})`);
      } catch (err) {
        code ||= 1;
        process.stderr.write(`bench: cleanup failed: ${String(err)}\n`);
      }
    }
    closeTargets(targets);
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
