/**
 * `npm run bench -- layers`: the layer explorer's first, cold index of a ~1 GiB image against
 * `docker save > /dev/null` of the same image on the `local` engine, rounds interleaved, and the
 * server's RSS growth while it indexes.
 *
 * The image (`wharf-bench/layers:1g`) is built offline once, with the classic builder and no network
 * for its steps, from busybox: four layers of 256 MiB of random bytes each, one of them overwritten
 * by a later layer. It is removed at the end, since the test engines are shared with the tests (whose
 * route walks would read a 1 GiB export); BENCH_LAYERS_KEEP=1 keeps it for the next run. Each Wharf
 * round is a fresh server (its own empty database), so every index is cold.
 *
 * Env: BENCH_LAYERS_ROUNDS (rounds of each side, 5), BENCH_LAYERS_KEEP=1.
 */
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import type { ImageLayers } from "../lib/layers/types";
import { parseHostsSetting } from "../server/engines/host-spec";
import { expectStatus, httpRequest } from "./lib/http-get";
import { abortOnInterrupt } from "./lib/interrupt";
import { HOSTS_FILE } from "./lib/paths";
import { median, ratio, table } from "./lib/stats";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const HOST_ID = "local";
const IMAGE = "wharf-bench/layers:1g";
const TARGET_RATIO = 1.5;
const TARGET_RSS_MIB = 100;
const MiB = 1024 * 1024;
const LAYER_MIB = 256;
const RSS_EVERY_MS = 20;

const run = promisify(execFile);
const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

const DOCKERFILE = [
  "FROM local/busybox:1.35",
  `RUN mkdir /data && head -c ${LAYER_MIB * MiB} /dev/urandom > /data/a`,
  `RUN head -c ${LAYER_MIB * MiB} /dev/urandom > /data/b`,
  "LABEL wharf.bench=layers",
  `RUN head -c ${LAYER_MIB * MiB} /dev/urandom > /data/a`,
  `RUN head -c ${LAYER_MIB * MiB} /dev/urandom > /data/c`,
  "",
].join("\n");

function docker(sock: string, args: string[]) {
  return run("docker", ["-H", `unix://${sock}`, ...args], {
    env: { ...process.env, DOCKER_BUILDKIT: "0" },
    maxBuffer: 64 * MiB,
  });
}

async function ensureImage(sock: string, tmp: string): Promise<{ id: string; built: boolean }> {
  const have = await docker(sock, ["image", "inspect", "--format", "{{.Id}}", IMAGE]).catch(() => undefined);
  if (have) return { id: have.stdout.trim(), built: false };
  const ctx = path.join(tmp, "ctx");
  fs.mkdirSync(ctx);
  fs.writeFileSync(path.join(ctx, "Dockerfile"), DOCKERFILE);
  await docker(sock, ["build", "-q", "--network", "none", "-t", IMAGE, ctx]);
  const id = (await docker(sock, ["image", "inspect", "--format", "{{.Id}}", IMAGE])).stdout.trim();
  return { id, built: true };
}

/** `docker save IMAGE > /dev/null` with the CLI, wall time in ms. */
function dockerSave(sock: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn("docker", ["-H", `unix://${sock}`, "save", IMAGE], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.once("error", reject);
    p.once("exit", (code) =>
      code === 0 ? resolve(performance.now() - t) : reject(new Error(`docker save: exit ${code}: ${err}`)),
    );
  });
}

const rssKiB = (pid: number) => {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : 0;
};

interface WharfRound {
  ms: number;
  warmMs: number;
  baseKiB: number;
  peakKiB: number;
  body: ImageLayers;
}

