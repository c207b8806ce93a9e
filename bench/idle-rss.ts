/**
 * `npm run bench`: idle memory of everything `npm start` runs, with the three test engines as hosts,
 * against the way it used to start (`tsx server/index.ts`, a wrapper process plus the server).
 *
 * Each run gets a fresh data dir and an ephemeral port, waits until /api/v1/health answers and every
 * host is up, stays idle, and sums VmRSS over the whole process tree. Runs alternate between the
 * two commands. Builds what is missing first (`npm run build`, or only `build:server` when the
 * server bundle is older than its sources).
 *
 * Env: BENCH_RSS_ROUNDS (runs of each command, 3), BENCH_RSS_IDLE_MS (idle time before a reading, 5000).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { abortOnInterrupt } from "./lib/interrupt";
import { sampleIdle, type IdleSample } from "./lib/idle-sample";
import { HOSTS_FILE, ROOT } from "./lib/paths";
import { mib, sumKiB } from "./lib/proc-rss";
import type { ScriptChild } from "./lib/start-script";
import { median, ratio, table } from "./lib/stats";
import { intEnv } from "./lib/env";

const TARGET_MIB = 160;
/** `npm start` before the server was compiled: tsx runs the TypeScript sources. */
const BASELINE = "NODE_ENV=production tsx server/index.ts";
const SERVER_BUNDLE = path.join(ROOT, "dist", "server", "index.js");

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
      newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

function npmRun(script: string): void {
  say(`build: npm run ${script}`);
  const r = spawnSync("npm", ["run", "-s", script], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run ${script} failed (exit ${r.status ?? r.signal})`);
}

function ensureBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return npmRun("build");
  const sources = Math.max(newestSourceMs(path.join(ROOT, "server")), newestSourceMs(path.join(ROOT, "lib")));
  if (!fs.existsSync(SERVER_BUNDLE) || fs.statSync(SERVER_BUNDLE).mtimeMs < sources) npmRun("build:server");
}

interface Variant {
  label: string;
  command: string;
  samples: IdleSample[];
}

const idleMiB = (v: Variant) => median(v.samples.map((s) => sumKiB(s.idle))) / 1024;
const pagesMiB = (v: Variant) => median(v.samples.map((s) => sumKiB(s.afterPages))) / 1024;

function report(base: Variant, now: Variant): void {
  const header = ["start command", "processes", "idle MiB", "idle min–max", "after pages MiB", "ratio idle"];
  const rows = [base, now].map((v) => {
    const idle = v.samples.map((s) => sumKiB(s.idle));
    return [
      v.label,
      String(median(v.samples.map((s) => s.idle.length))),
      mib(idleMiB(v) * 1024),
      `${mib(Math.min(...idle))}–${mib(Math.max(...idle))}`,
      mib(pagesMiB(v) * 1024),
      ratio(idleMiB(v) / idleMiB(base)),
    ];
  });
  say("");
  say(table(header, rows));
  for (const v of [base, now]) {
    say("");
    say(`${v.label}: ${v.command}  (processes of the last run, idle)`);
    for (const p of v.samples.at(-1)?.idle ?? []) say(`  ${mib(p.rssKiB).padStart(7)} MiB  ${p.command}`);
  }
  say("");
  const met = idleMiB(now) <= TARGET_MIB ? "met" : "NOT met";
  say(
    `idle-rss: npm start ${mib(idleMiB(now) * 1024)} MiB idle vs ${mib(idleMiB(base) * 1024)} MiB before, ratio ${ratio(idleMiB(now) / idleMiB(base))} (target ≤ ${TARGET_MIB} MiB: ${met})`,
  );
  say(
    "          medians of the whole process tree's VmRSS; after pages = once /login and /containers were rendered",
  );
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE))
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  const rounds = intEnv("BENCH_RSS_ROUNDS", 3, 1);
  const idleMs = intEnv("BENCH_RSS_IDLE_MS", 5000, 0);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const start = pkg.scripts.start;
  if (!start) throw new Error("package.json has no start script");
  say(`bench idle-rss: ${rounds} run(s) of each start command, ${idleMs} ms idle before each reading`);
  ensureBuilt();

  const base: Variant = { label: "before (tsx)", command: BASELINE, samples: [] };
  const now: Variant = { label: "npm start", command: start, samples: [] };
  let child: ScriptChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());
  try {
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 === 0 ? [base, now] : [now, base]) {
        const t = performance.now();
        const s = await sampleIdle(v.command, idleMs, signal, (c) => (child = c));
        v.samples.push(s);
        say(
          `run ${r + 1} ${v.label}: idle ${mib(sumKiB(s.idle))} MiB, after pages ${mib(sumKiB(s.afterPages))} MiB (${secs(t)})`,
        );
      }
    }
  } catch (err) {
    if (signal.aborted) {
      process.stderr.write("bench: interrupted\n");
      return 130;
    }
    throw err;
  }
  report(base, now);
  say(`total: ${secs(t0)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `bench: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
