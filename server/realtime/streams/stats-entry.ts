import { AppError } from "../../../lib/errors";
import type { StatsMode, StatsSample } from "../../../lib/realtime/events";
import type { AppContext } from "../../context";
import { resolveCounterFiles, type InspectForCgroup } from "../../engines/cgroup-local";
import { inspectContainer } from "../../engines/containers";
import { withRates, type StatsCounters } from "../../engines/stats-math";
import { rooms } from "../rooms";
import { openPodmanStats } from "../../engines/podman/stats-poll";
import { openEngineStream, type StatsSource } from "./stats-engine";
import type { LocalCollector } from "./stats-local";
import type { LocalEngineProbe } from "../../engines/local-probe";
import { Ring } from "./stats-ring";

export interface EntryDeps {
  app: AppContext;
  probe: LocalEngineProbe;
  collector: LocalCollector;
  historySize: number;
  /** Hands a sample to the hub, which sends it to the entry's room. */
  publish(entry: StatsEntry, sample: StatsSample): void;
}

export type InspectDoc = InspectForCgroup & {
  Name?: string | null;
  Config?: { Labels?: Record<string, string> | null; NetworkDisabled?: boolean | null } | null;
};

const MAX_RETRY_MS = 15_000;

/**
 * One container's stats: its history, its subscribers (socket ids) and its one source, which is either
 * an upstream engine stream or a slot in the local cgroup collector. Sources open only while the
 * container runs; a newer open or a stop supersedes an older open still in flight (`gen`).
 */
export class StatsEntry {
  readonly key: string;
  readonly room: string;
  readonly subscribers = new Set<string>();
  labels: Record<string, string> = {};
  name = "";
  mode: StatsMode = "engine";
  graceTimer?: NodeJS.Timeout;
  private inspect: InspectDoc = {};
  private running = false;
  private upstream?: StatsSource;
  private local = false;
  /** Local reading failed while the container ran: engine mode until it starts again. */
  private localRefused = false;
  /** Bumped by every open and every stop: an open still in flight gives up when it changed. */
  private gen = 0;
  /** Bumped by every stop only: a refresh in flight gives up when it changed. */
  private stops = 0;
  private failures = 0;
  private retryTimer?: NodeJS.Timeout;
  private closed = false;
  private readonly ring: Ring<StatsSample>;

  constructor(
    private readonly deps: EntryDeps,
    readonly hostId: string,
    readonly id: string,
  ) {
    this.key = `${hostId}/${id}`;
    this.room = rooms.stats(hostId, id);
    this.ring = new Ring(deps.historySize);
  }

  get hasUpstream(): boolean {
    return this.upstream !== undefined;
  }

  history(): StatsSample[] {
    return this.ring.toArray();
  }

  update(inspect: InspectDoc): void {
    this.inspect = inspect;
    this.labels = inspect.Config?.Labels ?? {};
    this.name = (inspect.Name ?? "").replace(/^\//, "");
    this.running = inspect.State?.Running === true;
  }

  /** Opens a source if the container runs and none is open; settles once the mode is decided. */
  async ensureOpen(): Promise<void> {
    if (this.closed || this.upstream || this.local) return;
    const gen = ++this.gen;
    const host = this.deps.app.hosts.find(this.hostId);
    if (!host) return;
    const engine = this.localRefused ? undefined : await this.deps.probe.forHost(host);
    if (gen !== this.gen || this.closed || this.upstream || this.local) return;
    // What a stopped container will use once it starts, so that the answer to a subscription is right.
    this.mode = engine ? "local" : "engine";
    if (!this.running) return;
    const ref = { hostId: this.hostId, containerId: this.id };
    if (engine) {
      try {
        const files = resolveCounterFiles(engine, this.inspect);
        this.deps.collector.add({
          key: this.key,
          ref,
          files,
          machineMemory: engine.machineMemory,
          sample: (s) => {
            this.failures = 0;
            this.emit(s, "local");
          },
          failed: (err) => this.localFailed(gen, err),
        });
        this.local = true;
        this.mode = "local";
        return;
      } catch {
        // Not readable from here (another machine, pid namespace or cgroup layout): the engine's stream.
      }
    }
    this.mode = "engine";
    // Podman streams one document per 5 s with CPU figures Docker's formula misreads (quirks stats-*).
    const open = host.isPodman ? openPodmanStats : openEngineStream;
    this.upstream = open(host, ref, {
      sample: (s) => {
        this.failures = 0;
        this.emit(s, "engine");
      },
      ended: () => {
        if (gen !== this.gen) return;
        this.upstream = undefined;
        this.scheduleRefresh();
      },
    });
  }

  /** Closes the source and forgets any open in flight. */
  stop(): void {
    this.gen++;
    this.stops++;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.upstream?.close();
    this.upstream = undefined;
    if (this.local) this.deps.collector.remove(this.key);
    this.local = false;
  }

  /** The container started (again): read its inspect afresh (a new pid) and reopen. */
  restarted(): void {
    this.localRefused = false;
    this.stop();
    void this.refresh();
  }

  stopped(): void {
    this.running = false;
    this.stop();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.graceTimer);
    this.stop();
  }

  /** Re-inspects and reopens; a failure leaves the entry waiting for a container or host event. */
  async refresh(): Promise<void> {
    if (this.closed) return;
    const stops = this.stops;
    const host = this.deps.app.hosts.find(this.hostId);
    if (!host?.isUp) return;
    try {
      const detail = await inspectContainer(host, this.id);
      if (stops !== this.stops || this.closed) return;
      this.update(detail.inspect);
      await this.ensureOpen();
    } catch (err) {
      if (stops !== this.stops || this.closed) return;
      if (err instanceof AppError && err.code === "NOT_FOUND") this.running = false;
      else if (!(err instanceof AppError && err.code === "ENGINE_UNREACHABLE")) this.scheduleRefresh();
    }
  }

  private scheduleRefresh(): void {
    if (this.closed || this.retryTimer) return;
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.refresh();
    }, delay);
    this.retryTimer.unref();
  }

  private localFailed(gen: number, err: Error): void {
    if (gen !== this.gen) return;
    this.local = false;
    // Until the next start: a container that still runs but cannot be read here goes to the engine.
    this.localRefused = true;
    void this.refresh().then(() => {
      if (this.upstream && !this.closed)
        console.error(
          `[stats] ${this.key}: local cgroup reading failed (${err.message}); using the engine stream`,
        );
    });
  }

  private emit(c: StatsCounters, mode: StatsMode): void {
    const sample = withRates(c, this.ring.last());
    sample.mode = mode;
    this.ring.push(sample);
    this.deps.publish(this, sample);
  }
}
