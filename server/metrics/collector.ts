import type { StatsSample } from "../../lib/realtime/events";
import type { ContainerSummary } from "../../lib/types";
import type { EngineContainerEvent } from "../engines/engine-events";
import type { HostConnection } from "../engines/host-connection";
import type { HostRegistry } from "../engines/host-registry";
import { mapLimit } from "../map-limit";
import { HISTORY_TIERS } from "../../lib/metrics";
import type { HistoryStore, SeriesIdentity } from "./history-store";
import { addSample, newPoint, sumValues, valuesOf, type Point, type Values } from "./point";
import type { ContainerSampler } from "./sampler";

export const DEFAULT_COLLECT_MS = 10_000;
/**
 * Readings in flight per host at once. The engine answers a one-shot stats call on its collector's
 * next one-second tick, whoever asks, so a reading is mostly waiting: enough in flight to read a
 * few hundred containers within the interval, few enough that a large host is not asked all at once.
 */
const PER_HOST = 32;
/**
 * Over SSH each reading in flight holds a channel, and a remote `docker system dial-stdio`, of the
 * host's few SSH connections; eight is one connection's worth.
 */
const PER_SSH_HOST = 8;

const STEP = HISTORY_TIERS[0].stepMs;
/** Longest quiet spell of a live stream that still counts as covering a container. */
const STREAM_GAP_MS = 3000;
const PROJECT = "com.docker.compose.project";
const SERVICE = "com.docker.compose.service";

/** What a reading needs of a container. */
type Subject = Pick<ContainerSummary, "id" | "name" | "labels">;

export interface CollectorCounters {
  ticks: number;
  /** Containers read by the collector itself (not those the live view's stream already covered). */
  read: number;
  /** Samples taken from live views' streams instead. */
  observed: number;
  /** Readings not made because a live view's stream covered the container. */
  skipped: number;
  failed: number;
  written: number;
  lastTickMs: number;
}

interface Open {
  seriesId: number;
  point: Point;
}

/** A series' most recent sample, for /metrics: values as stored, the memory limit, when. */
export interface Latest {
  id: SeriesIdentity;
  values: Values;
  limit: number;
  ts: number;
}

/**
 * Samples every running container of every host, whether or not anyone watches, into the history:
 * one reading per container per interval (the host's cgroup files, or the engine's one-shot stats).
 * While a live view streams a container, its samples are folded in instead and the collector does
 * not ask the engine again. Each tick also sums a host's containers into its totals and runs a
 * bounded share of the store's rollup and pruning.
 */
export class MetricsCollector {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly open = new Map<string, Open>();
  private readonly pending: Open[] = [];
  /** Each series' most recent sample, by `host/kind/container`. */
  readonly latest = new Map<string, Latest>();
  /** When a live view's stream last gave a sample of each container. */
  private readonly observedAt = new Map<string, number>();
  readonly counters: CollectorCounters = {
    ticks: 0,
    skipped: 0,
    read: 0,
    observed: 0,
    failed: 0,
    written: 0,
    lastTickMs: 0,
  };

  constructor(
    private readonly hosts: HostRegistry,
    private readonly store: HistoryStore,
    private readonly sampler: ContainerSampler,
    /** How often every running container is read; 0 turns collection off. */
    readonly intervalMs = DEFAULT_COLLECT_MS,
    private readonly now: () => number = Date.now,
  ) {
    hosts.on("container", this.onContainer);
  }

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** One round over every host; a round still running when the next is due is not doubled. */
  tick(): Promise<void> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A sample a live view's stream produced: it joins the history, and the engine is not asked again. */
  observe(s: StatsSample, c: { name: string; labels: Record<string, string> }): void {
    const v = valuesOf(s);
    this.observedAt.set(`${s.hostId}/${s.containerId}`, this.now());
    if (!v) return;
    this.counters.observed++;
    this.fold(this.identity(s.hostId, s.containerId, c.name, c.labels), v, s.memoryLimitBytes, s.ts);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.hosts.off("container", this.onContainer);
    await this.running?.catch(() => undefined);
    // What was sampled is written, finished bucket or not.
    this.pending.push(...this.open.values());
    this.open.clear();
    this.flush(Infinity);
    this.sampler.close();
  }

