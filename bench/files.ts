/**
 * `npm run bench -- files`: the container file browser's listing of a folder of 10,000 files through
 * Wharf (`GET …/files?path=`, JSON parsed) against the raw `GET /containers/{id}/archive?path=` of
 * the same folder on the same engine (tar read to the end), raw and Wharf rounds interleaved, on
 * each test engine. The folder is put into a created (never started) container with one
 * `PUT …/archive`, so nothing runs and nothing goes over any network but loopback.
 *
 * Env: BENCH_FILES_N (timed rounds per side and host, 15), BENCH_FILES_WARMUP (2),
 * BENCH_FILES_COUNT (files in the folder, 10000).
 */
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import tar from "tar-stream";
import type { FolderListing } from "../lib/files/types";
import { createDockerClient, type DockerClient } from "../server/engines/docker-client";
import { parseHostsSetting, type HostSpec } from "../server/engines/host-spec";
import { closeTargets, engineTarget } from "./lib/engines";
import { expectStatus, httpRequest, type HttpTarget } from "./lib/http-get";
import { abortOnInterrupt } from "./lib/interrupt";
import { HOSTS_FILE } from "./lib/paths";
import { median, ms, percentile, ratio, table } from "./lib/stats";
import { startWharfChild, type WharfChild } from "./lib/wharf-child";
import { assertHostsUp, signIn } from "./lib/wharf-client";
import { intEnv } from "./lib/env";

const HOST_IDS = ["local", "edge", "secure"] as const;
const LABEL = "wharf.bench.files";
const FOLDER = "/many";
const TARGET_MS = 1000;

const say = (line: string) => process.stdout.write(`${line}\n`);

/** A tar of `count` small files under many/, as `docker cp` would send them. */
function folderTar(count: number): Promise<Buffer> {
  const pack = tar.pack();
  pack.entry({ name: "many/", type: "directory", mode: 0o755 });
  for (let i = 0; i < count; i++) pack.entry({ name: `many/file-${i}.txt`, mode: 0o644 }, `${i}\n`);
  pack.finalize();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pack.on("data", (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on("end", () => resolve(Buffer.concat(chunks)));
    pack.on("error", reject);
  });
}

async function fixture(docker: DockerClient, name: string, archive: Buffer): Promise<string> {
  const c = await docker.createContainer({
    name,
    Image: "local/idle:1",
    Labels: { [LABEL]: "1" },
    HostConfig: { NetworkMode: "none" },
    NetworkDisabled: true,
  });
  await c.putArchive(archive, { path: "/" });
  return c.id;
}

async function removeLabelled(docker: DockerClient): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true })));
}

interface HostResult {
  hostId: string;
  kind: string;
  raw: number[];
  wharf: number[];
  items: number;
  rawBytes: number;
  wharfBytes: number;
}

async function timed(t: HttpTarget, path: string): Promise<{ ms: number; body: Buffer }> {
  const t0 = performance.now();
  const r = expectStatus(await httpRequest(t, "GET", path), [200], `GET ${path}`);
  return { ms: performance.now() - t0, body: r.body };
}

async function measureHost(
  spec: HostSpec,
  wharf: HttpTarget,
  archive: Buffer,
  o: { rounds: number; warmup: number; count: number },
): Promise<HostResult> {
  const docker = createDockerClient(spec);
  const engine = engineTarget(spec);
  try {
    await removeLabelled(docker);
    const id = await fixture(docker, `bench-files-${process.pid}-${spec.id}`, archive);
    const rawPath = `/containers/${id}/archive?path=${encodeURIComponent(FOLDER)}`;
    const wharfPath = `/api/v1/hosts/${spec.id}/containers/${id}/files?path=${encodeURIComponent(FOLDER)}`;
    const s: HostResult = {
      hostId: spec.id,
      kind: spec.kind,
      raw: [],
      wharf: [],
      items: 0,
      rawBytes: 0,
      wharfBytes: 0,
    };
    for (let i = 0; i < o.warmup + o.rounds; i++) {
      const rawFirst = i % 2 === 0;
      const sides = rawFirst ? (["raw", "wharf"] as const) : (["wharf", "raw"] as const);
      for (const side of sides) {
        if (side === "raw") {
          const r = await timed(engine, rawPath);
          if (i >= o.warmup) s.raw.push(r.ms);
          s.rawBytes = r.body.length;
        } else {
          const t0 = performance.now();
          const r = await timed(wharf, wharfPath);
          const listing = JSON.parse(r.body.toString("utf8")) as FolderListing;
          const took = performance.now() - t0;
          if (listing.items.length !== o.count || listing.truncated)
            throw new Error(
              `${spec.id}: listed ${listing.items.length} of ${o.count} (truncated ${listing.truncated})`,
            );
          if (i >= o.warmup) s.wharf.push(took);
          s.items = listing.items.length;
          s.wharfBytes = r.body.length;
        }
      }
    }
    return s;
  } finally {
    await removeLabelled(docker).catch(() => undefined);
    closeTargets([engine]);
  }
}

async function main(): Promise<void> {
  const rounds = intEnv("BENCH_FILES_N", 15, 1);
  const warmup = intEnv("BENCH_FILES_WARMUP", 2, 0);
  const count = intEnv("BENCH_FILES_COUNT", 10_000, 1);
  const specs = parseHostsSetting(HOSTS_FILE).filter((h) => (HOST_IDS as readonly string[]).includes(h.id));
  const password = crypto.randomBytes(18).toString("base64url");
  let child: WharfChild | undefined;
  const signal = abortOnInterrupt(() => void child?.stop());
  try {
    child = await startWharfChild({ password, hostsFile: HOSTS_FILE });
    const wharf = await signIn(child.port, password);
    await assertHostsUp(
      wharf,
      specs.map((s) => s.id),
    );
    const archive = await folderTar(count);
    say(
      `files: listing ${FOLDER} of ${count} files, ${rounds} timed rounds per side and host (${warmup} warm-up)`,
    );
    const results: HostResult[] = [];
    for (const spec of specs) {
      if (signal.aborted) break;
      results.push(await measureHost(spec, wharf, archive, { rounds, warmup, count }));
    }
    const rows = results.map((s) => [
      s.hostId,
      s.kind,
      ms(median(s.raw)),
      ms(percentile(s.raw, 90)),
      ms(median(s.wharf)),
      ms(percentile(s.wharf, 90)),
      ratio(median(s.wharf) / median(s.raw)),
      String(s.items),
      `${(s.rawBytes / 1024 / 1024).toFixed(1)} MiB`,
      `${(s.wharfBytes / 1024 / 1024).toFixed(1)} MiB`,
    ]);
    say(
      table(
        [
          "host",
          "transport",
          "raw p50",
          "raw p90",
          "wharf p50",
          "wharf p90",
          "ratio p50",
          "items",
          "tar",
          "json",
        ],
        rows,
      ),
    );
    const worst = Math.max(...results.map((s) => median(s.wharf)));
    say(
      `files: slowest host's median listing ${ms(worst)} ms (target ≤ ${TARGET_MS} ms); raw = the engine's archive of the folder read to its end, wharf = the listing answered and JSON.parse'd`,
    );
    if (worst > TARGET_MS) process.exitCode = 1;
  } finally {
    await child?.stop();
  }
  if (signal.aborted) process.exit(130);
}

await main();
