/**
 * `npm run bench` (after bench/list.ts): keystroke echo through Wharf's exec terminal versus the raw
 * hijacked exec stream on the same engine. TTY on, `cat` in raw mode, one key at a time, raw and
 * Wharf keys interleaved.
 *
 * Env: BENCH_EXEC_KEYS (timed keys per side and host, 1000), BENCH_WARMUP (50 here).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { createDockerClient, type DockerClient } from "../server/engines/docker-client";
import { parseHostsSetting, type HostSpec } from "../server/engines/host-spec";
import { EchoProbe, connectWharf, rawChannel, wharfChannel } from "./lib/exec-echo";
import { echoSummary, echoTable, type EchoSamples } from "./lib/exec-report";
import { HOSTS_FILE } from "./lib/paths";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const HOST_IDS = ["local", "edge", "secure"] as const;
const LABEL = "wharf.bench.exec";
const KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function startContainer(docker: DockerClient, name: string): Promise<string> {
  const c = await docker.createContainer({
    name,
    Image: "local/idle:1",
    Labels: { [LABEL]: "1" },
    // Test-engine rule: no network at all.
    HostConfig: { NetworkMode: "none" },
    NetworkDisabled: true,
  });
  await c.start();
  return c.id;
}

async function removeLabelled(docker: DockerClient): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  return list.length;
}

/** Processes in the container beyond the two of local/idle:1, polled for up to 5 s. */
async function leftovers(docker: DockerClient, id: string): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const top = (await docker.getContainer(id).top()) as { Processes?: unknown[] };
    const extra = Math.max(0, (top.Processes?.length ?? 0) - 2);
    if (extra === 0 || Date.now() > deadline) return extra;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measureHost(
  spec: HostSpec,
  port: number,
  cookie: string,
  keys: number,
  warmup: number,
): Promise<EchoSamples> {
  const docker = createDockerClient(spec);
  const id = await startContainer(docker, `bench-exec-${process.pid}-${spec.id}`);
  const socket = await connectWharf(port, cookie);
  const rawCh = await rawChannel(docker, id);
  const raw = new EchoProbe(rawCh);
  const wharfCh = await wharfChannel(socket, spec.id, id);
  const wharf = new EchoProbe(wharfCh);
  const s: EchoSamples = {
    hostId: spec.id,
    transport: spec.kind,
    raw: [],
    wharf: [],
    pairDiffs: [],
    rawMismatches: 0,
    wharfMismatches: 0,
    leftovers: 0,
  };
  try {
    await Promise.all([raw.ready(), wharf.ready()]);
    for (let i = 0; i < warmup + keys; i++) {
      const k = KEYS[i % KEYS.length] as string;
      // Which side goes first alternates, so drift in the engine or the machine hits both alike.
      let r: number;
      let w: number;
      if (i % 2 === 0) {
        r = await raw.key(k);
        w = await wharf.key(k);
      } else {
        w = await wharf.key(k);
        r = await raw.key(k);
      }
      if (i < warmup) continue;
      s.raw.push(r);
      s.wharf.push(w);
      s.pairDiffs.push(w - r);
    }
    // Anything late or extra would arrive now.
    await new Promise((r) => setTimeout(r, 100));
    s.rawMismatches = raw.mismatches();
    s.wharfMismatches = wharf.mismatches();
  } finally {
    await rawCh.close().catch(() => undefined);
    await wharfCh.close().catch(() => undefined);
    socket.close();
  }
  s.leftovers = await leftovers(docker, id).catch(() => -1);
  return s;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(`${HOSTS_FILE} is missing: start the engines with "bash scripts/test-engines.sh start"`);
  }
  const keys = intEnv("BENCH_EXEC_KEYS", 1000, 1);
  const warmup = intEnv("BENCH_WARMUP", 50, 0);
  const specs = parseHostsSetting(HOSTS_FILE).filter((s) => (HOST_IDS as readonly string[]).includes(s.id));
  say(`bench exec: ${keys} timed keys per side and host after ${warmup} warm-up keys; TTY, cat in raw mode`);

  const password = crypto.randomBytes(18).toString("base64url");
  let child: WharfChild | undefined;
  const stop = () => void child?.stop();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let code = 0;
  try {
    child = await startWharfChild({ password, hostsFile: HOSTS_FILE });
    const wharf = await signIn(child.port, password);
    await assertHostsUp(wharf, HOST_IDS);
    wharf.agent.destroy();
    const cookie = String((wharf.base.headers as Record<string, string>).cookie);
    say(`wharf: bench/serve.ts pid ${child.pid} on 127.0.0.1:${child.port}, signed in`);
    const results: EchoSamples[] = [];
    for (const spec of specs) {
      const t = performance.now();
      results.push(await measureHost(spec, child.port, cookie, keys, warmup));
      say(`measured ${spec.id} (${secs(t)})`);
    }
    say("");
    say(echoTable(results));
    say("");
    const summary = echoSummary(results);
    for (const line of summary.lines) say(line);
    if (!summary.ok) code = 1;
  } catch (err) {
    code = 1;
    process.stderr.write(
      `bench exec: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  } finally {
    await child?.stop();
    let removed = 0;
    for (const spec of specs) removed += await removeLabelled(createDockerClient(spec)).catch(() => 0);
    say(`cleanup: removed ${removed} bench exec containers`);
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench exec: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
