import { describe, expect, it } from "vitest";
import type { LogLine } from "../../../lib/realtime/events";
import { SubscriberQueue, type OutBatch, type QueueLimits } from "./logs-queue";
import { LineRing } from "./logs-ring";

const LIMITS: QueueLimits = { maxLines: 100, maxChars: 10_000, batchLines: 10, batchChars: 1000, window: 2 };
const line = (n: number, text = `line ${n}`): LogLine => ({ stream: "stdout", text });

/** A client that acknowledges only when told to. */
function client(limits = LIMITS) {
  const sent: OutBatch[] = [];
  const acks: (() => void)[] = [];
  const q = new SubscriberQueue((b, ack) => {
    sent.push(b);
    acks.push(ack);
  }, limits);
  const ackAll = () => {
    while (acks.length) acks.shift()?.();
  };
  return { q, sent, acks, ackAll };
}

const numbers = (batches: OutBatch[]) => batches.flatMap((b) => b.lines.map((l) => Number(l.text.slice(5))));

describe("SubscriberQueue", () => {
  it("sends batches in order, at most `window` of them unacknowledged", () => {
    const { q, sent, ackAll } = client();
    for (let i = 0; i < 35; i++) q.push(line(i));
    q.pump();
    expect(sent.map((b) => b.lines.length)).toEqual([10, 10]);
    q.pump();
    expect(sent.length).toBe(2);
    // Acknowledging a batch sends the next at once while a full batch waits (catching up)...
    ackAll();
    expect(sent.map((b) => b.lines.length)).toEqual([10, 10, 10]);
    // ...and a partial one waits for the next timer tick.
    q.pump();
    expect(sent.map((b) => b.lines.length)).toEqual([10, 10, 10, 5]);
    expect(numbers(sent)).toEqual([...Array(35).keys()]);
    expect(sent.every((b) => b.skipped === undefined)).toBe(true);
  });

  it("drops lines for a client that never acknowledges, counts them, and stays bounded", () => {
    const { q, sent, ackAll } = client();
    for (let i = 0; i < 100_000; i++) {
      q.push(line(i));
      if (q.eager) q.pump();
    }
    const s = q.stats();
    // Two batches in flight, a full queue behind them, and nothing more held.
    expect(s.inFlight).toBe(2);
    expect(s.lines).toBe(LIMITS.maxLines);
    expect(s.skipped).toBe(100_000 - 20 - LIMITS.maxLines);

    ackAll();
    while (q.pending) {
      q.pump();
      ackAll();
    }
    const delivered = numbers(sent);
    expect(delivered.length).toBe(20 + LIMITS.maxLines);
    const skipped = sent.reduce((n, b) => n + (b.skipped ?? 0), 0);
    expect(delivered.length + skipped).toBe(100_000);
    // The marker sits where the lines were lost: after everything queued before it.
    const marked = sent.findIndex((b) => b.skipped);
    expect(numbers(sent.slice(0, marked))).toEqual([...Array(120).keys()]);
  });

  it("counts text size as well as lines", () => {
    const { q } = client({ ...LIMITS, maxChars: 50 });
    for (let i = 0; i < 10; i++) q.push(line(i, "x".repeat(20)));
    expect(q.stats()).toMatchObject({ lines: 2, chars: 40, skipped: 8 });
  });

  it("reports a skip as soon as it can, then delivers new lines again", () => {
    const { q, sent, ackAll } = client({ ...LIMITS, maxLines: 5, window: 1 });
    for (let i = 0; i < 20; i++) q.push(line(i));
    q.pump();
    ackAll();
    q.pump();
    ackAll();
    for (let i = 20; i < 23; i++) q.push(line(i));
    q.pump();
    ackAll();
    expect(sent.map((b) => [b.skipped ?? 0, numbers([b])])).toEqual([
      [0, [0, 1, 2, 3, 4]],
      [15, []],
      [0, [20, 21, 22]],
    ]);
  });

  it("delivers a notice after the lines queued before it, and not mixed with later ones", () => {
    const { q, sent, ackAll } = client();
    q.push(line(1));
    q.notice({ kind: "stopped" });
    q.push(line(2));
    q.pump();
    ackAll();
    q.pump();
    expect(sent).toEqual([{ lines: [line(1)], notice: { kind: "stopped" } }, { lines: [line(2)] }]);
  });

  it("ignores a second acknowledgement of the same batch", () => {
    const { q, sent, acks } = client({ ...LIMITS, window: 1 });
    for (let i = 0; i < 30; i++) q.push(line(i));
    q.pump();
    const first = acks[0] as () => void;
    first();
    first();
    expect(q.stats().inFlight).toBe(1);
    expect(sent.length).toBe(2);
  });
});

describe("LineRing", () => {
  it("keeps the newest lines, oldest first, within a line count", () => {
    const r = new LineRing(3, 1000);
    for (let i = 0; i < 7; i++) r.push(line(i));
    expect(r.toArray().map((l) => l.text)).toEqual(["line 4", "line 5", "line 6"]);
  });

  it("keeps within a text size", () => {
    const r = new LineRing(100, 25);
    for (let i = 0; i < 5; i++) r.push(line(i, "x".repeat(10)));
    expect(r.length).toBe(2);
  });

  it("holds nothing when asked for no history", () => {
    const r = new LineRing(0, 25);
    r.push(line(1));
    expect(r.toArray()).toEqual([]);
  });
});
