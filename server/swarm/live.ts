import { EventEmitter } from "node:events";
import { SWARM_EVENT_TYPES, type SwarmEvent, type SwarmTaskTransition } from "../../lib/swarm/types";
import { fieldIn, isOneOf } from "../../lib/parse";
import { createJsonLineParser } from "../engines/json-lines";
import type { HostConnection } from "../engines/host-connection";
import type { HostRegistry } from "../engines/host-registry";
import { inspectService, listTasks } from "./engine";
import type { EngineService, EngineTask } from "./engine-types";
import { swarmOf, swarmPresence } from "./presence";
import { updateCause } from "./update-cause";

/** What scope checks need beside a fact: the service's labels (undefined for whole-host objects). */
export interface Labelled<T> {
  fact: T;
  labels?: Record<string, string>;
}

export const POLL_MS = 500;
/** Polls after the update ended and every task settled, for anything the engine does last. */
const TRAILING_POLLS = 2;
/** How long, after the update ended, tasks are followed until they settle (old ones stop gracefully). */
const SETTLE_MS = 60_000;
const TERMINAL = new Set(["complete", "shutdown", "failed", "rejected", "orphaned", "remove"]);
/** An update that was asked for but never seen running is given up after this long. */
const START_GRACE_MS = 10_000;
const MAX_TRACK_MS = 15 * 60_000;
const ACTIVE = new Set(["updating", "rollback_started"]);
/** Polls in a row that may fail (a busy manager, a fail-over) before a follow is given up. */
const MAX_POLL_FAILURES = 10;

type Events = { event: [Labelled<SwarmEvent>]; task: [Labelled<SwarmTaskTransition>] };

/**
 * The swarm's live side for hosts someone watches: one event stream per watched manager host
 * (service, node, config and secret events), and a task poll for each service being updated, since
 * the engine tells nothing of tasks. Every fact goes out with the labels its scope check needs.
 */
export class SwarmLive extends EventEmitter<Events> {
  private readonly watchers = new Map<string, number>();
  private readonly streams = new Map<string, { destroy?: () => void }>();
  private readonly tracking = new Map<string, Promise<void>>();
  private readonly labels = new Map<string, Record<string, string>>();
  /** Why the last update of a service was rolled back or paused, as the engine said while it happened. */
  private readonly causes = new Map<string, string>();
  private closed = false;

  constructor(private readonly hosts: HostRegistry) {
    super();
    swarmPresence.on("change", this.onPresence);
  }

  private readonly onPresence = (host: HostConnection) => {
    if (this.hosts.find(host.spec.id) !== host) return;
    this.sync(host);
  };

  /** One more watcher of a host's swarm; the stream opens with the first. */
  watch(host: HostConnection): void {
    this.watchers.set(host.spec.id, (this.watchers.get(host.spec.id) ?? 0) + 1);
    this.sync(host);
  }

  unwatch(hostId: string): void {
    const n = (this.watchers.get(hostId) ?? 0) - 1;
    if (n > 0) this.watchers.set(hostId, n);
    else this.watchers.delete(hostId);
    const host = this.hosts.find(hostId);
    if (host) this.sync(host);
    else this.closeStream(hostId);
  }

  private sync(host: HostConnection): void {
    const id = host.spec.id;
    const wanted = !this.closed && (this.watchers.get(id) ?? 0) > 0 && swarmOf(host)?.manager === true;
    if (wanted && !this.streams.has(id)) this.openStream(host);
    if (!wanted) this.closeStream(id);
  }

  private openStream(host: HostConnection): void {
    const id = host.spec.id;
    const placeholder = {};
    this.streams.set(id, placeholder);
    const parse = createJsonLineParser((raw) => void this.onEngineEvent(host, raw));
    host.docker.getEvents({ filters: { type: [...SWARM_EVENT_TYPES] } }, (err, stream) => {
      if (this.streams.get(id) !== placeholder)
        return (stream as { destroy?: () => void } | undefined)?.destroy?.();
      if (err || !stream) {
        this.streams.delete(id);
        return;
      }
      const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
      this.streams.set(id, s);
      s.on("data", parse);
      const lost = () => {
        if (this.streams.get(id) !== s) return;
        this.streams.delete(id);
        // Reopened while someone still watches and the host is still a manager.
        setTimeout(() => this.sync(host), 1000).unref();
      };
      s.on("end", lost);
      s.on("error", lost);
      s.on("close", lost);
    });
  }

  private closeStream(hostId: string): void {
    const s = this.streams.get(hostId);
    this.streams.delete(hostId);
    s?.destroy?.();
  }

  private async onEngineEvent(host: HostConnection, raw: unknown): Promise<void> {
    const type = fieldIn(raw, "Type");
    if (!isOneOf(SWARM_EVENT_TYPES, type)) return;
    const actor = fieldIn(raw, "Actor");
    const attrs = (fieldIn(actor, "Attributes") ?? {}) as Record<string, string>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const id = str(fieldIn(actor, "ID"));
    const nano = fieldIn(raw, "timeNano");
    const event: SwarmEvent = {
      hostId: host.spec.id,
      type,
      action: str(fieldIn(raw, "Action")),
      id,
      ...(attrs.name ? { name: attrs.name } : {}),
      ...(attrs["updatestate.new"] ? { updateState: attrs["updatestate.new"] } : {}),
      ...(typeof nano === "number" ? { time: Math.floor(nano / 1e6) } : {}),
    };
    if (type !== "service") return void this.emit("event", { fact: event });
    const key = `${host.spec.id}/${id}`;
    if (event.action !== "remove") {
      const s = await inspectService(host, id).catch(() => undefined);
      if (s) this.labels.set(key, s.Spec?.Labels ?? {});
      if (s) this.noteCause(host.spec.id, s);
      if (s?.UpdateStatus?.State && ACTIVE.has(s.UpdateStatus.State)) void this.track(host, id);
    }
    this.emit("event", { fact: event, labels: this.labels.get(key) ?? {} });
    if (event.action === "remove") this.labels.delete(key);
  }

