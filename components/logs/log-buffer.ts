import { stripAnsi } from "@/lib/ansi";
import type { LogLine, LogsNotice } from "@/lib/realtime/events";

export interface LogEntry {
  /** Unique and increasing in arrival order; the row key. */
  seq: number;
  kind: "line" | "marker";
  /** Which container, as an index into the view's sources. */
  source: number;
  stream?: LogLine["stream"];
  ts?: string;
  /** As the engine sent it, escape sequences included; a marker's message. */
  text: string;
  /** Without escape sequences: what search looks at. */
  plain: string;
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
    if (batch.skipped) added.push(this.marker(source, skippedText(batch.skipped), first));
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
      added.push(this.marker(source, noticeText(batch.notice), last));
    }
    this.insert(added, ordered);
  }

  /** A marker of the view's own (reconnected, subscribe failed, …). */
  note(source: number, text: string): void {
    this.insert([this.marker(source, text, this.entries.at(-1)?.at ?? "")], false);
  }

  private marker(source: number, text: string, at: string): LogEntry {
    return { seq: ++this.seq, kind: "marker", source, text, plain: text, at };
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

/** Lines the server could not deliver to this view: it fell behind, or joined after them. */
export const skippedText = (n: number) => `… ${n.toLocaleString("en")} line${n === 1 ? "" : "s"} skipped …`;

function noticeText(n: LogsNotice): string {
  const what = n.kind === "stopped" ? "stopped" : n.kind === "resumed" ? "resumed" : "ended";
  return `— stream ${what}${n.message ? `: ${n.message}` : ""} —`;
}
