import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OutputBatcher } from "./exec-output";

let clock = 0;
const now = () => clock;
const advance = async (ms: number) => {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  clock = 1000;
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate"] });
});
afterEach(() => vi.useRealTimers());

describe("OutputBatcher", () => {
  it("sends the first chunk after a quiet spell on the next turn, merged with what came with it", async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { intervalMs: 5, maxBytes: 1024 }, now);
    b.push(Buffer.from("a"));
    b.push(Buffer.from("b"));
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(["ab"]);
  });

  it("never holds back small output such as echoed keys", async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { intervalMs: 5, maxBytes: 4096 }, now);
    for (const k of "abc") {
      b.push(Buffer.from(k));
      await vi.advanceTimersByTimeAsync(0);
      await advance(0.5);
    }
    expect(sent).toEqual(["a", "b", "c"]);
  });

  it("holds a flood of output to one send per interval", async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { intervalMs: 5, maxBytes: 4096 }, now);
    const big = (c: string) => Buffer.from(c.repeat(600));
    b.push(big("1"));
    await vi.advanceTimersByTimeAsync(0);
    await advance(1);
    b.push(big("2"));
    await advance(1);
    b.push(big("3"));
    expect(sent.length).toBe(1);
    await advance(3);
    expect(sent.map((s) => s[0])).toEqual(["1", "2"]);
    expect(sent[1]?.length).toBe(1200);
    // Quiet again for longer than the interval: the next chunk goes at once.
    await advance(10);
    b.push(big("4"));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.length).toBe(3);
  });

  it("sends at once when the size limit is reached", () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { intervalMs: 5, maxBytes: 4 }, now);
    b.push(Buffer.from("abcd"));
    expect(sent).toEqual(["abcd"]);
  });

  it("never splits a UTF-8 character, and sends the rest on close", async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), { intervalMs: 5, maxBytes: 1024 }, now);
    const euro = Buffer.from("€");
    b.push(euro.subarray(0, 2));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([]);
    b.push(euro.subarray(2));
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(["€"]);
    b.push(Buffer.from("x"));
    b.close();
    expect(sent).toEqual(["€", "x"]);
    b.push(Buffer.from("late"));
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual(["€", "x"]);
  });
});
