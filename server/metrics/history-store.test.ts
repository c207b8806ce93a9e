import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { HISTORY_TIERS } from "../../lib/metrics";
import { openDatabase, type Db } from "../db/database";
import { HistoryStore, type SeriesIdentity } from "./history-store";
import { newPoint, STORED, type Values } from "./point";

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
const HOUR = 3600_000;
const dirs: string[] = [];
const dbs: Db[] = [];

function open(dir: string) {
  const db = openDatabase(dir);
  dbs.push(db);
  return new HistoryStore(db);
}

afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const web: SeriesIdentity = {
  kind: "container",
  hostId: "h1",
  containerId: "c".repeat(64),
  name: "shop-web-1",
  project: "shop",
  service: "web",
  labels: { team: "a" },
};

/** A known series: a sawtooth CPU with one spike, memory rising through the day, a steady rate. */
function sample(i: number): Values {
  const v = Object.fromEntries(STORED.map((k) => [k, 0])) as Values;
  v.cpu = i === 4321 ? 99_999 : (i % 37) * 10;
  v.mem = 1_000_000 + i * 100;
  v.net_rx = 500;
  v.pids = 1 + (i % 3);
  return v;
}

/** Runs the background work as the collector's ticks would, at a fake "now", until nothing is left. */
function settle(store: HistoryStore, now: number) {
  while (store.rollup(now));
  for (let i = 0; i < 5; i++) store.prune(now);
}

/** What a tier's bucket must hold, computed from the raw samples, not from any stored tier. */
function expected(samples: { ts: number; v: Values }[], step: number, key: keyof Values) {
  const out = new Map<number, { min: number; max: number; sum: number; n: number; last: number }>();
  for (const s of samples) {
    const b = Math.floor(s.ts / step) * step;
    const x = out.get(b) ?? { min: Infinity, max: -Infinity, sum: 0, n: 0, last: 0 };
    x.min = Math.min(x.min, s.v[key]);
    x.max = Math.max(x.max, s.v[key]);
    x.sum += s.v[key];
    x.n++;
    x.last = s.v[key];
    out.set(b, x);
  }
  return out;
}

