/**
 * `npm run bench` (after bench/exec.ts): the docker CLI through Wharf's Docker Engine API endpoint
 * (`-H tcp://…/api/v1/hosts/local/docker` with an API token) against the same CLI on the `local`
 * engine's raw unix socket, raw and Wharf rounds interleaved: `docker ps -a` over 50 stopped
 * containers, `docker exec <c> echo x` (and the same exec as its two HTTP calls, without the CLI's
 * start-up, and once more through a bare pass-through Node proxy to show what the hop alone costs), and
 * `docker logs` of a 1,000,000-line log to /dev/null.
 *
 * Env: BENCH_PROXY_N (timed CLI rounds per side for ps and exec, 30), BENCH_PROXY_HTTP_N (timed HTTP
 * exec rounds per side, 200), BENCH_PROXY_WARMUP (untimed CLI rounds per side, 3; the HTTP exec takes
 * ten times as many), BENCH_PROXY_LOGS_RUNS (timed `docker logs` per side, 5), BENCH_PROXY_LOGS_LINES
 * (1000000), BENCH_PROXY_CONTAINERS (stopped containers for `docker ps -a`, 50).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseHostsSetting, type HostSpec } from "../server/engines/host-spec";
import { closeTargets, engineTarget, type EngineTarget } from "./lib/engines";
import { expectStatus, httpRequest, type HttpTarget } from "./lib/http-get";
import { abortOnInterrupt } from "./lib/interrupt";
import { HOSTS_FILE } from "./lib/paths";
import { runPool } from "./lib/pool";
import { startBareProxy } from "./lib/bare-proxy";
import { cliSide, httpExecRound, runCli, type CliSide } from "./lib/proxy-cli";
import { median, ms, percentile, ratio, table } from "./lib/stats";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const HOST_ID = "local";
const LABEL = "wharf.bench.proxy";
const ENDPOINT = `/api/v1/hosts/${HOST_ID}/docker`;
const TARGET_RATIO = 1.3;
const TARGET_ADDED_MS = 1;

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const signed = (v: number) => `${v >= 0 ? "+" : ""}${ms(v)} ms`;

interface Samples {
  name: string;
  raw: number[];
  wharf: number[];
  /** wharf − raw of each interleaved pair. */
  pairDiffs: number[];
}

/**
 * `warmup` untimed and then `rounds` timed pairs; which side goes first alternates, so drift in the
 * engine or the machine hits both alike.
 */
async function interleave(
  name: string,
  rounds: number,
  warmup: number,
  raw: () => Promise<number>,
  wharf: () => Promise<number>,
  signal: AbortSignal,
): Promise<Samples> {
  const s: Samples = { name, raw: [], wharf: [], pairDiffs: [] };
  for (let i = 0; i < warmup + rounds; i++) {
    signal.throwIfAborted();
    let r: number;
    let w: number;
    if (i % 2 === 0) {
      r = await raw();
      w = await wharf();
    } else {
      w = await wharf();
      r = await raw();
    }
    if (i < warmup) continue;
    s.raw.push(r);
    s.wharf.push(w);
    s.pairDiffs.push(w - r);
  }
  return s;
}

async function engineJson<T>(e: EngineTarget, method: string, p: string, body?: unknown, ok = [200]) {
  const r = expectStatus(await httpRequest(e, method, p, { body, timeoutMs: 600_000 }), ok, `${method} ${p}`);
  return (r.body.length ? JSON.parse(r.body.toString("utf8")) : undefined) as T;
}

async function createContainer(e: EngineTarget, name: string, image: string, cmd?: string[]) {
  const c = await engineJson<{ Id: string }>(
    e,
    "POST",
    `/containers/create?name=${encodeURIComponent(name)}`,
    {
      Image: image,
      ...(cmd ? { Cmd: cmd } : {}),
      Labels: { [LABEL]: "1" },
      // Test-engine rule: no network at all.
      HostConfig: { NetworkMode: "none" },
      NetworkDisabled: true,
    },
    [201],
  );
  return c.Id;
}

