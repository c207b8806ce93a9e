/**
 * `npm run bench` (phase `compose`): deploying a compose stack through Wharf versus Debian's
 * docker-compose 1.29 on the `local` test engine, with a ten-service project (six independent
 * services and a chain of four depends_on, all local/idle:1 on an internal default network).
 *
 * 1. Deploy from nothing: Wharf's deploy (request to the job's end, seen as its final `job:update`)
 *    ÷ `docker-compose up -d` of the same file (spawn to exit), in rounds that alternate which goes
 *    first. Each is brought down completely before the other starts (`docker-compose down`; Wharf's
 *    down job, then the stack deleted).
 * 2. Redeploy with no change: Wharf's deploy of the unchanged revision while the stack is up, median
 *    and p95, and proof from `docker inspect` that no container was touched (same ids, same
 *    StartedAt before and after).
 *
 * Env: BENCH_COMPOSE_ROUNDS (timed rounds of 1, 5), BENCH_COMPOSE_REDEPLOYS (timed redeploys, 20),
 * BENCH_COMPOSE_WARMUP (untimed rounds before each, 1). Exits 1 when a deploy fails or a container
 * was touched, not when a time misses its target.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting } from "../server/engines/host-spec";
import {
  COMPOSE_BENCH_LABEL,
  COMPOSE_FILE_NAME,
  SERVICE_COUNT,
  composeCli,
  composeFile,
  composeVersion,
  expectGone,
  expectRunning,
  projectContainers,
  removeLeftovers,
} from "./lib/compose-fixture";
import {
  deployLines,
  deployTable,
  redeployLines,
  type DeployRound,
  type RedeployResult,
} from "./lib/compose-report";
import { abortOnInterruptOnce } from "./lib/compose-interrupt";
import { WharfStacks, type TimedDeploy } from "./lib/compose-wharf";
import { HOSTS_FILE } from "./lib/paths";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const HOST_ID = "local";

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

interface Bench {
  socket: string;
  dir: string;
  compose: string;
  /** Wharf's stack and docker-compose's project: two names, so neither ever sees the other's. */
  wharfName: string;
  cliName: string;
  stacks: WharfStacks;
  signal: AbortSignal;
}

/** Wharf from nothing: the stack stored (untimed), deployed (timed), checked, down and deleted. */
async function wharfRound(b: Bench): Promise<TimedDeploy> {
  await b.stacks.create(b.wharfName, b.compose);
  const d = await b.stacks.deploy(b.wharfName);
  await expectRunning(b.socket, b.wharfName, SERVICE_COUNT);
  await b.stacks.downAndDelete(b.wharfName);
  await expectGone(b.socket, b.wharfName);
  return d;
}

/** docker-compose from nothing: `up -d` (timed), checked, `down`. */
async function composeRound(b: Bench): Promise<number> {
  const up = await composeCli(b.socket, b.dir, b.cliName, ["up", "-d"], b.signal);
  await expectRunning(b.socket, b.cliName, SERVICE_COUNT);
  await composeCli(b.socket, b.dir, b.cliName, ["down"], b.signal);
  await expectGone(b.socket, b.cliName);
  return up.ms;
}

async function deployPhase(b: Bench, rounds: number, warmup: number): Promise<DeployRound[]> {
  say(`deploy from nothing: ${rounds} timed rounds after ${warmup} warm-up, alternating which goes first`);
  const out: DeployRound[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const t = performance.now();
    const first = i % 2 === 0 ? "wharf" : "compose";
    let w: TimedDeploy;
    let c: number;
    if (first === "wharf") {
      w = await wharfRound(b);
      c = await composeRound(b);
    } else {
      c = await composeRound(b);
      w = await wharfRound(b);
    }
    const label = i < warmup ? `warm-up ${i + 1}` : `round ${i - warmup + 1}`;
    say(
      `  ${label} (${first} first): wharf ${w.ms.toFixed(0)} ms, docker-compose ${c.toFixed(0)} ms (${secs(t)}; load ${load()})`,
    );
    if (i < warmup) continue;
    out.push({
      round: i - warmup + 1,
      first,
      wharfMs: w.ms,
      wharfAcceptedMs: w.acceptedMs,
      wharfJobMs: w.jobMs,
      composeMs: c,
    });
  }
  return out;
}

