import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { withDeadline } from "./engine-call";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("withDeadline", () => {
  it("leaves no timer behind once the call settled, answered or failed", async () => {
    await expect(withDeadline(15_000, async () => "ok")).resolves.toBe("ok");
    await expect(withDeadline(15_000, () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");

    expect(vi.getTimerCount()).toBe(0);
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
    const outcome = expect(call).rejects.toMatchObject({ name: "TimeoutError" });
    await vi.advanceTimersByTimeAsync(999);
    expect(seen?.aborted).toBe(false);

    await vi.advanceTimersByTimeAsync(1);

    await outcome;
    expect(seen?.aborted).toBe(true);
  });
});