async function removeLabelled(e: EngineTarget): Promise<number> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${LABEL}=1`] }));
  const list = await engineJson<{ Id: string }[]>(e, "GET", `/containers/json?all=1&filters=${filters}`);
  await runPool(list, 8, (c) =>
    engineJson(e, "DELETE", `/containers/${c.Id}?force=1`, undefined, [204, 404]),
  );
  return list.length;
}

interface Fixtures {
  stopped: number;
  execId: string;
  logsId: string;
}

/** Stopped idle containers for the list, a running one to exec in, and one that printed `lines` lines. */
async function makeFixtures(
  e: EngineTarget,
  count: number,
  lines: number,
  signal: AbortSignal,
): Promise<Fixtures> {
  const names = Array.from({ length: count }, (_, i) => `bench-proxy-${i}`);
  await runPool(names, 8, (n) => createContainer(e, n, "local/idle:1"), signal);
  const execId = await createContainer(e, "bench-proxy-exec", "local/idle:1");
  await engineJson(e, "POST", `/containers/${execId}/start`, undefined, [204]);
  const logsId = await createContainer(e, "bench-proxy-logs", "local/busybox:1.35", [
    "sh",
    "-c",
    `seq 1 ${lines}`,
  ]);
  await engineJson(e, "POST", `/containers/${logsId}/start`, undefined, [204]);
  const exit = await engineJson<{ StatusCode: number }>(e, "POST", `/containers/${logsId}/wait`);
  if (exit.StatusCode !== 0) throw new Error(`bench-proxy-logs exited with ${exit.StatusCode}`);
  return { stopped: count, execId, logsId };
}

/** Bytes `seq 1 n` prints. */
function seqBytes(n: number): number {
  let bytes = 0;
  for (let digits = 1, lo = 1; lo <= n; digits++, lo *= 10)
    bytes += (Math.min(n, lo * 10 - 1) - lo + 1) * (digits + 1);
  return bytes;
}

/** A token made on a signed-in admin session, and an HTTP client that sends it to the endpoint. */
async function apiToken(port: number, password: string): Promise<{ token: string; client: HttpTarget }> {
  const session = await signIn(port, password);
  try {
    await assertHostsUp(session, [HOST_ID]);
    const r = await httpRequest(session, "POST", "/api/v1/tokens", {
      body: { name: `bench-proxy-${process.pid}`, role: "admin" },
      headers: { "x-wharf-csrf": "1" },
    });
    const { token } = JSON.parse(expectStatus(r, [201], "POST /api/v1/tokens").body.toString("utf8")) as {
      token: string;
    };
    const client: HttpTarget = {
      transport: http,
      agent: new http.Agent({ keepAlive: true, maxSockets: 16 }),
      base: { host: "127.0.0.1", port, headers: { authorization: `Bearer ${token}` } },
    };
    return { token, client };
  } finally {
    session.agent.destroy();
  }
}

interface Counted {
  lines: number;
  bytes: number;
  lastLine?: string;
}

async function run(
  spec: HostSpec,
  engine: EngineTarget,
  tmp: string,
  signal: AbortSignal,
  setChild: (c: WharfChild) => void,
): Promise<void> {
  const n = intEnv("BENCH_PROXY_N", 30, 1);
  const httpN = intEnv("BENCH_PROXY_HTTP_N", 200, 1);
  const warmup = intEnv("BENCH_PROXY_WARMUP", 3, 0);
  const logRuns = intEnv("BENCH_PROXY_LOGS_RUNS", 5, 1);
  const lines = intEnv("BENCH_PROXY_LOGS_LINES", 1_000_000, 1);
  const count = intEnv("BENCH_PROXY_CONTAINERS", 50, 0);
  say(
    `bench proxy: docker CLI through Wharf vs the raw socket of ${HOST_ID}; ${n} CLI rounds and ${httpN} HTTP exec rounds per side after ${warmup} and ${warmup * 10} warm-up rounds, ${logRuns} docker logs of ${lines.toLocaleString("en")} lines`,
  );

  let t = performance.now();
  const stale = await removeLabelled(engine);
  const fx = await makeFixtures(engine, count, lines, signal);
  say(
    `fixtures: ${fx.stopped} stopped containers, one running to exec in, one that printed ${lines.toLocaleString("en")} lines${stale ? `; removed ${stale} left by an earlier run` : ""} (${secs(t)})`,
  );

  t = performance.now();
  const password = crypto.randomBytes(18).toString("base64url");
  const child = await startWharfChild({ password, hostsFile: HOSTS_FILE });
  setChild(child);
  signal.throwIfAborted();
  const { token, client: wharfHttp } = await apiToken(child.port, password);
  const raw: CliSide = cliSide("raw", `unix://${spec.connection.socketPath}`, tmp);
  const wharf: CliSide = cliSide("wharf", `tcp://127.0.0.1:${child.port}${ENDPOINT}`, tmp, {
    Authorization: `Bearer ${token}`,
  });
  say(`wharf: bench/serve.ts pid ${child.pid} on 127.0.0.1:${child.port}, API token made (${secs(t)})`);

  try {
    // 1. docker ps -a: the whole table printed, on both sides.
    t = performance.now();
    const psLines = { raw: 0, wharf: 0 };
    const ps = (side: CliSide) => async () => {
      const r = await runCli(side, ["ps", "-a"], "keep", signal);
      psLines[side.name] = r.lines;
      return r.ms;
    };
    const psSamples = await interleave("docker ps -a", n, warmup, ps(raw), ps(wharf), signal);
    say(`measured docker ps -a (${secs(t)})`);

    // 2a. docker exec, non-interactive, as a user runs it: CLI start-up included.
    t = performance.now();
    const exec = (side: CliSide) => async () => {
      const r = await runCli(side, ["exec", fx.execId, "echo", "x"], "keep", signal);
      if (r.out !== "x\n")
        throw new Error(`docker exec (${side.name}): expected "x\\n", got ${JSON.stringify(r.out)}`);
      return r.ms;
    };
    const cliExec = await interleave("docker exec <c> echo x", n, warmup, exec(raw), exec(wharf), signal);
    say(`measured docker exec (${secs(t)})`);

    // 2b. The same exec as its two HTTP calls on keep-alive agents: the proxy alone.
    t = performance.now();
    const httpExec = await interleave(
      "exec create + start over HTTP",
      httpN,
      warmup * 10,
      async () => (await httpExecRound(engine, "", fx.execId)).ms,
      async () => (await httpExecRound(wharfHttp, ENDPOINT, fx.execId)).ms,
      signal,
    );
    say(`measured exec over HTTP (${secs(t)})`);

    // 2c. The same again through a bare pass-through proxy process: the price of any extra hop here.
    t = performance.now();
    const bare = await startBareProxy(spec.connection.socketPath ?? "", ENDPOINT);
    const bareHttp: HttpTarget = {
      transport: http,
      agent: new http.Agent({ keepAlive: true, maxSockets: 16 }),
      base: { host: "127.0.0.1", port: bare.port },
    };
    let bareExec: Samples;
    try {
      bareExec = await interleave(
        "exec create + start, bare proxy",
        httpN,
        warmup * 10,
        async () => (await httpExecRound(engine, "", fx.execId)).ms,
        async () => (await httpExecRound(bareHttp, ENDPOINT, fx.execId)).ms,
        signal,
      );
    } finally {
      bareHttp.agent.destroy();
      bare.stop();
    }
    say(`measured exec over HTTP through a bare proxy (${secs(t)})`);

    // 3. docker logs to /dev/null; one untimed pair reads every line and counts it.
    t = performance.now();
    const counted: Record<CliSide["name"], Counted> = {
      raw: await runCli(raw, ["logs", fx.logsId], "count", signal),
      wharf: await runCli(wharf, ["logs", fx.logsId], "count", signal),
    };
    const wantBytes = seqBytes(lines);
    for (const side of [raw, wharf]) {
      const c = counted[side.name];
      if (c.lines !== lines || c.bytes !== wantBytes || c.lastLine !== String(lines))
        throw new Error(
          `docker logs (${side.name}): ${c.lines} lines, ${c.bytes} bytes, last "${c.lastLine ?? ""}"; expected ${lines} lines, ${wantBytes} bytes, last "${lines}"`,
        );
    }
    const logs = (side: CliSide) => async () =>
      (await runCli(side, ["logs", fx.logsId], "ignore", signal)).ms;
    const logSamples = await interleave(
      `docker logs (${lines.toLocaleString("en")} lines) > /dev/null`,
      logRuns,
      0,
      logs(raw),
      logs(wharf),
      signal,
    );
    say(`measured docker logs (${secs(t)})`);

    report([psSamples, cliExec, httpExec, logSamples], bareExec, {
      psLines,
      counted,
      lines,
      wantBytes,
      count,
    });
  } finally {
    wharfHttp.agent.destroy();
  }
}