async function redeployPhase(b: Bench, redeploys: number, warmup: number): Promise<RedeployResult> {
  say(
    `redeploy with no change: ${redeploys} timed deploys of the unchanged revision after ${warmup} warm-up`,
  );
  const t = performance.now();
  await b.stacks.create(b.wharfName, b.compose);
  await b.stacks.deploy(b.wharfName);
  await expectRunning(b.socket, b.wharfName, SERVICE_COUNT);
  const before = await projectContainers(b.socket, b.wharfName);
  const r: RedeployResult = {
    samples: [],
    acceptedMs: [],
    jobMs: [],
    planChanges: [],
    serviceChanges: [],
    before,
    after: [],
  };
  const note = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item);
  };
  for (let i = 0; i < warmup + redeploys; i++) {
    const d = await b.stacks.deploy(b.wharfName);
    for (const st of d.plan.steps)
      if (st.action !== "keep") note(r.planChanges, `${st.container} ${st.action}`);
    for (const s of d.job.services ?? [])
      if (s.state !== "done" || s.detail !== "up to date")
        note(r.serviceChanges, `${s.service} (${s.detail})`);
    if (i < warmup) continue;
    r.samples.push(d.ms);
    r.acceptedMs.push(d.acceptedMs);
    r.jobMs.push(d.jobMs);
  }
  r.after = await projectContainers(b.socket, b.wharfName);
  await b.stacks.downAndDelete(b.wharfName);
  await expectGone(b.socket, b.wharfName);
  say(`  done (${secs(t)}; load ${load()})`);
  return r;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  const spec = parseHostsSetting(HOSTS_FILE).find((s) => s.id === HOST_ID);
  const socket = spec?.connection.socketPath;
  if (!socket) throw new Error(`${HOSTS_FILE} has no host "${HOST_ID}" on a unix socket`);
  const rounds = intEnv("BENCH_COMPOSE_ROUNDS", 5, 1);
  const redeploys = intEnv("BENCH_COMPOSE_REDEPLOYS", 20, 1);
  const warmup = intEnv("BENCH_COMPOSE_WARMUP", 1, 0);
  let version: string;
  try {
    version = await composeVersion();
  } catch {
    throw new Error(`docker-compose is missing: install it with "bash scripts/install-compose.sh"`);
  }

  const runId = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  const wharfName = `bench-compose-${runId}-w`;
  const cliName = `bench-compose-${runId}-c`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-compose-"));
  const compose = composeFile(runId);
  fs.writeFileSync(path.join(dir, COMPOSE_FILE_NAME), compose);
  say(
    `bench compose: ${SERVICE_COUNT} services (6 independent, a chain of 4) on ${HOST_ID} (unix:${socket}); docker-compose ${version}; ${os.cpus().length} CPUs, load ${load()}`,
  );
  say(`projects: ${wharfName} (Wharf), ${cliName} (docker-compose), label ${COMPOSE_BENCH_LABEL}=${runId}`);

  let child: WharfChild | undefined;
  let stacks: WharfStacks | undefined;
  const signal = abortOnInterruptOnce(() => {
    stacks?.close();
    void child?.stop();
  });

  let code = 0;
  try {
    const t = performance.now();
    const password = crypto.randomBytes(18).toString("base64url");
    child = await startWharfChild({ password, hostsFile: HOSTS_FILE });
    signal.throwIfAborted();
    const wharf = await signIn(child.port, password);
    await assertHostsUp(wharf, [HOST_ID]);
    stacks = new WharfStacks(wharf, HOST_ID, signal);
    await stacks.connect(child.port, String((wharf.base.headers as Record<string, string>).cookie));
    say(`wharf: bench/serve.ts pid ${child.pid} on 127.0.0.1:${child.port}, signed in (${secs(t)})`);

    const b: Bench = { socket, dir, compose, wharfName, cliName, stacks, signal };
    const deploys = await deployPhase(b, rounds, warmup);
    const redeploy = await redeployPhase(b, redeploys, warmup);
    wharf.agent.destroy();

    say("");
    say(deployTable(deploys));
    say("");
    for (const line of deployLines(deploys, SERVICE_COUNT)) say(line);
    const r = redeployLines(redeploy);
    for (const line of r.lines) say(line);
    say(`          times are ms of wall clock on the bench's side; load average at the end ${load()}`);
    if (stacks.deleteConflicts)
      say(`note: deleting a stack right after its down job answered 409 ${stacks.deleteConflicts} times`);
    if (!r.untouched) code = 1;
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    if (signal.aborted) process.stderr.write("bench compose: interrupted\n");
    else
      process.stderr.write(
        `bench compose: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
  } finally {
    stacks?.close();
    await child?.stop();
    const t = performance.now();
    try {
      const removed = await removeLeftovers(socket, [wharfName, cliName], runId);
      say(`cleanup: removed ${removed} leftover containers and networks (${secs(t)})`);
    } catch (err) {
      code ||= 1;
      process.stderr.write(`bench compose: cleanup failed: ${String(err)}\n`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench compose: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
