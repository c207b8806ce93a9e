/**
 * The stats history's database growth: the store as the collector drives it, for a number of
 * containers sampled every 10 s over simulated days (a fake clock), with the rollup and pruning
 * running every simulated minute as the collector's rounds run them. Needs no engine.
 *
 * Prints the database's growth per container over the first day (before any pruning), the bytes
 * one point takes, the size a container settles at once every tier is full (24 h of 10 s points,
 * 7 days of 1 min, 30 days of 5 min, a year of hours), and the write time of one round of points
 * beside the same rows written without the history's schema (a plain table), as a ratio.
 *
 * Env: BENCH_HISTORY_CONTAINERS (100), BENCH_HISTORY_DAYS (2).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { HISTORY_TIERS } from "../lib/metrics";
import { openDatabase } from "../server/db/database";
import { HistoryStore } from "../server/metrics/history-store";
import { newPoint, STORED, type Values } from "../server/metrics/point";

const say = (line: string) => process.stdout.write(`${line}\n`);
const num = (name: string, fallback: number) => {
  const n = Number(process.env[name] || fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: expected a positive number`);
  return n;
};

const containers = Math.round(num("BENCH_HISTORY_CONTAINERS", 100));
const days = num("BENCH_HISTORY_DAYS", 2);
const DAY = 24 * 3600_000;
const STEP = HISTORY_TIERS[0].stepMs;
const T0 = Date.UTC(2026, 0, 1);

/** Plausible values: a busy-ish CPU with noise, memory drifting, some traffic, a few pids. */
function values(c: number, i: number): Values {
  const v = Object.fromEntries(STORED.map((k) => [k, 0])) as Values;
  v.cpu = Math.round(200 + 150 * Math.sin(i / 50 + c) + Math.random() * 100);
  v.mem = 50_000_000 + c * 1000 + Math.round(Math.random() * 5_000_000);
  v.net_rx = Math.round(Math.random() * 20_000);
  v.net_tx = Math.round(Math.random() * 10_000);
  v.blk_r = Math.random() < 0.1 ? Math.round(Math.random() * 100_000) : 0;
  v.blk_w = Math.random() < 0.2 ? Math.round(Math.random() * 200_000) : 0;
  v.pids = 3 + (c % 7);
  return v;
}

function size(db: ReturnType<typeof openDatabase>): number {
  db.pragma("wal_checkpoint(TRUNCATE)");
  const pages = db.pragma("page_count", { simple: true }) as number;
  const free = db.pragma("freelist_count", { simple: true }) as number;
  return (pages - free) * (db.pragma("page_size", { simple: true }) as number);
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-history-"));
  try {
    const db = openDatabase(dir);
    const empty = size(db);
    const store = new HistoryStore(db);
    const ids = Array.from({ length: containers }, (_, c) =>
      store.seriesId(
        {
          kind: "container",
          hostId: "h1",
          containerId: c.toString(16).padStart(64, "0"),
          name: `app-web-${c}`,
          project: "app",
          service: `svc${c % 10}`,
          labels: { "com.docker.compose.project": "app", team: "a" },
        },
        T0,
      ),
    );
    const rounds = Math.round((days * DAY) / STEP);
    let writeMs = 0;
    let backgroundMs = 0;
    let firstDay = 0;
    const t = performance.now();
    for (let i = 0; i < rounds; i++) {
      const ts = T0 + i * STEP;
      const batch = ids.map((seriesId, c) => ({
        seriesId,
        point: newPoint(ts, values(c, i), 256 << 20, ts),
      }));
      const w = performance.now();
      store.write(batch);
      writeMs += performance.now() - w;
      const b = performance.now();
      store.rollup(ts + STEP);
      store.prune(ts + STEP);
      backgroundMs += performance.now() - b;
      if (ts + STEP === T0 + DAY) firstDay = size(db) - empty;
    }
    const counts = store.countPoints();
    const points = Object.values(counts).reduce((a, b) => a + b, 0);
    const total = size(db) - empty;
    const perPoint = total / points;
    // Once every tier is full, per container.
    const steady = HISTORY_TIERS.reduce((s, tier) => s + tier.keepMs / tier.stepMs, 0) * perPoint;

    // The same rounds into a plain rowid table of the same columns: what the schema costs or saves.
    const plain = db.prepare(
      `CREATE TABLE plain (series_id INTEGER, tier INTEGER, ts INTEGER, n INTEGER, mem_limit INTEGER, ${STORED.flatMap((k) => [`${k}_min`, `${k}_max`, `${k}_avg`, `${k}_last`]).join(" INTEGER, ")} INTEGER)`,
    );
    plain.run();
    const insert = db.prepare(
      `INSERT INTO plain VALUES (${Array.from({ length: 5 + STORED.length * 4 }, () => "?").join(", ")})`,
    );
    const plainRounds = Math.min(rounds, 600);
    const p0 = performance.now();
    for (let i = 0; i < plainRounds; i++)
      db.transaction(() => {
        for (const [c, id] of ids.entries()) {
          const v = values(c, i);
          insert.run(id, 0, T0 + i * STEP, 1, 256 << 20, ...STORED.flatMap((k) => [v[k], v[k], v[k], v[k]]));
        }
      })();
    const plainMs = (performance.now() - p0) / plainRounds;
    db.close();

    const perRound = writeMs / rounds;
    say(
      `bench history: ${containers} containers, ${days} simulated days of 10 s points (${rounds} rounds, ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    say(`points now: ${JSON.stringify(counts)}`);
    say(
      `database growth over the first day: ${(firstDay / containers / 1024).toFixed(0)} KiB per container per day`,
    );
    say(
      `one stored point: ${perPoint.toFixed(0)} bytes; a container once every tier is full: ${(steady / 1024 / 1024).toFixed(1)} MiB`,
    );
    say(
      `one round's write (${containers} points): ${perRound.toFixed(2)} ms; plain table ${plainMs.toFixed(2)} ms; ratio ${(perRound / plainMs).toFixed(2)}`,
    );
    say(`rollup and pruning per round: ${(backgroundMs / rounds).toFixed(2)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
