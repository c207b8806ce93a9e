import { ApiError } from "@/components/api/client";
import { HTTP_STATUS, isErrorCode, type ErrorBody, type Result } from "@/lib/errors";
import type { StatsMode, StatsSample, StatsSubscribed } from "@/lib/realtime/events";

/** What the store needs from the socket.io client; the real one is RealtimeProvider's socket. */
export interface StatsSocket {
  connected: boolean;
  on(event: "stats:samples", fn: (batch: StatsSample[]) => void): unknown;
  on(event: "connect", fn: () => void): unknown;
  off(event: "stats:samples", fn: (batch: StatsSample[]) => void): unknown;
  off(event: "connect", fn: () => void): unknown;
  emit(event: "stats:unsubscribe", p: { hostId: string; containerId: string }): unknown;
  timeout(ms: number): {
    emit(
      event: "stats:subscribe",
      p: { hostId: string; containerId: string },
      ack: (err: Error | null, res: Result<StatsSubscribed>) => void,
    ): unknown;
  };
}

export interface StatsView {
  samples: readonly StatsSample[];
  mode?: StatsMode;
  /** The canonical full id, once the server answered. */
  containerId?: string;
  /** The server's refusal, verbatim: often the engine's own words. */
  error?: string;
  /** Why there are no samples, to say in the user's language: the server's error, or no answer in time. */
  failure?: ApiError | "timeout";
}

export const EMPTY_VIEW: StatsView = Object.freeze({ samples: Object.freeze([]) });

/** As many samples as the server's history: five minutes at one a second. */
export const MAX_SAMPLES = 300;
/** Listeners hear about new samples at most this often, so a page of 100 rows renders a few times a second. */
const NOTIFY_MS = 250;
/** A row scrolled out and back within this time keeps its subscription. */
const LINGER_MS = 2000;
const ACK_TIMEOUT_MS = 15_000;

interface Entry {
  hostId: string;
  ref: string;
  refs: number;
  view: StatsView;
  linger?: ReturnType<typeof setTimeout>;
}

const keyOf = (hostId: string, id: string) => `${hostId}/${id}`;

/** A view that says the server's error: its message verbatim, and as an ApiError for the user's language. */
function failed(view: StatsView, body: ErrorBody): StatsView {
  const status = isErrorCode(body.code) ? HTTP_STATUS[body.code] : 500;
  const i18n = body.messageKey ? { messageKey: body.messageKey, params: body.params } : undefined;
  return {
    ...view,
    error: body.message,
    failure: new ApiError(status, body.code, body.message, body.details, i18n),
  };
}

/**
 * High-rate samples live here, outside react-query: one server subscription per container however
 * many components show it, a bounded buffer each, and batched notifications for useSyncExternalStore.
 */
export class StatsStore {
  private readonly entries = new Map<string, Entry>();
  /** Canonical host/full-id → the refs (id, prefix or name) it was subscribed by. */
  private readonly canonical = new Map<string, Set<Entry>>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();
  private readonly dirty = new Set<string>();
  private flushTimer?: ReturnType<typeof setTimeout>;
  private changes = 0;

  constructor(private readonly socket: StatsSocket) {
    socket.on("stats:samples", this.onSamples);
    socket.on("connect", this.onConnect);
  }

  dispose(): void {
    this.socket.off("stats:samples", this.onSamples);
    this.socket.off("connect", this.onConnect);
    clearTimeout(this.flushTimer);
    for (const e of this.entries.values()) clearTimeout(e.linger);
  }

  /** Grows with every batch of changes; a snapshot for views computed over many containers. */
  get version(): number {
    return this.changes;
  }

  acquire(hostId: string, ref: string): void {
    const key = keyOf(hostId, ref);
    let e = this.entries.get(key);
    if (!e) {
      e = { hostId, ref, refs: 0, view: EMPTY_VIEW };
      this.entries.set(key, e);
      if (this.socket.connected) this.subscribe(e);
    }
    clearTimeout(e.linger);
    e.linger = undefined;
    e.refs++;
  }

  release(hostId: string, ref: string): void {
    const key = keyOf(hostId, ref);
    const e = this.entries.get(key);
    if (!e || --e.refs > 0) return;
    e.linger = setTimeout(() => {
      if (e.refs > 0 || this.entries.get(key) !== e) return;
      this.entries.delete(key);
      if (e.view.containerId) this.canonical.get(keyOf(hostId, e.view.containerId))?.delete(e);
      if (this.socket.connected) this.socket.emit("stats:unsubscribe", { hostId, containerId: ref });
      this.touch(key);
    }, LINGER_MS);
  }

  view(hostId: string, ref: string): StatsView {
    return this.entries.get(keyOf(hostId, ref))?.view ?? EMPTY_VIEW;
  }

  /** Listens to one container (as subscribed by `ref`); returns the unlisten function. */
  listen(hostId: string, ref: string, fn: () => void): () => void {
    const key = keyOf(hostId, ref);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size) this.listeners.delete(key);
    };
  }

  /** Listens to every change, batched; for views that sum many containers. */
  listenAll(fn: () => void): () => void {
    this.anyListeners.add(fn);
    return () => this.anyListeners.delete(fn);
  }

  private subscribe(e: Entry): void {
    const { hostId, ref } = e;
    this.socket.timeout(ACK_TIMEOUT_MS).emit("stats:subscribe", { hostId, containerId: ref }, (err, res) => {
      if (this.entries.get(keyOf(hostId, ref)) !== e) return;
      if (err || !res.ok) {
        e.view =
          err || res.ok ? { ...e.view, error: undefined, failure: "timeout" } : failed(e.view, res.error);
      } else {
        const { history, containerId, mode } = res.data;
        let set = this.canonical.get(keyOf(hostId, containerId));
        if (!set) this.canonical.set(keyOf(hostId, containerId), (set = new Set()));
        set.add(e);
        // The history replaces what this client had: it is the server's buffer, without gaps.
        e.view = { samples: history.slice(-MAX_SAMPLES), mode, containerId };
      }
      this.touch(keyOf(hostId, ref));
    });
  }

  private readonly onConnect = () => {
    // A new connection starts with no subscriptions on the server.
    for (const e of this.entries.values()) if (e.refs > 0 || e.linger) this.subscribe(e);
  };

  private readonly onSamples = (batch: StatsSample[]) => {
    for (const s of batch) this.add(s);
  };

  private add(s: StatsSample): void {
    for (const e of this.canonical.get(keyOf(s.hostId, s.containerId)) ?? []) {
      const prev = e.view.samples;
      if (prev.length && (prev[prev.length - 1] as StatsSample).ts >= s.ts) continue;
      const samples =
        prev.length >= MAX_SAMPLES ? [...prev.slice(prev.length - MAX_SAMPLES + 1), s] : [...prev, s];
      e.view = { ...e.view, samples, mode: s.mode ?? e.view.mode, error: undefined, failure: undefined };
      this.touch(keyOf(e.hostId, e.ref));
    }
  }

  private touch(key: string): void {
    this.dirty.add(key);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const keys = [...this.dirty];
      this.dirty.clear();
      this.changes++;
      for (const k of keys) for (const fn of [...(this.listeners.get(k) ?? [])]) fn();
      for (const fn of [...this.anyListeners]) fn();
    }, NOTIFY_MS);
  }
}

const stores = new WeakMap<object, StatsStore>();

/** The one store of a socket. */
export function statsStoreFor(socket: StatsSocket): StatsStore {
  let s = stores.get(socket);
  if (!s) stores.set(socket, (s = new StatsStore(socket)));
  return s;
}
