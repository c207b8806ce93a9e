import type { LogLine } from "../../../lib/realtime/events";
import type { StdStream } from "../../engines/log-demux";

/** Docker's fixed-width RFC 3339 timestamp ("2006-01-02T15:04:05.000000000Z"), then a space. */
const TS_CHARS = 30;
/** Any RFC 3339 stamp, then a space: Podman's come in whole seconds, some with an offset. */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d) /;
const NL = 0x0a;
const CR = 0x0d;

/** A line longer than this is cut, so a writer that never prints a newline cannot grow the held bytes. */
export const MAX_LINE_BYTES = 256 * 1024;

/**
 * The timestamp a line starts with, in Docker's fixed-width UTC form whatever the engine wrote, and
 * the bytes it took with its space; undefined when the line starts with none.
 */
export function stampAt(buf: Buffer, at: number): { ts: string; len: number } | undefined {
  if (buf.length < at + 21 || buf[at + 4] !== 0x2d) return undefined;
  if (buf.length >= at + TS_CHARS + 1 && buf[at + TS_CHARS] === 0x20 && buf[at + TS_CHARS - 1] === 0x5a)
    return { ts: buf.toString("latin1", at, at + TS_CHARS), len: TS_CHARS + 1 };
  const m = STAMP.exec(buf.toString("latin1", at, Math.min(buf.length, at + 40)));
  if (!m) return undefined;
  const [whole, secs = "", frac = "", zone = "Z"] = m;
  const utc = zone === "Z" ? secs : new Date(Date.parse(`${secs}${zone}`)).toISOString().slice(0, 19);
  return { ts: `${utc}.${frac.padEnd(9, "0")}Z`, len: whole.length };
}

/**
 * Turns one stream's log payloads into lines. A partial line is held until its newline (or until it
 * grows past MAX_LINE_BYTES); a CR before the newline is dropped. The engine is always asked for
 * timestamps: they are stripped here, kept on the line when `keepTs`, and the newest one is
 * remembered so that a stream can resume exactly where it stopped.
 *
 * Non-TTY streams come as messages (frames), each with its timestamp at its start; a long line may
 * span several messages, and keeps the first one's timestamp. TTY streams come as raw bytes, where
 * every line starts with its timestamp.
 */
export class LineSplitter {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private heldTs?: string;
  /** The newest engine timestamp seen. */
  lastTs?: string;

  constructor(
    private readonly stream: StdStream,
    private readonly opts: { keepTs: boolean; tty: boolean },
    private readonly emit: (line: LogLine) => void,
  ) {}

  /** One engine message (a frame of a non-TTY stream). */
  message(payload: Buffer): void {
    const stamp = stampAt(payload, 0);
    if (stamp) this.lastTs = stamp.ts;
    this.split(payload, stamp ? stamp.len : 0, stamp?.ts);
  }

  /** Raw bytes of a TTY stream. */
  raw(chunk: Buffer): void {
    this.split(chunk, 0, undefined);
  }

  /** The stream ended: a held partial line becomes a line of its own. */
  end(): void {
    if (this.heldBytes) this.flushHeld(Buffer.alloc(0));
  }

  private split(buf: Buffer, from: number, ts: string | undefined): void {
    let at = from;
    for (;;) {
      const nl = buf.indexOf(NL, at);
      if (nl < 0) break;
      if (this.heldBytes) this.flushHeld(buf.subarray(at, nl));
      else this.line(buf, at, nl, ts);
      at = nl + 1;
    }
    if (at < buf.length) this.hold(buf.subarray(at), ts);
  }

  private line(buf: Buffer, start: number, end: number, ts: string | undefined): void {
    let lineTs = ts;
    if (this.opts.tty) {
      const stamp = stampAt(buf, start);
      lineTs = stamp?.ts;
      if (stamp) {
        this.lastTs = stamp.ts;
        start += stamp.len;
      }
    }
    if (end > start && buf[end - 1] === CR) end--;
    const text = end > start ? buf.toString("utf8", start, end) : "";
    this.emit(
      this.opts.keepTs && lineTs ? { ts: lineTs, stream: this.stream, text } : { stream: this.stream, text },
    );
  }

  private hold(part: Buffer, ts: string | undefined): void {
    if (!this.heldBytes) this.heldTs = ts;
    // Copied: the chunk it came in may be large, and nothing else needs it.
    this.held.push(Buffer.from(part));
    this.heldBytes += part.length;
    if (this.heldBytes >= MAX_LINE_BYTES) this.flushHeld(Buffer.alloc(0));
  }

  private flushHeld(rest: Buffer): void {
    const whole = Buffer.concat([...this.held, rest], this.heldBytes + rest.length);
    const ts = this.heldTs;
    this.held = [];
    this.heldBytes = 0;
    this.heldTs = undefined;
    this.line(whole, 0, whole.length, ts);
  }
}

/** The engine's `since` for "strictly after this line": the timestamp plus one nanosecond. */
export function sinceAfter(ts: string): string {
  const secs = Math.floor(Date.parse(`${ts.slice(0, 19)}Z`) / 1000);
  const nanos = Number(ts.slice(20, 29)) + 1;
  return nanos >= 1e9 ? `${secs + 1}.000000000` : `${secs}.${String(nanos).padStart(9, "0")}`;
}