/** One fresh server: sign in, settle, then the first GET …/layers, timed, with its RSS sampled throughout. */
async function wharfRound(
  setChild: (c: WharfChild | undefined) => void,
  signal: AbortSignal,
): Promise<WharfRound> {
  const password = crypto.randomBytes(18).toString("base64url");
  const child = await startWharfChild({ password, hostsFile: HOSTS_FILE });
  setChild(child);
  try {
    signal.throwIfAborted();
    const wharf = await signIn(child.port, password);
    await assertHostsUp(wharf, [HOST_ID]);
    // The image routes' code paths once, on another image, so the baseline is a warmed server.
    expectStatus(
      await httpRequest(wharf, "GET", `/api/v1/hosts/${HOST_ID}/images?updates=0`),
      [200],
      "list images",
    );
    await new Promise((r) => setTimeout(r, 500));
    const baseKiB = rssKiB(child.pid);
    let peakKiB = baseKiB;
    const timer = setInterval(() => (peakKiB = Math.max(peakKiB, rssKiB(child.pid))), RSS_EVERY_MS);
    const url = `/api/v1/hosts/${HOST_ID}/images/${encodeURIComponent(IMAGE)}/layers`;
    const t = performance.now();
    let r;
    try {
      r = expectStatus(await httpRequest(wharf, "GET", url, { timeoutMs: 600_000 }), [200], "GET …/layers");
    } finally {
      clearInterval(timer);
    }
    const ms = performance.now() - t;
    peakKiB = Math.max(peakKiB, rssKiB(child.pid));
    const t2 = performance.now();
    expectStatus(await httpRequest(wharf, "GET", url), [200], "GET …/layers again");
    const warmMs = performance.now() - t2;
    wharf.agent.destroy();
    return { ms, warmMs, baseKiB, peakKiB, body: JSON.parse(r.body.toString("utf8")) as ImageLayers };
  } finally {
    await child.stop();
    setChild(undefined);
  }
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const rounds = intEnv("BENCH_LAYERS_ROUNDS", 5, 1);
  const spec = parseHostsSetting(HOSTS_FILE).find((s) => s.id === HOST_ID);
  const sock = spec?.connection.socketPath;
  if (!sock) throw new Error(`${HOSTS_FILE} has no unix-socket host "${HOST_ID}"`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-layers-"));
  let child: WharfChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());
  let code = 0;
  try {
    let t = performance.now();
    const img = await ensureImage(sock, tmp);
    say(
      `bench layers: ${IMAGE} ${img.id.slice(7, 19)} (${img.built ? `built offline in ${secs(t)}` : "kept from an earlier run"})`,
    );
    t = performance.now();
    await dockerSave(sock);
    say(`warm-up docker save > /dev/null (${secs(t)})`);
    const saves: number[] = [];
    const wharfs: WharfRound[] = [];
    for (let i = 0; i < rounds; i++) {
      // Which side goes first alternates, so drift in the engine or the page cache hits both alike.
      if (i % 2 === 0) {
        saves.push(await dockerSave(sock));
        wharfs.push(await wharfRound((c) => (child = c), signal));
      } else {
        wharfs.push(await wharfRound((c) => (child = c), signal));
        saves.push(await dockerSave(sock));
      }
      const w = wharfs.at(-1) as WharfRound;
      say(
        `round ${i + 1}: docker save ${(saves.at(-1)! / 1000).toFixed(2)} s, Wharf cold index ${(w.ms / 1000).toFixed(2)} s, RSS ${((w.peakKiB - w.baseKiB) / 1024).toFixed(1)} MiB over ${(w.baseKiB / 1024).toFixed(1)} MiB`,
      );
    }
    const last = wharfs.at(-1) as WharfRound;
    const tarBytes = last.body.items.reduce((s, l) => s + l.tarSize, 0);
    const save = median(saves);
    const index = median(wharfs.map((w) => w.ms));
    const growth = Math.max(...wharfs.map((w) => w.peakKiB - w.baseKiB)) / 1024;
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    say("");
    say(
      table(
        ["figure", "measured", "target", "baseline (same run)", "ratio", ""],
        [
          [
            `cold layer index, ${last.body.items.length} layers, ${(tarBytes / MiB).toFixed(0)} MiB of layer tars`,
            `${(index / 1000).toFixed(2)} s`,
            `≤ ${TARGET_RATIO.toFixed(2)}×`,
            `docker save > /dev/null ${(save / 1000).toFixed(2)} s`,
            ratio(index / save),
            verdict(index / save <= TARGET_RATIO),
          ],
          [
            "server RSS growth while indexing (max over rounds)",
            `${growth.toFixed(1)} MiB`,
            `≤ ${TARGET_RSS_MIB} MiB`,
            `RSS before ${(median(wharfs.map((w) => w.baseKiB)) / 1024).toFixed(1)} MiB`,
            "-",
            verdict(growth <= TARGET_RSS_MIB),
          ],
          [
            "the same request again, from the index",
            `${median(wharfs.map((w) => w.warmMs)).toFixed(1)} ms`,
            "-",
            "-",
            "-",
            "",
          ],
        ],
      ),
    );
    say("");
    say(
      `layers: medians of ${rounds} interleaved rounds; ratio = Wharf ÷ docker save; each Wharf round is a fresh server whose first GET …/layers streams the save, indexes every entry into SQLite and analyses it`,
    );
    say(
      `        wasted ${(last.body.wastedBytes / MiB).toFixed(1)} MiB of ${(last.body.totalBytes / MiB).toFixed(1)} MiB (efficiency ${last.body.efficiency.toFixed(3)}); RSS is VmRSS of the server process, sampled every ${RSS_EVERY_MS} ms`,
    );
  } catch (err) {
    code = signal.aborted ? 130 : 1;
    process.stderr.write(
      signal.aborted
        ? "bench layers: interrupted\n"
        : `bench layers: FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  } finally {
    await child?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    if (process.env.BENCH_LAYERS_KEEP !== "1") {
      await docker(sock, ["rmi", IMAGE]).catch((e: unknown) => {
        code ||= 1;
        process.stderr.write(`bench layers: could not remove ${IMAGE}: ${String(e)}\n`);
      });
      say(`cleanup: removed ${IMAGE}`);
    }
  }
  say(`total: ${secs(t0)}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench layers: FAILED: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
