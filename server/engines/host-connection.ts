import { EventEmitter } from "node:events";
import type { ContainerEvent, HostStatusEvent } from "../../lib/realtime/events";
import type { HostStatus, HostSummary } from "../../lib/types";
import type { DisabledCapability, EngineIdentity, HostCapability } from "../../lib/engine-kind";
import {
  closeDockerClient,
  createDockerClient,
  engineInfo,
  engineVersion,
  pingEngine,
  type DockerClient,
} from "./docker-client";
import { engineIdentity, podmanFacts } from "./podman/detect";
import { podmanEvent } from "./podman/fixups";
import { disabledCapabilities } from "./podman/quirks";
import { changesListing, toContainerEvent, type EngineContainerEvent } from "./engine-events";
import { withDeadline } from "./engine-call";
import { engineMessage } from "./engine-error";
import type { HostSpec } from "./host-spec";
import { createJsonLineParser } from "./json-lines";
import { EventRing, STREAM_EVENT_TYPES, toEngineEventItem } from "./system-events";
import type { EngineEventItem } from "../../lib/system";
import { createHostLive, engineEventSeen, streamClosed, streamOpened, type HostLive } from "./live/host-live";
import { LIVE_TIMING, type LiveTiming } from "./live/live-containers";

export interface HealthTiming {
  /** Ping interval while up. */
  upIntervalMs: number;
  /** First retry delay while down; doubles up to maxBackoffMs. */
  minBackoffMs: number;
  maxBackoffMs: number;
  pingTimeoutMs: number;
  /**
   * The deadline of the first contact, while the host is still "connecting" (pingTimeoutMs when
   * unset). Over SSH it carries the handshake and the remote CLI's start as well; on a busy machine
   * that outlasts a ping, and a host should not be shown down before it was ever reached.
   */
  connectTimeoutMs?: number;
}

export const DEFAULT_TIMING: HealthTiming = {
  upIntervalMs: 2000,
  minBackoffMs: 500,
  maxBackoffMs: 4000,
  pingTimeoutMs: 3000,
  connectTimeoutMs: 10_000,
};

/** Pings an up host may miss in a row while its event stream stays open, before it is down. */
export const MISSED_PINGS_TOLERATED = 2;

export function backoffDelay(failures: number, t: HealthTiming): number {
  return Math.min(t.maxBackoffMs, t.minBackoffMs * 2 ** Math.max(0, failures - 1));
}

type Events = { status: [HostStatusEvent]; container: [ContainerEvent]; engine: [EngineEventItem] };

/**
 * One engine: its dockerode client, its health (ping with backoff) and its event stream.
 * A failure here only ever changes this host's status; it never throws into other hosts.
 */
export class HostConnection extends EventEmitter<Events> {
  /** The client of the address in use: the spec's own, or after a fail-over one of `spec.failover`. */
  private client: DockerClient;
  /** The fail-over address in use; undefined on the spec's own. */
  private via?: HostSpec;
  /** Set by a fail-over: the next check reads the engine afresh and reopens its stream. */
  private switched = false;
  /** Recent events of every kind, from the same stream, for the host's events view. */
  readonly recentEvents = new EventRing();
  /** The host's objects as held in memory, following the event stream. */
  readonly live: HostLive;
  private status: HostStatus = "connecting";
  private since = Date.now();
  private error?: string;
  private engineVersion?: string;
  private apiVersion?: string;
  private engineId?: EngineIdentity;
  private disabled: DisabledCapability[] = [];
  private failures = 0;
  /** Pings missed in a row while the event stream stayed open. */
  private missedPings = 0;
  private timer?: NodeJS.Timeout;
  private checking = false;
  private stopped = false;
  private events?: NodeJS.ReadableStream & { destroy?: () => void };
  private eventsLostAt?: number;

  constructor(
    readonly spec: HostSpec,
    private readonly timing: HealthTiming = DEFAULT_TIMING,
    docker?: DockerClient,
    liveTiming: LiveTiming = LIVE_TIMING,
  ) {
    super();
    this.client = docker ?? createDockerClient(spec);
    this.live = createHostLive(this, liveTiming);
  }

