import { healthOfStatus } from "../../../lib/status-health";
import type { ContainerSummary } from "../../../lib/types";
import { mapLimit } from "../../map-limit";
import type { ContainerInspect, ContainerListItem } from "../engine-types";
import { toContainerSummary } from "../containers";
import { stateOf, statusClockOf, statusText, type StatusClock } from "./container-status";

/** What the live list needs from one engine; the real one calls the engine, tests pass a fake. */
export interface ContainerSource {
  readonly hostId: string;
  /** `GET /containers/json?all=1`, of only these ids when given. */
  list(ids?: readonly string[]): Promise<ContainerListItem[]>;
  /** The inspect document, or undefined when the container is gone. */
  inspect(id: string): Promise<ContainerInspect | undefined>;
}

export interface LiveTiming {
  /** How long events are gathered before one engine call refreshes them all. */
  batchMs: number;
  /** The safety-net reconcile while the stream is open; 0 turns it off. */
  reconcileMs: number;
  /** First retry after a failed refresh; doubles up to 8× while failures repeat. */
  retryMs: number;
}

export const LIVE_TIMING: LiveTiming = { batchMs: 5, reconcileMs: 60_000, retryMs: 500 };

/** One container as held: the summary without its time-relative status, and what that status is written from. */
interface Entry {
  /** The engine's list item as it came, for what the summary leaves out (mounts, networks, image id). */
  raw: ContainerListItem;
  summary: Omit<ContainerSummary, "status">;
  /** Absent for a container never started ("Created"), whose status does not move. */
  clock?: StatusClock;
  /** The engine's own text, served when there is no clock (it does not move then). */
  status: string;
}

/** Ids per engine call when refreshing many: the id filter travels in the query string. */
const IDS_PER_CALL = 100;
const INSPECTS_IN_FLIGHT = 4;
/** How often, and how far apart, a container whose list row trails its inspect is fetched again. */
const RECHECKS = 10;
const RECHECK_MS = 50;

/**
 * One host's containers, kept in memory: a full list when the event stream opens, then one small
 * refresh per batch of events, a full reconcile after any gap and on a slow timer. The list is
 * served only while the stream is open and the state is reconciled; otherwise `ready` is false and
 * callers ask the engine, so a gap or an outage is never answered from a stale copy.
 */
export class LiveContainers {
  private readonly entries = new Map<string, Entry>();
  /** Containers whose list row trailed their inspect, with how often they were fetched again. */
  private readonly trailing = new Map<string, number>();
  private dirty = new Set<string>();
  private wantFull = false;
  private pumping?: Promise<void>;
  private batchTimer?: NodeJS.Timeout;
  private reconcileTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  /** Changes whenever the stream opens or closes; a fetch started under an older epoch is dropped. */
  private epoch = 0;
  private streamOpen = false;
  private synced = false;
  private readonly waiters = new Set<() => void>();
  /** Events waiting for the refresh that makes them true, so listeners never see them early. */
  private held: (() => void)[] = [];

