import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withDeadline } from "./engine-call";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("withDeadline", () => {
  it("never aborts a call that settled, answered or failed, once its deadline has passed", async () => {
    vi.useRealTimers();
    const signals: AbortSignal[] = [];
    await expect(withDeadline(20, (signal) => (signals.push(signal), Promise.resolve("ok")))).resolves.toBe(
      "ok",
    );
    await expect(
      withDeadline(20, (signal) => (signals.push(signal), Promise.reject(new Error("refused")))),
    ).rejects.toThrow("refused");

    await new Promise((r) => setTimeout(r, 60));

    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
  });

  it("aborts a call that does not answer in time with a TimeoutError", async () => {
    let seen: AbortSignal | undefined;
    const call = withDeadline(
      1000,
      (signal) =>
        new Promise<never>((_resolve, reject) => {
          seen = signal;
          signal.addEventListener("abort", () => reject(signal.reason as Error));
        }),
    );
    const outcome = expect(call).rejects.toMatchObject({
      name: "TimeoutError",
      message: "timed out: no answer within 1 s",
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(seen?.aborted).toBe(false);

    await vi.advanceTimersByTimeAsync(1);

    await outcome;
    expect(seen?.aborted).toBe(true);
  });
});
