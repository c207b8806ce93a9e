/**
 * `npm run bench -- soak`: Wharf's server under a long, steady realtime load. 50 socket clients each
 * follow the live stats and logs of the same 100 containers, which print `tick N` every second,
 * while a churn set among them is stopped and started in turn every few seconds.
 *
 * It reports:
 * - the server's RSS at the start (every subscription made), after the warm-up and at the end, each
 *   after the start the median of a minute of readings taken every 5 s; the target is < 10% growth
 *   from the warm-up figure to the end one; and the trend of every reading after the warm-up;
 * - socket disconnects (target 0);
 * - undelivered samples: within every run of every container (from its start plus a 3 s grace to
 *   its stop or the end), each pause longer than 1.5 s between two samples a client received (or a
 *   run's edge) counts as round(pause / 1 s) − 1 lost samples; the running container-seconds ×
 *   clients are printed beside it as what was expected;
 * - undelivered lines: the numbers of `tick N` a client skipped within a run (a later run owes its
 *   lines from 1), plus the lines the engine had written at the end that a client still lacked 2 s
 *   later; the server's own `skipped` count (lines dropped for slow clients) is printed too.
 *
 * By default it starts three engines of its own (scripts/fleet-engines.sh: unix socket, TCP, TLS),
 * so the shared test engines restarting under other tests cannot disturb a long run;
 * BENCH_SOAK_HOSTS=4 adds an SSH host, and BENCH_SOAK_ENGINES=test uses the three test engines
 * instead. Needs `npm run build` first (it runs `npm start`).
 *
 * Env: BENCH_SOAK_MIN (30), BENCH_SOAK_WARM_MIN (5; a run shorter than twice that warms up for a
 * third of its length), BENCH_SOAK_CLIENTS (50), BENCH_SOAK_CONTAINERS (100), BENCH_SOAK_CHURN (20
 * containers in the churn set), BENCH_SOAK_CHURN_MS (3000), BENCH_SOAK_HOSTS (3), BENCH_SOAK_ENGINES.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting } from "../server/engines/host-spec";
import { ensureBuiltServer, startBuiltServer, waitHostsUp } from "./lib/built-server";
import { closeTargets, engineTarget, type EngineTarget } from "./lib/engines";
import { startFleet, type Fleet } from "./lib/fleet";
import { abortOnInterrupt } from "./lib/interrupt";
import { HOSTS_FILE, ROOT } from "./lib/paths";
import { cpuMs } from "./lib/proc-cpu";
import { sumKiB, treeRss } from "./lib/proc-rss";
import { rssFigures } from "./lib/soak-rss";
import { GRACE_MS, SoakClients, type SoakTotals } from "./lib/soak-clients";
import {
  churnLoop,
  createSoakContainers,
  lastTick,
  removeSoakContainers,
  type SoakContainer,
} from "./lib/soak-churn";
import { soakReport } from "./lib/soak-report";
import type { ScriptChild } from "./lib/start-script";
import { signIn } from "./lib/wharf-client";

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** How often the soak reads the server's RSS. */
const RSS_EVERY_MS = 5000;

function numEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name}: expected a number ≥ ${min}, got "${raw}"`);
  return n;
}

const knobs = () => {
  const minutes = numEnv("BENCH_SOAK_MIN", 30, 0.5);
  const warm = numEnv("BENCH_SOAK_WARM_MIN", 5, 0);
  return {
    minutes,
    warmMin: minutes >= 2 * warm ? warm : minutes / 3,
    clients: Math.round(numEnv("BENCH_SOAK_CLIENTS", 50, 1)),
    containers: Math.round(numEnv("BENCH_SOAK_CONTAINERS", 100, 2)),
    churn: Math.round(numEnv("BENCH_SOAK_CHURN", 20, 0)),
    churnMs: numEnv("BENCH_SOAK_CHURN_MS", 3000, 200),
    hosts: Math.round(numEnv("BENCH_SOAK_HOSTS", 3, 1)),
    testEngines: process.env.BENCH_SOAK_ENGINES === "test",
  };
};

interface Held {
  fleet?: Fleet;
  server?: ScriptChild;
  clients?: SoakClients;
  engines: EngineTarget[];
  containers: SoakContainer[];
  dataDir?: string;
}

async function run(k: ReturnType<typeof knobs>, signal: AbortSignal, held: Held): Promise<void> {
  say(
    `bench soak: ${k.minutes} min, ${k.clients} clients following stats and logs of ${k.containers} containers, ` +
      `${k.churn} of them stopped or started in turn every ${k.churnMs} ms`,
  );
  let t = performance.now();
  let hostsFile = HOSTS_FILE;
  let hosts: { id: string; admin: EngineTarget }[];
  if (k.testEngines) {
    if (!fs.existsSync(HOSTS_FILE))
      throw new Error(
        `${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`,
      );
    hosts = parseHostsSetting(HOSTS_FILE).map((spec) => ({ id: spec.id, admin: engineTarget(spec) }));
    held.engines = hosts.map((h) => h.admin);
    say(`removed ${await removeSoakContainers(held.engines)} containers left by an earlier run`);
  } else {
    const fleet = (held.fleet = await startFleet(k.hosts, signal));
    hostsFile = fleet.hostsFile;
    hosts = fleet.engines;
  }
  held.containers = await createSoakContainers(hosts, k.containers, k.churn);
  say(
    `engines: ${hosts.map((h) => h.id).join(", ")}; ${k.containers} ticker containers running (${secs(t)})`,
  );

  t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  held.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-soak-"));
  const server = (held.server = await startBuiltServer({ hostsFile, password, dataDir: held.dataDir }));
  const wharf = await signIn(server.port, password);
  const cookie = (wharf.base.headers as Record<string, string>).cookie as string;
  await waitHostsUp(
    wharf,
    hosts.map((h) => h.id),
    60_000,
    signal,
  );
  wharf.agent.destroy();
  const clients = (held.clients = new SoakClients(
    `http://127.0.0.1:${server.port}`,
    cookie,
    held.containers,
  ));
  await clients.connect(k.clients);
  await clients.subscribe();
  say(`wharf: npm start, pid ${server.pid}; ${k.clients} clients subscribed to everything (${secs(t)})`);

  const rss = () => sumKiB(treeRss(server.pid, ROOT)) * 1024;
  await sleep(3000);
  const t0 = Date.now();
  const cpu0 = cpuMs(server.pid) ?? 0;
  clients.startCounting(t0);
  const rssStart = rss();
  const endAt = t0 + k.minutes * 60_000;
  const warmAt = t0 + k.warmMin * 60_000;
  // A reading every 5 s: the figures are medians of a minute of them, and their trend (see soak-rss.ts).
  const rssReadings: [number, number][] = [[t0, rssStart]];
  const sampler = setInterval(() => rssReadings.push([Date.now(), rss()]), RSS_EVERY_MS);
  const churn = churnLoop(
    held.containers.filter((c) => c.churn),
    clients,
    k.churnMs,
    () => signal.aborted || Date.now() >= endAt,
  );
  const readings: string[][] = [];
  for (let minute = 1; Date.now() < endAt; minute++) {
    await sleep(Math.min(minute * 60_000 + t0, endAt) - Date.now());
    signal.throwIfAborted();
    const tot = clients.totals;
    const line = [
      `${((Date.now() - t0) / 60_000).toFixed(1)} min`,
      mb(rss()),
      String(tot.samples),
      String(tot.samplesLost),
      String(tot.lines),
      String(tot.linesLost),
      String(tot.disconnects),
    ];
    readings.push(line);
    say(
      `  ${line[0]}: RSS ${line[1]}, samples ${line[2]} (lost ${line[3]}), lines ${line[4]} (lost ${line[5]})`,
    );
  }
  const churned = await churn;
  clearInterval(sampler);
  rssReadings.push([Date.now(), rss()]);
  const cpu = ((cpuMs(server.pid) ?? 0) - cpu0) / (Date.now() - t0);

  // The end: what the engine had written by now must have reached every client 2 s later.
  const running = held.containers.filter((c) => c.running && Date.now() - c.startedAt > GRACE_MS + 2000);
  const written = await Promise.all(running.map((c) => lastTick(c)));
  await sleep(2000);
  let tailLost = 0;
  running.forEach((c, i) => {
    const w = written[i];
    if (w !== undefined) for (const got of clients.ticksOf(c)) tailLost += Math.max(0, w - (got ?? 0));
  });
  const totals: SoakTotals = clients.finish(Date.now());
  totals.linesLost += tailLost;
  soakReport(say, k, {
    rssStart,
    rss: rssFigures(rssReadings, warmAt, endAt),
    cpu,
    totals,
    churned,
    readings,
    tailLost,
  });
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const k = knobs();
  ensureBuiltServer(say);
  const held: Held = { engines: [], containers: [] };
  const signal = abortOnInterrupt(() => {
    held.clients?.close();
    void held.server?.stop();
  });
  let code = 0;
  try {
    await run(k, signal, held);
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    if (signal.aborted) process.stderr.write("bench soak: interrupted\n");
    else
      process.stderr.write(
        `bench soak: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
  } finally {
    held.clients?.close();
    await held.server?.stop();
    try {
      if (held.fleet) await held.fleet.stop();
      else if (held.engines.length)
        say(`cleanup: removed ${await removeSoakContainers(held.engines)} containers`);
    } catch (err) {
      code ||= 1;
      process.stderr.write(`bench soak: cleanup failed: ${String(err)}\n`);
    }
    closeTargets(held.engines);
    if (held.dataDir) fs.rmSync(held.dataDir, { recursive: true, force: true });
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench soak: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
