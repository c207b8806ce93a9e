import type { LogLine } from "../../../lib/realtime/events";

/** The newest lines of a stream, bounded by count and by text size, for subscribers who join late. */
export class LineRing {
  private slots: (LogLine | undefined)[];
  private start = 0;
  private size = 0;
  private chars = 0;

  constructor(
    readonly maxLines: number,
    private readonly maxChars: number,
  ) {
    this.slots = new Array<LogLine | undefined>(Math.max(0, maxLines));
  }

  get length(): number {
    return this.size;
  }

  push(line: LogLine): void {
    if (this.maxLines === 0) return;
    if (this.size === this.maxLines) this.dropOldest();
    this.slots[(this.start + this.size) % this.maxLines] = line;
    this.size++;
    this.chars += line.text.length;
    while (this.chars > this.maxChars && this.size > 0) this.dropOldest();
  }

  /** Oldest first. */
  toArray(): LogLine[] {
    const out: LogLine[] = [];
    for (let i = 0; i < this.size; i++) {
      const line = this.slots[(this.start + i) % this.maxLines];
      if (line) out.push(line);
    }
    return out;
  }

  private dropOldest(): void {
    const old = this.slots[this.start];
    this.slots[this.start] = undefined;
    this.start = (this.start + 1) % this.maxLines;
    this.size--;
    this.chars -= old?.text.length ?? 0;
  }
}