  /**
   * Follows a service's tasks while it updates or rolls back, telling every state change. `baseline`
   * is the task list from just before Wharf itself asked for the update, so no change is missed.
   */
  track(host: HostConnection, serviceId: string, baseline?: EngineTask[]): Promise<void> {
    const key = `${host.spec.id}/${serviceId}`;
    let run = this.tracking.get(key);
    if (!run) {
      run = this.poll(host, serviceId, baseline).finally(() => this.tracking.delete(key));
      this.tracking.set(key, run);
    }
    return run;
  }

  private async poll(host: HostConnection, serviceId: string, baseline?: EngineTask[]): Promise<void> {
    const seen = new Map<string, string>();
    for (const t of baseline ?? []) seen.set(t.ID, t.Status?.State ?? "");
    let first = !baseline;
    const started = Date.now();
    let sawActive = false;
    let endedAt: number | undefined;
    let trailing = 0;
    let failures = 0;
    while (!this.closed && Date.now() - started < MAX_TRACK_MS) {
      let service: EngineService | undefined;
      let tasks: EngineTask[] | undefined;
      try {
        [service, tasks] = await Promise.all([
          inspectService(host, serviceId),
          listTasks(host, { service: [serviceId] }),
        ]);
        failures = 0;
      } catch (e) {
        // A removed service ends the follow; a busy or failing-over manager is asked again.
        if ((e as { statusCode?: number }).statusCode === 404 || ++failures >= MAX_POLL_FAILURES) return;
        await new Promise((r) => setTimeout(r, POLL_MS).unref());
        continue;
      }
      const labels = service.Spec?.Labels ?? {};
      this.labels.set(`${host.spec.id}/${serviceId}`, labels);
      const updateState = service.UpdateStatus?.State;
      this.noteCause(host.spec.id, service, tasks);
      const ordered = [...tasks].sort((a, b) =>
        (a.Status?.Timestamp ?? "").localeCompare(b.Status?.Timestamp ?? ""),
      );
      for (const t of ordered) {
        const state = t.Status?.State ?? "";
        const before = seen.get(t.ID);
        seen.set(t.ID, state);
        if (first || before === state) continue;
        this.emit("task", {
          labels,
          fact: {
            hostId: host.spec.id,
            serviceId,
            taskId: t.ID,
            ...(t.Slot ? { slot: t.Slot } : {}),
            ...(t.NodeID ? { nodeId: t.NodeID } : {}),
            ...(before !== undefined ? { from: before } : {}),
            to: state,
            desiredState: t.DesiredState ?? "",
            ...(t.Status?.Message ? { message: t.Status.Message } : {}),
            ...(t.Status?.Err ? { error: t.Status.Err } : {}),
            ...(updateState ? { updateState } : {}),
            at: Date.now(),
          },
        });
      }
      first = false;
      const active = !!updateState && ACTIVE.has(updateState);
      const settled = tasks.every((t) =>
        t.DesiredState === "running"
          ? t.Status?.State === "running" || TERMINAL.has(t.Status?.State ?? "")
          : TERMINAL.has(t.Status?.State ?? ""),
      );
      if (active) {
        sawActive = true;
        endedAt = undefined;
        trailing = 0;
      } else if (sawActive || Date.now() - started > START_GRACE_MS) {
        endedAt ??= Date.now();
        if ((settled || Date.now() - endedAt > SETTLE_MS) && ++trailing > TRAILING_POLLS) return;
      }
      await new Promise((r) => setTimeout(r, POLL_MS).unref());
    }
  }

  /** Keeps why an update was rolled back or paused, and forgets it when a new update begins. */
  private noteCause(hostId: string, service: EngineService, tasks?: EngineTask[]): void {
    const key = `${hostId}/${service.ID}`;
    if (service.UpdateStatus?.State === "updating") return void this.causes.delete(key);
    const cause = updateCause(service, tasks, this.causes.get(key));
    if (cause) this.causes.set(key, cause);
  }

  /** Why the service's last update was rolled back or paused, when Wharf followed it. */
  causeOf(hostId: string, serviceId: string): string | undefined {
    return this.causes.get(`${hostId}/${serviceId}`);
  }

  close(): void {
    this.closed = true;
    swarmPresence.off("change", this.onPresence);
    for (const id of [...this.streams.keys()]) this.closeStream(id);
    this.removeAllListeners();
  }
}

const instances = new WeakMap<HostRegistry, SwarmLive>();

/** The one SwarmLive of a Wharf instance (routes start update tracking, the realtime layer fans out). */
export function swarmLiveOf(hosts: HostRegistry): SwarmLive {
  let live = instances.get(hosts);
  if (!live) instances.set(hosts, (live = new SwarmLive(hosts)));
  return live;
}
