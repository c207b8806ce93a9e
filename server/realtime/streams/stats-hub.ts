import { scopeAllowsHost, scopeAllowsLabels } from "../../../lib/permissions";
import type { HostStatusEvent, StatsSample, StatsSubscribed } from "../../../lib/realtime/events";
import { inspectInScope } from "../../scope/targets";
import type { Principal } from "../../auth/principal";
import type { AppContext } from "../../context";
import type { EngineContainerEvent } from "../../engines/engine-events";
import type { WharfIo, WharfSocket } from "../types";
import { SampleBatcher } from "./stats-batch";
import type { ContainerInspect } from "../../engines/engine-types";
import { StatsEntry } from "./stats-entry";
import { LocalCollector } from "./stats-local";
import { DEFAULT_LOCAL_PATHS, LocalEngineProbe, type LocalPaths } from "../../engines/local-probe";
import { matchRef } from "../match-ref";

export const DEFAULT_GRACE_MS = 30_000;
export const HISTORY_SIZE = 300;
/** How often subscriptions are re-checked against the socket's current scope. */
const SCOPE_SWEEP_MS = 2000;

export interface StatsHubOptions {
  graceMs?: number;
  historySize?: number;
  localPaths?: LocalPaths;
  /** Local cgroup mode's reading interval. */
  intervalMs?: number;
}

export interface StatsHubCounters {
  /** Open upstream engine stats streams. */
  upstream: number;
  /** Containers read from the local cgroup tree. */
  local: number;
  entries: number;
  subscriptions: number;
  /** Samples sent out since the hub started, each once however many subscribers it reached. */
  produced: number;
}

/**
 * One source per (host, container), shared through a socket.io room by every subscriber, kept for a
 * grace period after the last one leaves so that a quick return (a reload, a row scrolled back into
 * view) finds the stream and its history still there.
 */
export class StatsHub {
  private readonly entries = new Map<string, StatsEntry>();
  private readonly bySocket = new Map<string, Set<string>>();
  private readonly collector: LocalCollector;
  private readonly probe: LocalEngineProbe;
  private readonly graceMs: number;
  private readonly sweep: NodeJS.Timeout;
  private produced = 0;
  private readonly observers = new Set<(s: StatsSample, c: StatsEntry) => void>();
  private readonly batcher: SampleBatcher;

  constructor(
    private readonly app: AppContext,
    private readonly io: WharfIo,
    private readonly opts: StatsHubOptions = {},
  ) {
    const paths = opts.localPaths ?? DEFAULT_LOCAL_PATHS;
    this.graceMs = opts.graceMs ?? app.config.statsGraceMs ?? DEFAULT_GRACE_MS;
    this.batcher = new SampleBatcher(io);
    // A collector tick produces all its samples at once: send them at once rather than a batch later.
    this.collector = new LocalCollector(paths.procRoot, opts.intervalMs, () => this.batcher.flush());
    this.probe = new LocalEngineProbe(paths);
    app.hosts.on("container", this.onContainer);
    app.hosts.on("status", this.onStatus);
    this.sweep = setInterval(() => this.dropOutOfScope(), SCOPE_SWEEP_MS);
    this.sweep.unref();
  }

  async subscribe(socket: WharfSocket, p: Principal, hostId: string, ref: string): Promise<StatsSubscribed> {
    return this.subscribeResolved(socket, hostId, await inspectInScope(this.app, p, hostId, ref));
  }

