/**
 * `npm run bench` (after bench/list.ts): every line of a 1,000,000-line (~100 MB) log delivered to a
 * socket.io client through Wharf, against `docker logs` to /dev/null on the same engine.
 *
 *   npx tsx bench/logs.ts             the throughput comparison
 *   npx tsx bench/logs.ts --browser   a browser follows a container writing 5,000 lines/s for 60 s and
 *                                     the tab's JS heap is sampled (needs `npm run build` first)
 *
 * Env: BENCH_LOGS_LINES (1000000), BENCH_LOGS_RUNS (3 timed pairs), BENCH_KEEP=1 (keep the log
 * fixture, whose writing takes longer than the bench), BENCH_BROWSER_SECONDS (60), BENCH_CPU_PROF=<dir>
 * (V8 CPU profile of the Wharf process).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting } from "../server/engines/host-spec";
import { closeTargets, engineTarget } from "./lib/engines";
import { runBrowserBench } from "./lib/logs-browser";
import { ensureLogFixture, removeLogFixtures } from "./lib/logs-fixture";
import { connect, dockerLogsRun, wharfLogsRun, type LogRun } from "./lib/logs-measure";
import { HOSTS_FILE } from "./lib/paths";
import { median, ms, ratio, table } from "./lib/stats";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const TARGET_RATIO = 1.5;
const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function throughput(setChild: (c: WharfChild) => void): Promise<void> {
  const lines = intEnv("BENCH_LOGS_LINES", 1_000_000, 1);
  const runs = intEnv("BENCH_LOGS_RUNS", 3, 1);
  const spec = parseHostsSetting(HOSTS_FILE).find((s) => s.id === "local");
  if (!spec?.connection.socketPath) throw new Error(`${HOSTS_FILE} has no unix-socket host "local"`);
  const engine = engineTarget(spec);
  try {
    let t = performance.now();
    const fx = await ensureLogFixture(engine, lines);
    say(
      `fixture: ${fx.name} with ${lines.toLocaleString("en")} lines, ${fx.reused ? "reused" : "written"} (${secs(t)})`,
    );
    t = performance.now();
    const password = crypto.randomBytes(18).toString("base64url");
    const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
    if (cpuProfDir) fs.mkdirSync(cpuProfDir, { recursive: true });
    const child = await startWharfChild({ password, hostsFile: HOSTS_FILE, cpuProfDir });
    setChild(child);
    const wharf = await signIn(child.port, password);
    const cookie = (wharf.base.headers as Record<string, string>).cookie as string;
    const socket = await connect(child.port, cookie);
    say(`wharf: bench/serve.ts pid ${child.pid} on 127.0.0.1:${child.port} (${secs(t)})`);

    const pairs: { docker: LogRun; wharf: LogRun }[] = [];
    // One untimed pair warms the engine's page cache and Wharf's JIT; then pairs alternate their order.
    for (let i = 0; i <= runs; i++) {
      const d = () => dockerLogsRun(spec.connection.socketPath as string, fx.id);
      const w = () => wharfLogsRun(socket, "local", fx.id, lines, i + 1, child.pid);
      const pair =
        i % 2 === 0 ? { docker: await d(), wharf: await w() } : { wharf: await w(), docker: await d() };
      if (i > 0) pairs.push(pair);
      say(
        `${i === 0 ? "warm-up" : `run ${i}`}: docker logs ${ms(pair.docker.ms)} ms, wharf ${ms(pair.wharf.ms)} ms`,
      );
    }
    socket.close();
    wharf.agent.destroy();

    const rows = pairs.map((p, i) => [
      String(i + 1),
      ms(p.docker.ms),
      ms(p.wharf.ms),
      ratio(p.wharf.ms / p.docker.ms),
      p.wharf.lines.toLocaleString("en"),
      String(p.wharf.skipped),
      `${(p.wharf.bytes / 1e6 / (p.wharf.ms / 1000)).toFixed(1)} MB/s`,
      ms(p.wharf.serverCpuMs ?? NaN),
      ms(p.wharf.clientCpuMs ?? NaN),
    ]);
    say("");
    say(
      table(
        [
          "run",
          "docker ms",
          "wharf ms",
          "ratio",
          "lines",
          "skipped",
          "wharf rate",
          "server cpu ms",
          "client cpu ms",
        ],
        rows,
      ),
    );
    const d = median(pairs.map((p) => p.docker.ms));
    const w = median(pairs.map((p) => p.wharf.ms));
    say("");
    say(`logs: median ratio ${(w / d).toFixed(2)}× (target ≤ ${TARGET_RATIO.toFixed(2)}×)`);
    say(`      medians: docker logs > /dev/null ${ms(d)} ms, wharf to a socket.io client ${ms(w)} ms`);
    say(
      "      wharf time runs from the subscription to the notice after the last line, every line checked in order",
    );
  } finally {
    if (process.env.BENCH_KEEP === "1")
      say("cleanup: skipped (BENCH_KEEP=1); the log fixture stays for the next run");
    else say(`cleanup: removed ${await removeLogFixtures(engine)} log fixture(s)`);
    closeTargets([engine]);
  }
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  let child: WharfChild | undefined;
  const stop = async () => {
    await child?.stop();
    child = undefined;
  };
  process.on("SIGINT", () => void stop().finally(() => process.exit(130)));
  process.on("SIGTERM", () => void stop().finally(() => process.exit(143)));
  let code = 0;
  try {
    if (process.argv.includes("--browser"))
      await runBrowserBench(intEnv("BENCH_BROWSER_SECONDS", 60, 5), say);
    else await throughput((c) => (child = c));
  } catch (err) {
    code = 1;
    process.stderr.write(
      `bench logs: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  } finally {
    await stop();
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench logs: FAILED: ${String(err)}\n`);
    process.exit(1);
  },
);