  constructor(
    private readonly source: ContainerSource,
    private readonly timing: LiveTiming = LIVE_TIMING,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Reconciled and following the stream: the list may be served from memory. */
  get ready(): boolean {
    return this.streamOpen && this.synced;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The stream opened (at connect or after a gap): reconcile everything against the engine. */
  open(): void {
    this.epoch++;
    this.streamOpen = true;
    this.synced = false;
    this.failures = 0;
    this.wantFull = true;
    this.kick(0);
    this.armReconcile();
  }

  /**
   * The stream closed. After a gap the entries stay as a base for the next reconcile (their start
   * times spare inspect calls) but are not served; when the host is down they are dropped.
   */
  close(hostDown: boolean): void {
    this.epoch++;
    this.streamOpen = false;
    this.synced = false;
    this.dirty.clear();
    this.wantFull = false;
    clearTimeout(this.batchTimer);
    clearTimeout(this.reconcileTimer);
    clearTimeout(this.retryTimer);
    if (hostDown) this.entries.clear();
    this.trailing.clear();
    this.release();
  }

  /**
   * An engine event about one container. `deliver` runs once the state reflects it (or at once
   * when the state is not followed), so whoever hears of the event and then lists sees the change.
   */
  apply(containerId: string, deliver?: () => void): void {
    if (!this.streamOpen) return deliver?.();
    this.dirty.add(containerId);
    if (deliver) this.held.push(deliver);
    this.kick(this.timing.batchMs);
  }

  /** Something may have changed every container's listing (an image was retagged or removed). */
  reconcileSoon(): void {
    if (!this.streamOpen) return;
    this.wantFull = true;
    this.kick(this.timing.batchMs);
  }

  /**
   * Wharf itself changed this container (by full id, unique id prefix or name, as the engine takes
   * it): refresh it now, and resolve once that is in the state. A ref the state does not know (a
   * container just made) is found by reconciling the whole list.
   */
  touch(ref: string): Promise<boolean> {
    if (!this.streamOpen) return Promise.resolve(true);
    const id = this.resolve(ref);
    if (id) this.dirty.add(id);
    else this.wantFull = true;
    this.kick(0);
    return this.settled();
  }

  /**
   * Resolves true when every change heard so far is in the state, at once when the state is not
   * followed, and false when `timeoutMs` passes first (an engine call hangs: ask the engine instead).
   */
  settled(timeoutMs = 2000): Promise<boolean> {
    if (!this.busy()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.waiters.add(done);
    });
  }

  private resolve(ref: string): string | undefined {
    if (this.entries.has(ref)) return ref;
    let found: string | undefined;
    for (const [id, e] of this.entries) {
      if (e.summary.name === ref) return id;
      if (id.startsWith(ref)) {
        if (found) return undefined;
        found = id;
      }
    }
    return found;
  }

  /** The containers as the engine would list them now, status text included. */
  list(now: number = Date.now()): ContainerSummary[] {
    const out: ContainerSummary[] = [];
    for (const id of this.entries.keys()) {
      const row = this.row(id, now);
      if (row) out.push(row);
    }
    return out;
  }

  /** One container's row now, or undefined when the state does not hold it. */
  row(id: string, now: number = Date.now()): ContainerSummary | undefined {
    const e = this.entries.get(id);
    return e && { ...e.summary, status: e.clock ? statusText(e.clock, now) : e.status };
  }

  /**
   * The running containers with their health, without writing each one's status text: for checks
   * that walk every container every second.
   */
  *running(): Generator<{ summary: Omit<ContainerSummary, "status">; health?: string }> {
    for (const e of this.entries.values())
      if (e.summary.state === "running")
        yield { summary: e.summary, health: e.clock ? e.clock.health : healthOfStatus(e.status) };
  }

  /** The engine's list items as last fetched; their `Status` text is as old as the fetch. */
  rawList(): ContainerListItem[] {
    return [...this.entries.values()].map((e) => e.raw);
  }

  private busy(): boolean {
    return this.streamOpen && (!this.synced || this.wantFull || this.dirty.size > 0 || !!this.pumping);
  }

  private kick(delayMs: number): void {
    if (this.pumping) return; // the running pump loops until nothing is left
    clearTimeout(this.batchTimer);
    if (delayMs <= 0) {
      this.batchTimer = undefined;
      setImmediate(() => void this.pump());
      return;
    }
    this.batchTimer = setTimeout(() => void this.pump(), delayMs);
    this.batchTimer.unref();
  }

  private pump(): Promise<void> {
    if (this.pumping) return this.pumping;
    const run = async () => {
      const epoch = this.epoch;
      // Events heard before a fetch starts are answered by it; later ones wait for the next.
      let answered: (() => void)[] = [];
      try {
        while (this.epoch === epoch && this.streamOpen && (this.wantFull || this.dirty.size > 0)) {
          answered = this.held;
          this.held = [];
          if (this.wantFull) {
            this.wantFull = false;
            this.dirty.clear();
            await this.reconcile(epoch);
            if (this.epoch === epoch) this.synced = true;
          } else {
            const ids = [...this.dirty];
            this.dirty.clear();
            await this.refresh(ids, epoch);
          }
          this.failures = 0;
          for (const deliver of answered.splice(0)) deliver();
        }
      } catch (err) {
        if (this.epoch === epoch) this.retry(err);
        // Not served until reconciled again, so the list asks the engine: the news may go out now.
        for (const deliver of answered.splice(0)) deliver();
      } finally {
        this.pumping = undefined;
        if (this.epoch === epoch && (this.wantFull || this.dirty.size > 0) && !this.retryTimer) this.kick(0);
        this.release();
      }
    };
    // Started after the assignment, so a run with nothing to do cannot finish before it is recorded.
    this.pumping = Promise.resolve().then(run);
    return this.pumping;
  }

  /** A failed engine call: not served until a full reconcile succeeds; retried with backoff. */
  private retry(err: unknown): void {
    this.failures++;
    this.synced = false;
    this.wantFull = true;
    this.onError(err);
    clearTimeout(this.retryTimer);
    const delay = this.timing.retryMs * 2 ** Math.min(3, this.failures - 1);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick(0);
    }, delay);
    this.retryTimer.unref();
  }

  /** Wakes the waiters once nothing is pending, and hands out events that can no longer be made true. */
  private release(): void {
    if (!this.streamOpen) {
      const held = this.held;
      this.held = [];
      for (const deliver of held) deliver();
    }
    if (this.busy() && !this.retryTimer) return;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w();
  }

  private armReconcile(): void {
    clearTimeout(this.reconcileTimer);
    if (!this.timing.reconcileMs) return;
    this.reconcileTimer = setInterval(() => this.reconcileSoon(), this.timing.reconcileMs);
    this.reconcileTimer.unref();
  }

  /** The whole list; inspects only containers whose status text the held clock no longer explains. */
  private async reconcile(epoch: number): Promise<void> {
    const items = await this.source.list();
    const now = Date.now();
    const fresh = new Map<string, Entry>();
    const needClock: string[] = [];
    for (const item of items) {
      const summary = this.summaryOf(item);
      const old = this.entries.get(summary.id);
      const status = item.Status ?? "";
      const keep = old?.clock && old.summary.state === summary.state && statusText(old.clock, now) === status;
      fresh.set(summary.id, { raw: item, summary, status, ...(keep ? { clock: old.clock } : {}) });
      if (!keep && summary.state !== "created") needClock.push(summary.id);
    }
    await this.fillClocks(fresh, needClock, epoch);
    if (this.epoch !== epoch) return;
    this.entries.clear();
    for (const [id, e] of fresh) this.entries.set(id, e);
  }

  private async refresh(ids: readonly string[], epoch: number): Promise<void> {
    const found = new Map<string, Entry>();
    for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
      for (const item of await this.source.list(ids.slice(i, i + IDS_PER_CALL))) {
        const summary = this.summaryOf(item);
        found.set(summary.id, { raw: item, summary, status: item.Status ?? "" });
      }
    }
    // Every refreshed container is inspected: the list's copy of a container can trail its event.
    await this.fillClocks(found, [...found.keys()], epoch);
    if (this.epoch !== epoch) return;
    // The engine's id filter matches prefixes: only the ids asked for are taken, and those not found are gone.
    for (const id of ids) {
      const e = found.get(id);
      if (e) this.entries.set(id, e);
      else this.entries.delete(id);
    }
  }

  /**
   * Inspects the containers for their clocks. The engine logs some events (die above all) before
   * its list has caught up, so the state is taken from inspect, which is current; a container whose
   * list row still disagrees is fetched again shortly, for the fields only the list has (ports).
   */
  private async fillClocks(into: Map<string, Entry>, ids: readonly string[], epoch: number): Promise<void> {
    const trailing: string[] = [];
    await mapLimit(ids, INSPECTS_IN_FLIGHT, async (id) => {
      if (this.epoch !== epoch) return;
      const doc = await this.source.inspect(id);
      const e = into.get(id);
      if (!e) return;
      if (!doc) return void into.delete(id);
      e.clock = statusClockOf(doc);
      const state = stateOf(e.clock);
      if (state !== e.summary.state) {
        e.summary = { ...e.summary, state };
        trailing.push(id);
      } else this.trailing.delete(id);
    });
    if (this.epoch === epoch) for (const id of trailing) this.recheck(id);
  }

  /** Fetches a container again after a moment, a few times at most, until its list row has caught up. */
  private recheck(id: string): void {
    const tries = (this.trailing.get(id) ?? 0) + 1;
    if (tries > RECHECKS) return void this.trailing.delete(id);
    this.trailing.set(id, tries);
    const epoch = this.epoch;
    const timer = setTimeout(() => {
      if (this.epoch !== epoch || !this.trailing.has(id)) return;
      this.dirty.add(id);
      this.kick(0);
    }, RECHECK_MS);
    timer.unref();
  }

  private summaryOf(item: ContainerListItem): Omit<ContainerSummary, "status"> {
    const { status: _status, ...summary } = toContainerSummary(this.source.hostId, item);
    return summary;
  }
}