  /** For a container the command wrapper already resolved in the caller's scope. */
  async subscribeResolved(
    socket: WharfSocket,
    hostId: string,
    { id, inspect }: { id: string; inspect: ContainerInspect },
  ): Promise<StatsSubscribed> {
    const key = `${hostId}/${id}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new StatsEntry(
        {
          app: this.app,
          probe: this.probe,
          collector: this.collector,
          historySize: this.opts.historySize ?? HISTORY_SIZE,
          publish: this.publish,
        },
        hostId,
        id,
      );
      this.entries.set(key, entry);
    }
    entry.update(inspect);
    clearTimeout(entry.graceTimer);
    if (socket.connected) {
      entry.subscribers.add(socket.id);
      let keys = this.bySocket.get(socket.id);
      if (!keys) this.bySocket.set(socket.id, (keys = new Set()));
      keys.add(key);
      // Joined before the history is read, in the same tick: no sample falls between the two.
      void socket.join(entry.room);
    }
    await entry.ensureOpen();
    if (!entry.subscribers.size) this.release(entry);
    return { history: entry.history(), containerId: id, mode: entry.mode };
  }

  /** Takes a full id, a unique prefix or a name, matched against this socket's own subscriptions. */
  unsubscribe(socket: WharfSocket, hostId: string, ref: string): void {
    const keys = [...(this.bySocket.get(socket.id) ?? [])]
      .map((k) => this.entries.get(k))
      .filter((e): e is StatsEntry => e?.hostId === hostId);
    for (const e of matchRef(keys, ref, (x) => ({ id: x.id, name: x.name }))) this.leave(socket.id, e);
  }

  disconnect(socket: WharfSocket): void {
    for (const key of this.bySocket.get(socket.id) ?? []) {
      const e = this.entries.get(key);
      if (e) this.leave(socket.id, e);
    }
    this.bySocket.delete(socket.id);
  }

  upstreamCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.hasUpstream) n++;
    return n;
  }

  counters(): StatsHubCounters {
    let subscriptions = 0;
    for (const e of this.entries.values()) subscriptions += e.subscribers.size;
    return {
      upstream: this.upstreamCount(),
      local: this.collector.size,
      entries: this.entries.size,
      subscriptions,
      produced: this.produced,
    };
  }

  close(): void {
    clearInterval(this.sweep);
    this.batcher.close();
    this.app.hosts.off("container", this.onContainer);
    this.app.hosts.off("status", this.onStatus);
    for (const e of this.entries.values()) e.close();
    this.entries.clear();
    this.bySocket.clear();
    this.collector.stop();
  }

  private readonly publish = (e: StatsEntry, sample: StatsSample) => {
    this.produced++;
    this.batcher.add(e.room, sample);
    for (const fn of this.observers) fn(sample, e);
  };

  /** Every sample the hub's streams produce, for the history: a watched container is not read twice. */
  observe(fn: (s: StatsSample, c: { name: string; labels: Record<string, string> }) => void): void {
    this.observers.add(fn);
  }

  private leave(socketId: string, e: StatsEntry): void {
    e.subscribers.delete(socketId);
    this.bySocket.get(socketId)?.delete(e.key);
    void this.io.of("/").sockets.get(socketId)?.leave(e.room);
    if (!e.subscribers.size) this.release(e);
  }

  /** Starts the grace period of an entry nobody watches any more. */
  private release(e: StatsEntry): void {
    clearTimeout(e.graceTimer);
    e.graceTimer = setTimeout(() => {
      if (e.subscribers.size || this.entries.get(e.key) !== e) return;
      e.close();
      this.entries.delete(e.key);
    }, this.graceMs);
    e.graceTimer.unref();
  }

  private readonly onContainer = (ev: EngineContainerEvent) => {
    const e = this.entries.get(`${ev.hostId}/${ev.containerId}`);
    if (!e) return;
    if (ev.action === "start") e.restarted();
    else if (ev.action === "die" || ev.action === "destroy") e.stopped();
  };

  private readonly onStatus = (ev: HostStatusEvent) => {
    this.probe.forget(ev.hostId);
    for (const e of this.entries.values()) {
      if (e.hostId !== ev.hostId) continue;
      // Down: the streams are dead anyway. Up: the engine may have restarted, with new pids.
      if (ev.status === "up") e.restarted();
      else e.stop();
    }
  };

  /** A socket whose scope no longer covers a container stops receiving its samples. */
  private dropOutOfScope(): void {
    const sockets = this.io.of("/").sockets;
    const gone: [string, StatsEntry][] = [];
    for (const e of this.entries.values()) {
      for (const sid of e.subscribers) {
        const scope = sockets.get(sid)?.data.principal?.scope;
        if (!scope || !scopeAllowsHost(scope, e.hostId) || !scopeAllowsLabels(scope, e.labels)) {
          gone.push([sid, e]);
        }
      }
    }
    for (const [sid, e] of gone) this.leave(sid, e);
  }
}