describe("HistoryStore", () => {
  // 9,000 writes and the rollups behind them: seconds of CPU, more on a shared and busy machine.
  it("after 25 h of 10 s points, each tier holds the right min, max, avg and last, and a restart loses nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-history-"));
    dirs.push(dir);
    let store = open(dir);
    const samples: { ts: number; v: Values }[] = [];
    const total = (25 * HOUR) / 10_000;
    let id = store.seriesId(web, T0);
    for (let i = 0; i < total; i++) {
      const ts = T0 + i * 10_000;
      samples.push({ ts, v: sample(i) });
      store.write([{ seriesId: id, point: newPoint(ts, sample(i), 64 << 20, ts) }]);
      // Every simulated minute the collector's tick runs the background work.
      if (i % 6 === 5) {
        store.rollup(ts + 10_000);
        store.prune(ts + 10_000);
      }
      // Halfway, the server restarts: a new store on the reopened file.
      if (i === Math.floor(total / 2)) {
        dbs.pop()?.close();
        store = open(dir);
        id = store.seriesId(web, ts);
      }
    }
    const now = T0 + 25 * HOUR + 30_000;
    settle(store, now);

    const counts = store.countPoints(id);
    // The 10 s tier keeps 24 h only; the others keep everything so far.
    expect(counts[0]).toBe((24 * HOUR) / 10_000 - 3);
    expect(counts[1]).toBe((25 * HOUR) / 60_000);
    expect(counts[2]).toBe((25 * HOUR) / 300_000);
    expect(counts[3]).toBe(25);

    // Every bucket of every coarser tier, against the raw samples.
    for (const tier of [1, 2, 3]) {
      const step = HISTORY_TIERS[tier]?.stepMs ?? 0;
      const want = expected(samples, step, "cpu");
      const got = store.tierPoints(id, tier, "cpu");
      expect(got.length).toBe(want.size);
      for (const p of got) {
        const w = want.get(p.t);
        expect(w, `tier ${tier} bucket ${p.t}`).toBeDefined();
        expect(p.min).toBe((w?.min ?? 0) / 100);
        expect(p.max).toBe((w?.max ?? 0) / 100);
        expect(p.last).toBe((w?.last ?? 0) / 100);
        // Means are stored as whole hundredths at each step: within a hundredth per step.
        expect(Math.abs(p.avg - (w?.sum ?? 0) / (w?.n ?? 1) / 100)).toBeLessThan(0.03);
      }
    }
    // A range picks the finest tier that still keeps its start and fits the answer.
    expect(store.query([id], "cpu", now - HOUR, now, now).stepMs).toBe(10_000);
    expect(store.query([id], "cpu", now - 24 * HOUR, now, now).stepMs).toBe(60_000);
    expect(store.query([id], "cpu", T0, now, now + 8 * 24 * HOUR).stepMs).toBe(300_000);

    // The hour that held the spike keeps it as its max in the hourly tier; its mean stays low.
    const hourly = store.query([id], "cpu", T0, T0 + 25 * HOUR, now + 40 * 24 * HOUR);
    expect(hourly.stepMs).toBe(HOUR);
    const spikeHour = Math.floor((T0 + 4321 * 10_000) / HOUR) * HOUR;
    const h = hourly.points.find((p) => p.t === spikeHour);
    expect(h?.max).toBe(999.99);
    const want = expected(samples, HOUR, "cpu").get(spikeHour);
    expect(h?.avg).toBeCloseTo((want?.sum ?? 0) / (want?.n ?? 1) / 100, 0);
    expect(h?.min).toBe(0);
    // Memory's last of each hour is the last sample of that hour.
    const mem = store.query([id], "memory", T0, T0 + 25 * HOUR, now + 40 * 24 * HOUR).points;
    expect(mem[0]?.last).toBe(1_000_000 + 359 * 100);
    expect(mem[0]?.min).toBe(1_000_000);
    // Memory against the limit at the time.
    const pct = store.query([id], "memoryPercent", T0, T0 + HOUR, now + 40 * 24 * HOUR).points[0];
    expect(pct?.max).toBeCloseTo(((1_000_000 + 359 * 100) / (64 << 20)) * 100, 6);
  }, 30_000);

  it("answers a coarse range up to now, folding what is not rolled up yet from the 10 s points", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-history-"));
    dirs.push(dir);
    const store = open(dir);
    const id = store.seriesId(web, T0);
    // Two minutes of 10 s points, and no rollup has run yet.
    store.write(
      Array.from({ length: 12 }, (_, i) => ({
        seriesId: id,
        point: newPoint(T0 + i * 10_000, sample(i), 0, T0 + i * 10_000),
      })),
    );
    const day = store.query([id], "cpu", T0 + 2 * 60_000 - 24 * HOUR, T0 + 2 * 60_000, T0 + 2 * 60_000);
    expect(day.stepMs).toBe(60_000);
    expect(day.points.map((p) => p.t)).toEqual([T0, T0 + 60_000]);
    expect(day.points[0]?.max).toBe(Math.max(...[0, 1, 2, 3, 4, 5].map((i) => sample(i).cpu)) / 100);
    // Once rolled up, the same answer from the minute tier itself.
    while (store.rollup(T0 + 3 * 60_000));
    expect(store.query([id], "cpu", T0 + 2 * 60_000 - 24 * HOUR, T0 + 2 * 60_000, T0 + 2 * 60_000)).toEqual(
      day,
    );
  });

  it("finds a series by id, id prefix or name, and a service's series across recreates", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-history-"));
    dirs.push(dir);
    const store = open(dir);
    const a = store.seriesId(web, T0);
    const b = store.seriesId({ ...web, containerId: "d".repeat(64) }, T0 + HOUR);
    store.write([
      { seriesId: a, point: newPoint(T0, sample(1), 0, T0) },
      { seriesId: b, point: newPoint(T0 + HOUR, sample(2), 0, T0 + HOUR) },
    ]);
    expect(store.findContainerSeries("h1", "c".repeat(64)).map((s) => s.id)).toEqual([a]);
    expect(store.findContainerSeries("h1", "dddd").map((s) => s.id)).toEqual([b]);
    expect(store.findContainerSeries("h1", "ddd")).toEqual([]);
    // A name: the newest container of that name first.
    expect(store.findContainerSeries("h1", "shop-web-1").map((s) => s.id)).toEqual([b, a]);
    expect(store.findContainerSeries("h2", "shop-web-1")).toEqual([]);
    expect(store.serviceSeries("h1", "shop", "web").map((s) => s.id)).toEqual([a, b]);
    const both = store.query([a, b], "pids", T0, T0 + 2 * HOUR, T0 + 2 * HOUR);
    expect(both.points.map((p) => p.t)).toEqual([T0, T0 + HOUR]);
  });

  it("rolls up a bounded number of series per call, and marks a range done only once all went through", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-history-"));
    dirs.push(dir);
    const store = open(dir);
    const ids = Array.from({ length: 1200 }, (_, i) =>
      store.seriesId({ ...web, containerId: String(i).padStart(64, "0") }, T0),
    );
    store.write(ids.map((seriesId) => ({ seriesId, point: newPoint(T0, sample(1), 0, T0) })));
    const now = T0 + 2 * 60_000;
    expect(store.rollup(now)).toBe(true);
    expect(store.countPoints()[1]).toBe(500);
    expect(store.rollup(now)).toBe(true);
    expect(store.countPoints()[1]).toBe(1000);
    while (store.rollup(now));
    expect(store.countPoints()[1]).toBe(1200);
  });

  it("prunes a bounded number of series per call", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-history-"));
    dirs.push(dir);
    const store = open(dir);
    const ids = Array.from({ length: 450 }, (_, i) =>
      store.seriesId({ ...web, containerId: String(i).padStart(64, "0") }, T0),
    );
    store.write(ids.map((seriesId) => ({ seriesId, point: newPoint(T0, sample(1), 0, T0) })));
    const later = T0 + 2 * 24 * HOUR;
    const first = store.prune(later);
    expect(first).toBe(200);
    expect(store.prune(later)).toBe(200);
    expect(store.prune(later)).toBe(50);
    expect(store.countPoints()[0] ?? 0).toBe(0);
  });
});