function report(
  all: readonly [Samples, Samples, Samples, Samples],
  bareExec: Samples,
  k: {
    psLines: Record<CliSide["name"], number>;
    counted: Record<CliSide["name"], Counted>;
    lines: number;
    wantBytes: number;
    count: number;
  },
): void {
  const [ps, cliExec, httpExec, logs] = all;
  const p50 = (s: Samples) => ({ r: median(s.raw), w: median(s.wharf) });
  say("");
  say(
    table(
      [
        "measurement",
        "rounds",
        "raw p50",
        "raw p90",
        "wharf p50",
        "wharf p90",
        "added p50",
        "pair p50",
        "ratio p50",
      ],
      [...all, bareExec].map((s) => {
        const m = p50(s);
        return [
          s.name,
          String(s.raw.length),
          ms(m.r),
          ms(percentile(s.raw, 90)),
          ms(m.w),
          ms(percentile(s.wharf, 90)),
          ms(m.w - m.r),
          ms(median(s.pairDiffs)),
          ratio(m.w / m.r),
        ];
      }),
    ),
  );

  const a = p50(ps);
  const b = p50(httpExec);
  const c = p50(cliExec);
  const d = p50(logs);
  const e = p50(bareExec);
  say("");
  say(
    table(
      ["figure", "measured", "target", "baseline (same run)", "ratio"],
      [
        [
          `docker ps -a (${k.psLines.wharf - 1} rows)`,
          `${ms(a.w)} ms`,
          `≤ ${TARGET_RATIO.toFixed(2)}×`,
          `raw socket ${ms(a.r)} ms`,
          ratio(a.w / a.r),
        ],
        [
          "exec echo over HTTP, added p50",
          `${signed(b.w - b.r)} (${ms(b.w)} ms)`,
          `≤ ${TARGET_ADDED_MS} ms added`,
          `raw socket ${ms(b.r)} ms`,
          ratio(b.w / b.r),
        ],
        [
          "  the same through a bare Node proxy",
          `${signed(e.w - e.r)} (${ms(e.w)} ms)`,
          "- (the extra hop alone)",
          `raw socket ${ms(e.r)} ms`,
          ratio(e.w / e.r),
        ],
        ["  Wharf beyond the bare proxy", signed(b.w - b.r - (e.w - e.r)), "-", "-", "-"],
        [
          "docker exec <c> echo x, added p50",
          `${signed(c.w - c.r)} (${ms(c.w)} ms)`,
          "- (judged on the HTTP row)",
          `raw socket ${ms(c.r)} ms`,
          ratio(c.w / c.r),
        ],
        [
          `docker logs ${k.lines.toLocaleString("en")} lines > /dev/null`,
          `${ms(d.w)} ms`,
          `≤ ${TARGET_RATIO.toFixed(2)}×`,
          `raw socket ${ms(d.r)} ms`,
          ratio(d.w / d.r),
        ],
      ],
    ),
  );
  say("");
  say("proxy: times are ms of wall time per round, p50 over raw and Wharf rounds interleaved in this run;");
  say(
    "       ratio = wharf p50 ÷ raw p50, added = wharf p50 − raw p50, pair p50 = median of wharf − raw per pair",
  );
  say(
    `       the exec target (≤ ${TARGET_ADDED_MS} ms added) is judged on the HTTP row: exec create, then start attached without a TTY, read to the end; the CLI row adds the CLI's own start-up, which varies by more than that`,
  );
  say(
    "       the bare proxy is a separate Node process that only pipes requests to the socket (no auth, policy or audit): what any extra process hop costs here",
  );
  say(
    `       docker ps -a printed ${k.psLines.raw} lines on the raw socket and ${k.psLines.wharf} through Wharf (header included; ${k.count + 2} of the containers are this bench's)`,
  );
  const cr = k.counted.raw;
  const cw = k.counted.wharf;
  say(
    `       docker logs, counted pair: raw ${cr.lines.toLocaleString("en")} lines / ${cr.bytes} bytes, wharf ${cw.lines.toLocaleString("en")} lines / ${cw.bytes} bytes (expected ${k.lines.toLocaleString("en")} / ${k.wantBytes}), both ending "${k.lines}"`,
  );
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  const spec = parseHostsSetting(HOSTS_FILE).find((s) => s.id === HOST_ID);
  if (!spec?.connection.socketPath) throw new Error(`${HOSTS_FILE} has no unix-socket host "${HOST_ID}"`);
  const engine = engineTarget(spec);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-proxy-"));

  let child: WharfChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());

  let code = 0;
  try {
    await run(spec, engine, tmp, signal, (c) => (child = c));
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    if (signal.aborted) process.stderr.write("bench proxy: interrupted\n");
    else
      process.stderr.write(
        `bench proxy: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
  } finally {
    await child?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    const t = performance.now();
    try {
      say(`cleanup: removed ${await removeLabelled(engine)} bench proxy containers (${secs(t)})`);
    } catch (err) {
      code ||= 1;
      process.stderr.write(`bench proxy: cleanup failed: ${String(err)}\n`);
    }
    closeTargets([engine]);
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench proxy: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
