import { ENGINE_OBJECT_TYPES, type EngineObjectEvent } from "../../lib/realtime/events";
import type { EngineEventItem } from "../../lib/system";
import { isOneOf } from "../../lib/parse";
import { readEngineEvent } from "./engine-events";

/** Kinds the shared event stream asks the engine for (swarm kinds only exist on managers). */
export const STREAM_EVENT_TYPES = ["container", "image", "volume", "network", "daemon", "plugin"] as const;

/** One object from the engine's /events stream in Wharf's shape, or undefined when it is not an event. */
export function toEngineEventItem(hostId: string, raw: unknown): EngineEventItem | undefined {
  const e = readEngineEvent(raw);
  if (!e) return undefined;
  const attributes = e.attributes ?? {};
  return {
    hostId,
    time: e.time ?? 0,
    type: e.type,
    action: e.action,
    id: e.id,
    ...(attributes.name ? { name: attributes.name } : {}),
    attributes,
  };
}

/** The browser's `engine:event` for a volume, network or image event; undefined for other kinds. */
export function toObjectEvent(e: EngineEventItem): EngineObjectEvent | undefined {
  const type = e.type;
  if (!isOneOf(ENGINE_OBJECT_TYPES, type)) return undefined;
  const container = e.type === "network" ? e.attributes.container : undefined;
  return {
    hostId: e.hostId,
    type,
    action: e.action,
    id: e.id,
    ...(e.type === "network" && e.name ? { name: e.name } : {}),
    ...(container ? { containerId: container } : {}),
    ...(e.time ? { time: e.time } : {}),
  };
}

export const RECENT_EVENTS = 2000;

const sameEvent = (a: EngineEventItem, b: EngineEventItem) =>
  a.time === b.time && a.type === b.type && a.action === b.action && a.id === b.id;

/**
 * A host's recent engine events, kept from the shared event stream so the events view does not ask
 * the engine each time. `coveredFrom` is the time from which the ring holds every event: the stream's
 * start, moved on when the stream was lost without a replay or when old events fall out.
 */
export class EventRing {
  private items: EngineEventItem[] = [];
  private coveredFromMs: number | undefined;

  constructor(private readonly capacity = RECENT_EVENTS) {}

  /** The stream (re)opened at `now` with no replay of what happened before. */
  restart(now: number): void {
    this.coveredFromMs = now;
  }

  get coveredFrom(): number | undefined {
    return this.coveredFromMs;
  }

  push(e: EngineEventItem): void {
    // A replay after a lost stream repeats events of the last second; keep one of each.
    for (let i = this.items.length - 1; i >= 0; i--) {
      const x = this.items[i];
      if (!x || x.time < e.time) break;
      if (sameEvent(x, e)) return;
    }
    let at = this.items.length;
    while (at > 0 && (this.items[at - 1]?.time ?? 0) > e.time) at--;
    this.items.splice(at, 0, e);
    if (this.items.length > this.capacity) {
      const last = this.items.splice(0, this.items.length - this.capacity).at(-1);
      if (last) this.coveredFromMs = Math.max(this.coveredFromMs ?? 0, last.time + 1);
    }
  }

  /** Whether the ring holds every event from `sinceMs` on. */
  covers(sinceMs: number | undefined): boolean {
    if (this.coveredFromMs === undefined) return false;
    return sinceMs === undefined || sinceMs >= this.coveredFromMs;
  }

  /** Events in [sinceMs, untilMs], oldest first, the newest `limit` of them. */
  query(q: { sinceMs?: number; untilMs?: number; limit: number; types?: readonly string[] }) {
    const matched = this.items.filter(
      (e) =>
        (q.sinceMs === undefined || e.time >= q.sinceMs) &&
        (q.untilMs === undefined || e.time <= q.untilMs) &&
        (!q.types?.length || q.types.includes(e.type)),
    );
    return { items: matched.slice(-q.limit), truncated: matched.length > q.limit };
  }
}
