import { HISTORY_TIERS, type HistoryMetric, type HistoryPoint } from "../../lib/metrics";
import type { Db } from "../db/database";
import { STORED, mergePoint, type Agg, type Point, type Stored } from "./point";

export type SeriesKind = "container" | "host";

export interface SeriesInfo {
  id: number;
  kind: SeriesKind;
  hostId: string;
  containerId: string;
  name: string;
  project: string;
  service: string;
  labels: Record<string, string>;
  firstTs: number;
  lastTs: number;
}

export type SeriesIdentity = Omit<SeriesInfo, "id" | "firstTs" | "lastTs">;

interface SeriesRow {
  id: number;
  kind: SeriesKind;
  host_id: string;
  container_id: string;
  name: string;
  project: string;
  service: string;
  labels: string;
  first_ts: number;
  last_ts: number;
}

type PointRow = Record<string, number>;

const COLUMNS = STORED.flatMap((k) => [`${k}_min`, `${k}_max`, `${k}_avg`, `${k}_last`]);

/** Buckets of a tier one rollup range covers, series one rollup call reads, series one prune call visits. */
const ROLLUP_BUCKETS_PER_CALL = 60;
const ROLLUP_SERIES_PER_CALL = 500;
const PRUNE_SERIES_PER_CALL = 200;
/** Points a history answer holds at most: a tier finer than that is skipped for a coarser one. */
const MAX_POINTS = 1500;

function toSeries(r: SeriesRow): SeriesInfo {
  let labels: Record<string, string> = {};
  try {
    labels = JSON.parse(r.labels) as Record<string, string>;
  } catch {
    // Written by this module only; an unreadable value scopes as no labels.
  }
  return {
    id: r.id,
    kind: r.kind,
    hostId: r.host_id,
    containerId: r.container_id,
    name: r.name,
    project: r.project,
    service: r.service,
    labels,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
  };
}

function pointFromRow(r: PointRow, stepMs: number): Point {
  const m = {} as Record<Stored, Agg>;
  const n = r.n ?? 1;
  for (const k of STORED)
    m[k] = {
      min: r[`${k}_min`] ?? 0,
      max: r[`${k}_max`] ?? 0,
      sum: (r[`${k}_avg`] ?? 0) * n,
      last: r[`${k}_last`] ?? 0,
    };
  const ts = r.ts ?? 0;
  return { ts, n, lastTs: ts + stepMs - 1, limit: r.mem_limit ?? 0, m };
}

function rowOf(seriesId: number, tier: number, p: Point): number[] {
  const out = [seriesId, tier, p.ts, p.n, p.limit];
  for (const k of STORED) {
    const a = p.m[k];
    out.push(a.min, a.max, Math.round(a.sum / Math.max(1, p.n)), a.last);
  }
  return out;
}

/** One metric of a point as the API gives it (CPU back in percent, memory against the limit). */
function metricOf(p: Point, metric: HistoryMetric): HistoryPoint {
  const pick = (k: Stored, scale = 1): HistoryPoint => {
    const a = p.m[k];
    return {
      t: p.ts,
      min: a.min / scale,
      max: a.max / scale,
      avg: a.sum / p.n / scale,
      last: a.last / scale,
    };
  };
  switch (metric) {
    case "cpu":
      return pick("cpu", 100);
    case "memory":
      return pick("mem");
    case "memoryPercent":
      return p.limit > 0 ? pick("mem", p.limit / 100) : { t: p.ts, min: 0, max: 0, avg: 0, last: 0 };
    case "netRx":
      return pick("net_rx");
    case "netTx":
      return pick("net_tx");
    case "blkRead":
      return pick("blk_r");
    case "blkWrite":
      return pick("blk_w");
    case "pids":
      return pick("pids");
  }
}

/**
 * Stats history in the embedded database: series (one per container id, and one per host for its
 * totals) and their points in four tiers. The collector writes 10 s points; `rollup` folds each tier
 * into the next coarser one and `prune` drops what a tier no longer keeps, each a bounded amount per
 * call so the background work never stalls the server.
 */
