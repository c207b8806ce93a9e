import { StringDecoder } from "node:string_decoder";

export interface BatchOptions {
  /** Least time between two sends while output keeps coming. */
  intervalMs: number;
  /** Sends at once when this much is waiting. */
  maxBytes: number;
}

export const DEFAULT_BATCH: BatchOptions = { intervalMs: 5, maxBytes: 16 * 1024 };

/** A send this small (an echoed key, a prompt) never makes the next one wait. */
const SMALL_SEND = 512;

/**
 * Turns the exec's raw TTY bytes into few socket messages without delaying a keystroke's echo.
 * Output goes out on the next turn of the event loop, which merges the chunks that arrived together;
 * only after a bulky send (a flood of output) does the next one wait out the interval. UTF-8
 * sequences split between chunks are held back until they are whole.
 */
export class OutputBatcher {
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private pendingBytes = 0;
  private lastSend = -Infinity;
  private lastSendBytes = 0;
  private timer?: NodeJS.Timeout;
  private immediate?: NodeJS.Immediate;
  private closed = false;

  constructor(
    private readonly send: (data: string) => void,
    private readonly opts: BatchOptions = DEFAULT_BATCH,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(chunk: Buffer): void {
    if (this.closed) return;
    this.pending += this.decoder.write(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.opts.maxBytes) {
      this.flush();
      return;
    }
    if (this.timer || this.immediate) return;
    const wait = this.lastSend + this.opts.intervalMs - this.now();
    if (wait <= 0 || this.lastSendBytes < SMALL_SEND) this.immediate = setImmediate(() => this.flush());
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    if (!this.pending) return;
    const data = this.pending;
    this.pending = "";
    this.lastSend = this.now();
    this.lastSendBytes = bytes;
    this.send(data);
  }

  /** Sends what is left, including an incomplete UTF-8 tail, and ignores anything later. */
  close(): void {
    if (this.closed) return;
    this.pending += this.decoder.end();
    this.flush();
    this.closed = true;
  }
}