  private async round(): Promise<void> {
    const started = this.now();
    const hosts = this.hosts.ids().flatMap((id) => this.hosts.find(id) ?? []);
    await Promise.all(hosts.map((h) => this.collectHost(h, started)));
    const now = this.now();
    this.flush(now);
    try {
      this.store.rollup(now);
      this.store.prune(now);
    } catch (err) {
      console.error("[metrics] rollup or pruning failed:", err);
    }
    this.counters.ticks++;
    this.counters.lastTickMs = now - started;
  }

  private async collectHost(host: HostConnection, now: number): Promise<void> {
    const live = host.live.containers;
    if (!host.isUp || !live.ready) return;
    const hostId = host.spec.id;
    const running = [...live.running()].map((r) => r.summary);
    const runningIds = new Set(running.map((c) => c.id));
    this.sampler.retain(hostId, runningIds);
    for (const [key, l] of this.latest)
      if (l.id.hostId === hostId && l.id.kind === "container" && !runningIds.has(l.id.containerId))
        this.latest.delete(key);
    const values: Values[] = [];
    await mapLimit(running, host.spec.kind === "ssh" ? PER_SSH_HOST : PER_HOST, async (c) => {
      const key = `${hostId}/${c.id}`;
      const seen = this.observedAt.get(key);
      // A stream gives a sample about every second: one seen lately covers this round.
      if (seen !== undefined && now - seen < Math.max(this.intervalMs, STREAM_GAP_MS)) {
        this.counters.skipped++;
        // The stream's newest sample stands for the container in the host's totals.
        const streamed = this.latest.get(`${hostId}/container/${c.id}`);
        if (streamed) values.push(streamed.values);
        return;
      }
      this.observedAt.delete(key);
      const v = await this.readOne(host, c, now);
      if (v) values.push(v);
    });
    // The host's totals: what its containers used in this round.
    if (values.length || running.length === 0) {
      const total = sumValues(values);
      const id: SeriesIdentity = {
        kind: "host",
        hostId,
        containerId: "",
        name: host.spec.name,
        project: "",
        service: "",
        labels: {},
      };
      this.fold(id, total, 0, now);
    }
  }

  private async readOne(host: HostConnection, c: Subject, now: number): Promise<Values | undefined> {
    try {
      const s = await this.sampler.read(host, c, now);
      this.counters.read++;
      const v = s && valuesOf(s);
      if (s && v) this.fold(this.identity(host.spec.id, c.id, c.name, c.labels), v, s.memoryLimitBytes, s.ts);
      return v;
    } catch {
      // Stopped between the list and the reading, or the engine is busy: the next round tries again.
      this.counters.failed++;
      this.sampler.forget(host.spec.id, c.id);
      return undefined;
    }
  }

  private identity(hostId: string, containerId: string, name: string, labels: Record<string, string>) {
    return {
      kind: "container" as const,
      hostId,
      containerId,
      name,
      project: labels[PROJECT] ?? "",
      service: labels[SERVICE] ?? "",
      labels,
    };
  }

  /** Adds a sample to its series' open 10 s bucket; a bucket the sample has moved past is set to be written. */
  private fold(id: SeriesIdentity, v: Values, limit: number, ts: number): void {
    const key = `${id.hostId}/${id.kind}/${id.containerId}`;
    this.latest.set(key, { id, values: v, limit, ts });
    const bucket = Math.floor(ts / STEP) * STEP;
    const cur = this.open.get(key);
    if (cur && cur.point.ts === bucket) {
      addSample(cur.point, v, limit, ts);
      return;
    }
    if (cur) this.pending.push(cur);
    this.open.set(key, { seriesId: this.store.seriesId(id, ts), point: newPoint(bucket, v, limit, ts) });
  }

  /** Writes the buckets that are done: those moved past, and open ones whose time is over. */
  private flush(now: number): void {
    for (const [key, o] of this.open)
      if (o.point.ts + 2 * STEP <= now) {
        this.pending.push(o);
        this.open.delete(key);
      }
    if (!this.pending.length) return;
    const batch = this.pending.splice(0);
    try {
      this.store.write(batch);
      this.counters.written += batch.length;
    } catch (err) {
      console.error("[metrics] writing the history failed:", err);
    }
  }

  private readonly onContainer = (e: EngineContainerEvent) => {
    if (e.action === "start" || e.action === "die" || e.action === "destroy") {
      this.sampler.forget(e.hostId, e.containerId);
      this.observedAt.delete(`${e.hostId}/${e.containerId}`);
    }
  };
}