  get docker(): DockerClient {
    return this.client;
  }

  summary(): HostSummary {
    return {
      id: this.spec.id,
      name: this.spec.name,
      kind: this.spec.kind,
      status: this.status,
      since: this.since,
      source: this.spec.source ?? "config",
      url: this.spec.url,
      ...(this.via ? { via: this.via.url } : {}),
      ...(this.engineVersion ? { engineVersion: this.engineVersion } : {}),
      ...(this.apiVersion ? { apiVersion: this.apiVersion } : {}),
      ...(this.engineId ? { engine: this.engineId } : {}),
      ...(this.disabled.length ? { disabled: this.disabled } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Docker or Podman, once the host has been reached; Podman's quirks are handled on that. */
  get engine(): EngineIdentity | undefined {
    return this.engineId;
  }

  /** Why the engine cannot do `capability`, when it cannot (a Podman quirk that applies). */
  cannot(capability: HostCapability): DisabledCapability | undefined {
    return this.disabled.find((d) => d.capability === capability);
  }

  get isPodman(): boolean {
    return this.engineId?.kind === "podman";
  }

  get isUp(): boolean {
    return this.status === "up";
  }

  /** Whether the event stream is open now, so `recentEvents` is being kept up to date. */
  get eventsOpen(): boolean {
    return this.events !== undefined;
  }

  start(): void {
    this.stopped = false;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.closeEvents();
    streamClosed(this.live, true);
    closeDockerClient(this.docker);
  }

  /** Re-checks at once, e.g. when a call or the event stream fails. */
  checkNow(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    void this.check();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(true), ms);
    this.timer.unref();
  }

  private async check(scheduled = false): Promise<void> {
    if (this.checking || this.stopped) return;
    this.checking = true;
    try {
      const deadline =
        this.status === "connecting"
          ? Math.max(this.timing.pingTimeoutMs, this.timing.connectTimeoutMs ?? 0)
          : this.timing.pingTimeoutMs;
      await withDeadline(deadline, (signal) => pingEngine(this.docker, signal));
      this.missedPings = 0;
      if (this.status !== "up" || this.switched) {
        this.switched = false;
        const v = await withDeadline(deadline, (signal) => engineVersion(this.docker, signal));
        this.engineVersion = v.Version;
        this.apiVersion = v.ApiVersion;
        this.engineId = engineIdentity(v);
        // Which of Podman's limits apply depends on how it runs (rootless, cgroup version).
        this.disabled =
          this.engineId.kind === "podman"
            ? disabledCapabilities(
                podmanFacts(await withDeadline(deadline, (s) => engineInfo(this.docker, s))),
              )
            : [];
        this.failures = 0;
        this.openEvents();
        this.setStatus("up");
      } else if (scheduled && !this.events) {
        // A lost stream is reopened on the next scheduled check, not at once, so a refusing engine cannot
        // loop; `since` replays what happened in between from the engine's own event buffer.
        this.openEvents(this.eventsLostAt);
      }
      this.schedule(this.timing.upIntervalMs);
    } catch (err) {
      // An open event stream is a live connection to the engine: a ping lost to a slow handshake (SSH
      // on a loaded machine) is not an outage. An engine that dies ends the stream, and then the first
      // failed ping counts.
      if (this.status === "up" && this.events && this.missedPings < MISSED_PINGS_TOLERATED) {
        this.missedPings++;
        this.schedule(this.timing.minBackoffMs);
        return;
      }
      // Another manager of the same cluster answers: carry on through it, as the same host.
      if (await this.failOver()) {
        this.closeEvents();
        this.switched = true;
        this.schedule(0);
        return;
      }
      this.failures++;
      this.closeEvents();
      // A host that is down has no list: nothing it held may be served as if live.
      streamClosed(this.live, true);
      this.setStatus("down", err instanceof Error ? engineMessage(err) : String(err));
      this.schedule(backoffDelay(this.failures, this.timing));
    } finally {
      this.checking = false;
    }
  }

  /**
   * Tries the host's other addresses (the spec's own first, when on a fail-over one), and moves to
   * the first that answers a ping. Answers whether it moved.
   */
  private async failOver(): Promise<boolean> {
    const failover = this.spec.failover;
    if (!failover?.length || this.stopped) return false;
    const current = this.via ?? this.spec;
    for (const next of [this.spec, ...failover]) {
      if (next === current) continue;
      const client = createDockerClient(next);
      try {
        await withDeadline(this.timing.pingTimeoutMs, (signal) => pingEngine(client, signal));
      } catch {
        closeDockerClient(client);
        continue;
      }
      if (this.stopped) {
        closeDockerClient(client);
        return false;
      }
      const old = this.client;
      this.client = client;
      this.via = next === this.spec ? undefined : next;
      closeDockerClient(old);
      console.warn(`[hosts] ${this.spec.id}: ${current.url} stopped answering; now through ${next.url}`);
      return true;
    }
    return false;
  }

  private setStatus(status: HostStatus, error?: string): void {
    const changed = status !== this.status || error !== this.error;
    if (status !== this.status) this.since = Date.now();
    this.status = status;
    this.error = error;
    if (!changed) return;
    this.emit("status", {
      hostId: this.spec.id,
      status,
      ...(error ? { error } : {}),
      ...(status === "up"
        ? {
            engineVersion: this.engineVersion,
            apiVersion: this.apiVersion,
            ...(this.engineId ? { engine: this.engineId } : {}),
            ...(this.disabled.length ? { disabled: this.disabled } : {}),
          }
        : {}),
    });
  }

  private openEvents(sinceMs?: number): void {
    this.closeEvents();
    const since = sinceMs === undefined ? {} : { since: Math.floor(sinceMs / 1000) };
    const parse = createJsonLineParser((raw) => {
      const obj = this.isPodman ? podmanEvent(raw) : raw;
      const e = toContainerEvent(this.spec.id, obj);
      // A change is told once the live list shows it, so whoever lists on hearing it sees it.
      if (e && changesListing(e.action)) this.live.containers.apply(e.containerId, () => this.emitChange(e));
      else if (e) this.emit("container", e);
      const item = toEngineEventItem(this.spec.id, obj);
      if (item) {
        this.recentEvents.push(item);
        this.emit("engine", item);
        engineEventSeen(this.live, item);
      }
    });
    this.docker.getEvents({ ...since, filters: { type: [...STREAM_EVENT_TYPES] } }, (err, stream) => {
      if (err || !stream) {
        this.checkNow();
        return;
      }
      if (this.stopped || this.status === "down") {
        (stream as { destroy?: () => void }).destroy?.();
        return;
      }
      this.closeEvents();
      // Without a replay, what happened before now is not in the ring. The loss time is kept until a
      // stream is open, so a reopen that fails still replays from the first loss on the next try.
      if (sinceMs === undefined) this.recentEvents.restart(Date.now());
      this.eventsLostAt = undefined;
      this.events = stream;
      stream.on("data", parse);
      streamOpened(this.live);
      const lost = () => {
        if (this.events !== stream) return;
        this.events = undefined;
        this.eventsLostAt = Date.now();
        streamClosed(this.live, false);
        this.checkNow();
      };
      stream.on("end", lost);
      stream.on("close", lost);
      stream.on("error", lost);
    });
  }

  /** A container change, with its row after the change when the live list holds the truth. */
  private emitChange(e: EngineContainerEvent): void {
    const live = this.live.containers;
    this.emit("container", live.ready ? { ...e, container: live.row(e.containerId) ?? null } : e);
  }

  private closeEvents(): void {
    const s = this.events;
    this.events = undefined;
    if (s) streamClosed(this.live, false);
    s?.destroy?.();
  }
}
