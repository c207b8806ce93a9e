/**
 * `npm run bench -- scale`: Wharf in front of a fleet of private engines (20 × 250 containers by
 * default, all four transports), measured in one run against baselines from the same run:
 *
 * - P1′: each host's list through Wharf ÷ the engine's own `GET /containers/json?all=1` on the
 *   transport Wharf uses (SSH over one kept-open connection), pooled p50s of interleaved rounds;
 * - the merged list of every host through Wharf, against fetching every engine's list at once;
 * - in Chromium on the production build: /containers to its first row, a filter typed to the
 *   updated rows, `tr` elements in the table and the tab's JS heap, against one host's page;
 * - the server's RSS once loaded, the median of 7 readings 2 s apart (baseline: right after boot),
 *   and its idle CPU (baseline: the engines' own CPU over the same window);
 * - faults: with tabs and socket clients watching, one engine is SIGKILLed and later started again.
 *
 * Hosts that Wharf reports down though nobody killed them, and list calls left out of the figures
 * because they failed, are listed at the end: a figure is only as good as the run behind it.
 *
 * Needs root (it runs dockerd) and `npm run build` done first; the server bundle is re-made when
 * stale. The engines live in a temp dir and are stopped by pid afterwards, also on Ctrl-C.
 *
 * Env: BENCH_SCALE_HOSTS (20), BENCH_SCALE_PER_HOST (250), BENCH_SCALE_CONCURRENCY (16 engine calls
 * in flight while creating), BENCH_SCALE_ROUNDS · BENCH_SCALE_WARMUP (30 · 5 rounds over every host
 * for P1′), BENCH_SCALE_MERGED_RUNS (30), BENCH_SCALE_PAGE_RUNS (3 fresh visits per page),
 * BENCH_SCALE_IDLE_S (60), BENCH_SCALE_FAULTS (1; 0 skips the fault phase), BENCH_SCALE_KILL (f03,
 * the engine to kill), BENCH_SCALE_DOWN_S (6 s dead once reported down), BENCH_SCALE_TABS (10),
 * BENCH_SCALE_SOCKETS (20), WHARF_CHROMIUM (/usr/bin/chromium).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { ensureBuiltServer, startBuiltServer, waitHostsUp } from "./lib/built-server";
import { startFleet, type Fleet } from "./lib/fleet";
import { createFleetContainers } from "./lib/fleet-fixtures";
import { abortOnInterrupt } from "./lib/interrupt";
import { ROOT } from "./lib/paths";
import { cpuBetween, treeCpu } from "./lib/proc-cpu";
import { sumKiB, treeRss } from "./lib/proc-rss";
import { HostWatch } from "./lib/host-watch";
import { hostTable } from "./lib/report";
import { launchChromium } from "./lib/chromium";
import { runFaults, type FaultFigures } from "./lib/scale-faults";
import { faultLines, healthLines, scaleFigures } from "./lib/scale-figures";
import { measureMerged, measurePerHost, waitMerged } from "./lib/scale-lists";
import { measurePage, type PageFigures } from "./lib/scale-pages";
import { figureTable } from "./lib/scale-report";
import type { ScriptChild } from "./lib/start-script";
import { signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const knobs = () => ({
  hosts: intEnv("BENCH_SCALE_HOSTS", 20, 2),
  perHost: intEnv("BENCH_SCALE_PER_HOST", 250, 10),
  concurrency: intEnv("BENCH_SCALE_CONCURRENCY", 16, 1),
  rounds: intEnv("BENCH_SCALE_ROUNDS", 30, 1),
  warmup: intEnv("BENCH_SCALE_WARMUP", 5, 0),
  mergedRuns: intEnv("BENCH_SCALE_MERGED_RUNS", 30, 1),
  pageRuns: intEnv("BENCH_SCALE_PAGE_RUNS", 3, 1),
  idleS: intEnv("BENCH_SCALE_IDLE_S", 60, 1),
  faults: intEnv("BENCH_SCALE_FAULTS", 1, 0) > 0,
  victim: process.env.BENCH_SCALE_KILL || "f03",
  downS: intEnv("BENCH_SCALE_DOWN_S", 6, 0),
  tabs: intEnv("BENCH_SCALE_TABS", 10, 1),
  sockets: intEnv("BENCH_SCALE_SOCKETS", 20, 1),
});

const rssOf = (pid: number) => sumKiB(treeRss(pid, ROOT)) * 1024;

async function medianRss(pid: number, n: number, everyMs: number): Promise<number> {
  const reads: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) await sleep(everyMs);
    reads.push(rssOf(pid));
  }
  return reads.sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0;
}

async function run(k: ReturnType<typeof knobs>, signal: AbortSignal, held: Held): Promise<void> {
  const total = k.hosts * k.perHost;
  say(
    `bench scale: ${k.hosts} engines × ${k.perHost} containers (${total}), every tenth running, --network none`,
  );
  let t = performance.now();
  const fleet = (held.fleet = await startFleet(k.hosts, signal));
  const kinds = fleet.engines.reduce<Record<string, number>>(
    (m, e) => ({ ...m, [e.kind]: (m[e.kind] ?? 0) + 1 }),
    {},
  );
  say(
    `fleet: ${Object.entries(kinds)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ")} in ${fleet.dir} (${secs(t)})`,
  );
  t = performance.now();
  const fx = await createFleetContainers(fleet.engines, k.perHost, k.concurrency, say, signal);
  say(`fixtures: created ${fx.created}, started ${fx.started} (${secs(t)})`);

  t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  held.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-scale-"));
  const server = (held.server = await startBuiltServer({
    hostsFile: fleet.hostsFile,
    password,
    dataDir: held.dataDir,
  }));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid))), 1000);
  held.stopSampler = () => clearInterval(sampler);
  const wharf = await signIn(server.port, password);
  const cookie = (wharf.base.headers as Record<string, string>).cookie as string;
  const base = `http://127.0.0.1:${server.port}`;
  await waitHostsUp(
    wharf,
    fleet.engines.map((e) => e.id),
    120_000,
    signal,
  );
  const watch = (held.watch = new HostWatch());
  await watch.connect(base, cookie);

  const mergedReady = await waitMerged(wharf, total, signal);
  say(`wharf: npm start, pid ${server.pid} on ${base}; every host up and listed (${secs(t)})`);
  await sleep(3000);
  const rssBoot = rssOf(server.pid);

  t = performance.now();
  const listFailures: string[] = [];
  const perHost = await measurePerHost(fleet.engines, wharf, k.rounds, k.warmup, listFailures, signal);
  const merged = await measureMerged(fleet.engines, wharf, k.mergedRuns, 3, listFailures, signal);
  say(`lists: ${k.rounds} rounds over ${k.hosts} hosts, ${k.mergedRuns} merged lists (${secs(t)})`);

  t = performance.now();
  const browser: Browser = (held.browser = await launchChromium());
  const terms = [7, 42, 123, 199, 249].map((n) => `-${String(n % k.perHost).padStart(4, "0")}`);
  const one = await measurePage(
    browser,
    base,
    cookie,
    `/hosts/${fleet.engines[0]?.id}`,
    terms,
    k.pageRuns,
    say,
  );
  const all: PageFigures = await measurePage(browser, base, cookie, "/containers", terms, k.pageRuns, say);
  say(`browser: ${k.pageRuns} visits of each page (${secs(t)})`);
  await sleep(5000);
  // A single reading moves by tens of MB with the garbage collector's timing: take the median of 7.
  const rssLoaded = await medianRss(server.pid, 7, 2000);

  say(`idle: ${k.idleS} s with no client`);
  const enginePids = fleet.engines.map((e) => fleet.pid(e.id)).filter((p): p is number => p !== undefined);
  const [w0, e0] = [treeCpu([server.pid]), treeCpu(enginePids)];
  await sleep(k.idleS * 1000);
  const idle = {
    wharfMs: cpuBetween(w0, treeCpu([server.pid])),
    enginesMs: cpuBetween(e0, treeCpu(enginePids)),
    seconds: k.idleS,
  };

  let faults: FaultFigures | undefined;
  const faultWindow = { hostId: k.victim, from: Infinity, to: Infinity };
  if (k.faults) {
    t = performance.now();
    faultWindow.from = t;
    say(`faults: killing ${k.victim}`);
    faults = await runFaults({
      fleet,
      wharf,
      base,
      cookie,
      browser,
      victim: k.victim,
      pages: k.tabs,
      sockets: k.sockets,
      downMs: k.downS * 1000,
      say,
    });
    say(`faults: done (${secs(t)})`);
    faultWindow.to = performance.now();
  }
  held.stopSampler();
  wharf.agent.destroy();

  say("");
  say(
    hostTable(
      perHost,
      fleet.engines.map((e) => e.wire),
    ),
  );
  say("");
  say(
    figureTable(
      scaleFigures({
        total,
        perHost,
        merged,
        one,
        all,
        rssBoot,
        rssLoaded,
        rssPeak: peak,
        idle,
        faults,
        mergedReady,
      }),
    ),
  );
  if (faults) {
    say("");
    for (const line of faultLines(faults)) say(line);
  }
  say("");
  for (const line of healthLines(watch.downs(0, Infinity, faultWindow), listFailures)) say(line);
}

interface Held {
  fleet?: Fleet;
  watch?: HostWatch;
  server?: ScriptChild;
  browser?: Browser;
  dataDir?: string;
  stopSampler: () => void;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const k = knobs();
  ensureBuiltServer(say);
  const held: Held = { stopSampler: () => undefined };
  const signal = abortOnInterrupt(() => {
    void held.browser?.close();
    void held.server?.stop();
  });
  let code = 0;
  try {
    await run(k, signal, held);
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    if (signal.aborted) process.stderr.write("bench scale: interrupted\n");
    else {
      process.stderr.write(
        `bench scale: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      if (held.fleet) process.stderr.write(`the fleet's last log lines:\n${held.fleet.logTails(3)}\n`);
    }
  } finally {
    held.watch?.close();
    held.stopSampler();
    await held.browser?.close().catch(() => undefined);
    await held.server?.stop();
    if (held.fleet) {
      const t = performance.now();
      try {
        await held.fleet.stop();
        say(`cleanup: the fleet's engines stopped and their directory removed (${secs(t)})`);
      } catch (err) {
        code ||= 1;
        process.stderr.write(`bench scale: stopping the fleet failed: ${String(err)}\n`);
      }
    }
    if (held.dataDir) fs.rmSync(held.dataDir, { recursive: true, force: true });
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench scale: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
