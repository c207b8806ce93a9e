import { stripAnsi } from "@/lib/ansi";
import type { LogLine, LogsNotice } from "@/lib/realtime/events";

/** What a marker row says, as data: the view says it in the user's language. */
export type LogMarker =
  /** Lines the server could not deliver to this view: it fell behind, or joined after them. */
  | { kind: "skipped"; count: number }
  /** The engine's stream stopped, resumed or ended, with the server's own words when it gave any. */
  | { kind: "stream"; state: LogsNotice["kind"]; message?: string }
  /** The socket came back: the view follows again from the newest line it holds. */
  | { kind: "reconnected" }
  /** Older lines scrolled out of the bounded buffer. */
  | { kind: "dropped"; count: number };

export interface LogEntry {
  /** Unique and increasing in arrival order; the row key. */
  seq: number;
  kind: "line" | "marker";
  /** Which container, as an index into the view's sources. */
  source: number;
  stream?: LogLine["stream"];
  ts?: string;
  /** As the engine sent it, escape sequences included; "" for a marker. */
  text: string;
  /** Without escape sequences: what search looks at. */
  plain: string;
  /** A marker's message, as data. */
  marker?: LogMarker;
  /** Sort key of merged views: the engine's fixed-width timestamp, which sorts as text; "" when unknown. */
  at: string;
}

export const BUFFER_LINES = 10_000;

/**
 * The lines a viewer holds: the last BUFFER_LINES entries. Older ones are dropped from the top and
 * counted, so the view can say so. Merged views keep entries sorted by timestamp: each container's
 * batches arrive in order, but the containers interleave.
 */
export class LogBuffer {
  entries: LogEntry[] = [];
  droppedOlder = 0;
  /** Lines the server skipped for this view, in all. */
  skipped = 0;
  /** Bumped on every change: what views re-render on. */
  version = 0;
  private seq = 0;

  constructor(readonly capacity = BUFFER_LINES) {}

  clear(): void {
    this.entries = [];
    this.droppedOlder = 0;
    this.skipped = 0;
    this.version++;
  }

  append(
    source: number,
    batch: { lines: LogLine[]; skipped?: number; notice?: LogsNotice },
    ordered = false,
  ): void {
    const added: LogEntry[] = [];
    const first = batch.lines[0]?.ts ?? "";
    this.skipped += batch.skipped ?? 0;
    if (batch.skipped) added.push(this.marker(source, { kind: "skipped", count: batch.skipped }, first));
    for (const l of batch.lines) {
      added.push({
        seq: ++this.seq,
        kind: "line",
        source,
        stream: l.stream,
        ...(l.ts ? { ts: l.ts } : {}),
        text: l.text,
        plain: stripAnsi(l.text),
        at: l.ts ?? "",
      });
    }
    if (batch.notice) {
      const last = added.at(-1)?.at ?? this.entries.at(-1)?.at ?? "";
      const { kind, message } = batch.notice;
      added.push(this.marker(source, { kind: "stream", state: kind, ...(message ? { message } : {}) }, last));
    }
    this.insert(added, ordered);
  }

  /** A marker of the view's own (reconnected, …). */
  note(source: number, marker: LogMarker): void {
    this.insert([this.marker(source, marker, this.entries.at(-1)?.at ?? "")], false);
  }

  private marker(source: number, marker: LogMarker, at: string): LogEntry {
    return { seq: ++this.seq, kind: "marker", source, text: "", plain: "", marker, at };
  }

  private insert(added: LogEntry[], ordered: boolean): void {
    if (!added.length) return;
    const head = added[0] as LogEntry;
    const tail = this.entries.at(-1);
    if (!ordered || !tail || !head.at || !(head.at < tail.at)) {
      for (const e of added) this.entries.push(e);
    } else {
      // The batch starts before the newest entry: merge it into the suffix that comes after it.
      let lo = 0;
      let hi = this.entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.entries[mid] as LogEntry).at <= head.at) lo = mid + 1;
        else hi = mid;
      }
      const suffix = this.entries.splice(lo);
      let i = 0;
      let j = 0;
      while (i < suffix.length || j < added.length) {
        const a = suffix[i];
        const b = added[j];
        if (b && (!a || (b.at && b.at < a.at))) {
          this.entries.push(b);
          j++;
        } else {
          this.entries.push(a as LogEntry);
          i++;
        }
      }
    }
    const over = this.entries.length - this.capacity;
    if (over > 0) {
      const gone = this.entries.splice(0, over);
      this.droppedOlder += gone.filter((e) => e.kind === "line").length;
    }
    this.version++;
  }
}