export class HistoryStore {
  /** Each series' id and the identity last written, so an unchanged one costs no statement. */
  private readonly ids = new Map<string, { id: number; identity: string }>();
  private readonly insertPoint;
  private pruneCursor = 0;
  /** Each tier's rollup range in progress, and the last series it went through. */
  private readonly rollups = new Map<number, { from: number; to: number; cursor: number; ready: number }>();

  constructor(private readonly db: Db) {
    this.insertPoint = db.prepare(
      `INSERT OR REPLACE INTO metric_points (series_id, tier, ts, n, mem_limit, ${COLUMNS.join(", ")})
       VALUES (${Array.from({ length: 5 + COLUMNS.length }, () => "?").join(", ")})`,
    );
  }

  /** The id of a series, made on first sight; its name, project, service and labels follow the latest. */
  seriesId(s: SeriesIdentity, ts: number): number {
    const key = `${s.hostId}\0${s.kind}\0${s.containerId}`;
    const labels = JSON.stringify(s.labels);
    const identity = `${s.name}\0${s.project}\0${s.service}\0${labels}`;
    const known = this.ids.get(key);
    if (known?.identity === identity) return known.id;
    const row = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO metric_series (kind, host_id, container_id, name, project, service, labels, first_ts, last_ts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (host_id, kind, container_id) DO UPDATE SET
           name = excluded.name, project = excluded.project, service = excluded.service, labels = excluded.labels
         RETURNING id`,
      )
      .get(s.kind, s.hostId, s.containerId, s.name, s.project, s.service, labels, ts, ts);
    const id = row?.id ?? 0;
    this.ids.set(key, { id, identity });
    return id;
  }

  /** Writes points of the finest tier, and moves each series' last seen time, in one transaction. */
  write(points: readonly { seriesId: number; point: Point }[]): void {
    if (!points.length) return;
    const touch = this.db.prepare("UPDATE metric_series SET last_ts = max(last_ts, ?) WHERE id = ?");
    this.db.transaction(() => {
      for (const { seriesId, point } of points) {
        this.insertPoint.run(...rowOf(seriesId, 0, point));
        touch.run(point.ts, seriesId);
      }
    })();
  }

  /**
   * Folds finished buckets of each tier into the next coarser one, oldest first: at most a bounded
   * number of buckets per range and of series per call, so one call never holds the server for
   * long however large the fleet. A bucket is finished once its source tier's points for it can no
   * longer arrive (`lagMs` after its end for the finest tier). A range is marked done only once
   * every series went through it; a restart redoes it (writing a point twice is harmless). Answers
   * whether more is left to do.
   */
  rollup(now: number, lagMs = 20_000): boolean {
    let budget = ROLLUP_SERIES_PER_CALL;
    for (let tier = 1; tier < HISTORY_TIERS.length; tier++) {
      const step = HISTORY_TIERS[tier]?.stepMs ?? 0;
      const srcStep = HISTORY_TIERS[tier - 1]?.stepMs ?? 0;
      let job = this.rollups.get(tier);
      if (!job) {
        // The finest tier's points may come up to lagMs late; a coarser source is done where its rollup is.
        const srcDone = tier === 1 ? now - lagMs : (this.rolledUpTo(tier - 1) ?? 0);
        const ready = Math.floor(srcDone / step) * step;
        let from = this.rolledUpTo(tier);
        if (from === undefined) {
          const first = this.db
            .prepare<[], { t: number | null }>("SELECT min(first_ts) AS t FROM metric_series")
            .get()?.t;
          if (first === null || first === undefined) continue;
          from = Math.floor(first / step) * step;
        }
        if (from >= ready) continue;
        job = { from, to: Math.min(ready, from + ROLLUP_BUCKETS_PER_CALL * step), cursor: 0, ready };
        this.rollups.set(tier, job);
      }
      if (budget <= 0) return true;
      const ids = this.db
        .prepare<[number, number, number], { id: number }>(
          "SELECT id FROM metric_series WHERE id > ? AND last_ts >= ? ORDER BY id LIMIT ?",
        )
        .all(job.cursor, job.from - srcStep, budget)
        .map((r) => r.id);
      budget -= ids.length;
      const finished = ids.length < ROLLUP_SERIES_PER_CALL && budget > 0;
      this.rollupRange(tier, step, srcStep, job, ids, finished);
      if (!finished) return true;
      this.rollups.delete(tier);
      if (job.to < job.ready) return true;
    }
    return false;
  }

  private rolledUpTo(tier: number): number | undefined {
    return this.db
      .prepare<[number], { done_ts: number }>("SELECT done_ts FROM metric_rollups WHERE tier = ?")
      .get(tier)?.done_ts;
  }

  private rollupRange(
    tier: number,
    step: number,
    srcStep: number,
    job: { from: number; to: number; cursor: number },
    ids: readonly number[],
    finished: boolean,
  ): void {
    const read = this.db.prepare<[number, number, number, number], PointRow>(
      "SELECT * FROM metric_points WHERE series_id = ? AND tier = ? AND ts >= ? AND ts < ? ORDER BY ts",
    );
    this.db.transaction(() => {
      for (const id of ids) {
        let cur: Point | undefined;
        // Read whole before writing: a statement still stepping blocks writes on the connection.
        for (const r of read.all(id, tier - 1, job.from, job.to)) {
          const p = pointFromRow(r, srcStep);
          const bucket = Math.floor(p.ts / step) * step;
          if (cur && cur.ts !== bucket) {
            this.insertPoint.run(...rowOf(id, tier, cur));
            cur = undefined;
          }
          if (!cur) cur = { ...p, ts: bucket, m: structuredClone(p.m) };
          else mergePoint(cur, p);
        }
        if (cur) this.insertPoint.run(...rowOf(id, tier, cur));
      }
      job.cursor = ids.at(-1) ?? job.cursor;
      if (finished)
        this.db
          .prepare(
            "INSERT INTO metric_rollups (tier, done_ts) VALUES (?, ?) ON CONFLICT (tier) DO UPDATE SET done_ts = ?",
          )
          .run(tier, job.to, job.to);
    })();
  }

  /**
   * Deletes points older than their tier keeps, for a bounded number of series per call (round
   * robin), and series that have no points left. Answers how many points went.
   */
  prune(now: number): number {
    const series = this.db
      .prepare<[number, number], { id: number }>(
        "SELECT id FROM metric_series WHERE id > ? ORDER BY id LIMIT ?",
      )
      .all(this.pruneCursor, PRUNE_SERIES_PER_CALL)
      .map((r) => r.id);
    this.pruneCursor = series.length < PRUNE_SERIES_PER_CALL ? 0 : (series.at(-1) ?? 0);
    const del = this.db.prepare("DELETE FROM metric_points WHERE series_id = ? AND tier = ? AND ts < ?");
    const oldest = HISTORY_TIERS.at(-1)?.keepMs ?? 0;
    let deleted = 0;
    this.db.transaction(() => {
      for (const id of series)
        HISTORY_TIERS.forEach((t, tier) => {
          deleted += del.run(id, tier, now - t.keepMs).changes;
        });
      const gone = this.db
        .prepare(
          "DELETE FROM metric_series WHERE last_ts < ? AND NOT EXISTS (SELECT 1 FROM metric_points WHERE series_id = metric_series.id)",
        )
        .run(now - oldest);
      if (gone.changes) this.ids.clear();
    })();
    return deleted;
  }

  /** The series of one host whose container id, id prefix or name is `ref`, newest first. */
  findContainerSeries(hostId: string, ref: string): SeriesInfo[] {
    // An id prefix is hex of at least 4 characters, so nothing else can act as a pattern.
    const prefix = /^[0-9a-f]{4,64}$/.test(ref) ? `${ref}*` : "";
    const rows = this.db
      .prepare<[string, string, string, string], SeriesRow>(
        `SELECT * FROM metric_series WHERE host_id = ? AND kind = 'container'
           AND (container_id = ? OR name = ? OR container_id GLOB ?)
         ORDER BY last_ts DESC`,
      )
      .all(hostId, ref, ref.replace(/^\//, ""), prefix);
    return rows.map(toSeries);
  }

  /** Every container series of a compose service on a host: its containers across recreates. */
  serviceSeries(hostId: string, project: string, service: string): SeriesInfo[] {
    if (!project || !service) return [];
    return this.db
      .prepare<[string, string, string], SeriesRow>(
        "SELECT * FROM metric_series WHERE host_id = ? AND kind = 'container' AND project = ? AND service = ? ORDER BY first_ts",
      )
      .all(hostId, project, service)
      .map(toSeries);
  }

  hostSeries(hostId: string): SeriesInfo | undefined {
    const r = this.db
      .prepare<[string], SeriesRow>("SELECT * FROM metric_series WHERE host_id = ? AND kind = 'host'")
      .get(hostId);
    return r ? toSeries(r) : undefined;
  }

  /**
   * One metric of some series between two times, from the finest tier that still keeps `from` and
   * answers in at most MAX_POINTS buckets. Several series (a service's containers) are summed per bucket.
   */
  query(seriesIds: readonly number[], metric: HistoryMetric, from: number, to: number, now: number) {
    const fits = HISTORY_TIERS.findIndex(
      (t) => now - t.keepMs <= from && (to - from) / t.stepMs <= MAX_POINTS,
    );
    const chosen = fits === -1 ? HISTORY_TIERS.length - 1 : fits;
    const step = HISTORY_TIERS[chosen]?.stepMs ?? 10_000;
    const read = this.db.prepare<[number, number, number, number], PointRow>(
      "SELECT * FROM metric_points WHERE series_id = ? AND tier = ? AND ts >= ? AND ts < ? ORDER BY ts",
    );
    // What the chosen tier has not been rolled up to yet comes from the finest tier, folded into
    // the same buckets on the fly: the range runs up to now without a gap.
    const done = chosen === 0 ? to : Math.max(from, this.rolledUpTo(chosen) ?? from);
    const byTs = new Map<number, Point>();
    for (const id of seriesIds) {
      const own = new Map<number, Point>();
      for (const r of read.iterate(id, chosen, Math.floor(from / step) * step, Math.min(to, done)))
        own.set(r.ts ?? 0, pointFromRow(r, step));
      if (done < to)
        for (const r of read.iterate(id, 0, Math.max(done, Math.floor(from / step) * step), to)) {
          const p = pointFromRow(r, HISTORY_TIERS[0].stepMs);
          const bucket = Math.floor(p.ts / step) * step;
          const cur = own.get(bucket);
          if (!cur) own.set(bucket, { ...p, ts: bucket, m: structuredClone(p.m) });
          else mergePoint(cur, p);
        }
      for (const p of own.values()) {
        const have = byTs.get(p.ts);
        if (!have) byTs.set(p.ts, p);
        else addPoints(have, p);
      }
    }
    const points = [...byTs.values()].sort((a, b) => a.ts - b.ts).map((p) => metricOf(p, metric));
    return { points, stepMs: step };
  }

  /** One metric of a series' points in one tier, oldest first: for tests and benchmarks. */
  tierPoints(seriesId: number, tier: number, metric: HistoryMetric): HistoryPoint[] {
    const step = HISTORY_TIERS[tier]?.stepMs ?? 0;
    return this.db
      .prepare<[number, number], PointRow>(
        "SELECT * FROM metric_points WHERE series_id = ? AND tier = ? ORDER BY ts",
      )
      .all(seriesId, tier)
      .map((r) => metricOf(pointFromRow(r, step), metric));
  }

  /** How many points a series (or every series) holds in each tier. */
  countPoints(seriesId?: number): Record<number, number> {
    const rows = this.db
      .prepare<unknown[], { tier: number; c: number }>(
        `SELECT tier, count(*) AS c FROM metric_points ${seriesId === undefined ? "" : "WHERE series_id = ?"} GROUP BY tier`,
      )
      .all(...(seriesId === undefined ? [] : [seriesId]));
    return Object.fromEntries(rows.map((r) => [r.tier, r.c]));
  }
}

/** Two series' points at one instant, summed: the extremes and means add up, as replicas' usage does. */
function addPoints(into: Point, p: Point): void {
  for (const k of STORED) {
    const a = into.m[k];
    const b = p.m[k];
    const meanA = a.sum / into.n;
    const meanB = b.sum / p.n;
    a.min += b.min;
    a.max += b.max;
    a.last += b.last;
    a.sum = (meanA + meanB) * into.n;
  }
  into.limit += p.limit;
}
