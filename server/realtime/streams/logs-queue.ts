import type { LogLine, LogsNotice } from "../../../lib/realtime/events";

export interface QueueLimits {
  /** Lines (and their text, in UTF-16 units) waiting behind the batches in flight. */
  maxLines: number;
  maxChars: number;
  batchLines: number;
  batchChars: number;
  /** Batches sent but not yet acknowledged by the client. */
  window: number;
}

/**
 * Bounds per subscriber: the queue holds no more than a browser keeps (10,000 lines), and with the
 * window, at most about 6 MB of text waits for one client however slow it is.
 */
export const DEFAULT_LIMITS: QueueLimits = {
  maxLines: 10_000,
  maxChars: 4 * 1024 * 1024,
  batchLines: 2_000,
  batchChars: 512 * 1024,
  window: 4,
};

export interface OutBatch {
  lines: LogLine[];
  skipped?: number;
  notice?: LogsNotice;
}

type Skip = { skip: number };
type Notice = { notice: LogsNotice };
type Entry = LogLine | Skip | Notice;

const isSkip = (e: Entry): e is Skip => "skip" in e;
const isNotice = (e: Entry): e is Notice => "notice" in e;

/**
 * One subscriber's outgoing lines, with flow control: at most `window` batches await the client's
 * acknowledgement, and behind them a bounded queue. A line that arrives while the queue is full is
 * dropped and counted; consecutive drops coalesce into one marker at the place they happened, which
 * reaches the client as the `skipped` count of the batch that follows it. Nothing is dropped silently.
 */
export class SubscriberQueue {
  private items: Entry[] = [];
  private head = 0;
  private lines = 0;
  private chars = 0;
  private inFlight = 0;
  /** Every line this subscriber lost, for tests and diagnostics. */
  skippedTotal = 0;

  constructor(
    private readonly send: (batch: OutBatch, ack: () => void) => void,
    private readonly limits: QueueLimits = DEFAULT_LIMITS,
  ) {}

  push(line: LogLine): void {
    if (this.lines >= this.limits.maxLines || this.chars + line.text.length > this.limits.maxChars) {
      this.skip(1);
      return;
    }
    this.items.push(line);
    this.lines++;
    this.chars += line.text.length;
  }

  /** Records lines this subscriber will never see (dropped, or history it joined too late for). */
  skip(count: number): void {
    const last = this.items[this.items.length - 1];
    if (last && isSkip(last)) last.skip += count;
    else this.items.push({ skip: count });
    this.skippedTotal += count;
  }

  notice(n: LogsNotice): void {
    this.items.push({ notice: n });
  }

  get pending(): boolean {
    return this.head < this.items.length;
  }

  /** A full batch is waiting and the window has room: worth sending before the next timer tick. */
  get eager(): boolean {
    return this.lines >= this.limits.batchLines && this.inFlight < this.limits.window;
  }

  stats(): { lines: number; chars: number; inFlight: number; skipped: number } {
    return { lines: this.lines, chars: this.chars, inFlight: this.inFlight, skipped: this.skippedTotal };
  }

  /** Sends batches while the window has room. */
  pump(): void {
    while (this.inFlight < this.limits.window && this.pending) {
      const batch = this.take();
      this.inFlight++;
      let acked = false;
      this.send(batch, () => {
        if (acked) return;
        acked = true;
        this.inFlight--;
        // Catching up (a long history, a burst): no need to wait for the timer.
        if (this.lines >= this.limits.batchLines) this.pump();
      });
    }
  }

  private take(): OutBatch {
    const out: OutBatch = { lines: [] };
    let chars = 0;
    const first = this.items[this.head];
    if (first && isSkip(first)) {
      out.skipped = first.skip;
      this.head++;
    }
    while (out.lines.length < this.limits.batchLines && chars < this.limits.batchChars) {
      const e = this.items[this.head];
      if (!e || isSkip(e)) break;
      this.head++;
      if (isNotice(e)) {
        out.notice = e.notice;
        break;
      }
      out.lines.push(e);
      chars += e.text.length;
    }
    this.lines -= out.lines.length;
    this.chars -= chars;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}
