import { describe, expect, it } from "vitest";
import { EventMemo } from "./event-memo";

function counter() {
  let n = 0;
  let release: (() => void) | undefined;
  const gated = { on: false };
  const fetch = async () => {
    n++;
    const mine = n;
    if (gated.on) await new Promise<void>((r) => (release = r));
    return mine;
  };
  return { fetch, calls: () => n, gated, release: () => release?.() };
}

describe("EventMemo", () => {
  it("asks the engine every time while the stream is not followed", async () => {
    const c = counter();
    const memo = new EventMemo(c.fetch);
    expect([await memo.get(), await memo.get()]).toEqual([1, 2]);
  });

  it("answers from memory while followed, until an event drops the answer", async () => {
    const c = counter();
    const memo = new EventMemo(c.fetch);
    memo.follow(true);
    expect([await memo.get(), await memo.get()]).toEqual([1, 1]);
    memo.invalidate();
    expect(await memo.get()).toBe(2);
    memo.follow(false);
    expect(await memo.get()).toBe(3);
  });

  it("hands a fetch that an event overtook to its caller, but does not keep it", async () => {
    const c = counter();
    const memo = new EventMemo(c.fetch);
    memo.follow(true);
    c.gated.on = true;
    const pending = memo.get();
    await Promise.resolve();
    memo.invalidate();
    c.release();
    expect(await pending).toBe(1);
    c.gated.on = false;
    expect(await memo.get()).toBe(2);
    expect(await memo.get()).toBe(2);
  });

  it("shares one fetch among callers at the same moment", async () => {
    const c = counter();
    const memo = new EventMemo(c.fetch);
    memo.follow(true);
    expect(await Promise.all([memo.get(), memo.get(), memo.get()])).toEqual([1, 1, 1]);
    expect(c.calls()).toBe(1);
  });

  it("asks again once an answer is older than its maximum age", async () => {
    const c = counter();
    const memo = new EventMemo(c.fetch, 10);
    memo.follow(true);
    await memo.get();
    await new Promise((r) => setTimeout(r, 20));
    expect(await memo.get()).toBe(2);
  });
});
