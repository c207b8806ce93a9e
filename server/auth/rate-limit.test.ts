import { beforeEach, describe, expect, it } from "vitest";
import { LoginRateLimiter } from "./rate-limit";

const MAX = 3;
const WINDOW_MS = 60_000;
const T0 = 1_700_000_000_000;

let now: number;
let limiter: LoginRateLimiter;

beforeEach(() => {
  now = T0;
  limiter = new LoginRateLimiter(MAX, WINDOW_MS, () => now);
});

/** Records one failure per entry, at T0 + the given offset. */
function failAt(offsetsMs: number[], keys: string[]) {
  for (const offset of offsetsMs) {
    now = T0 + offset;
    limiter.fail(keys);
  }
}

describe("LoginRateLimiter", () => {
  it("allows attempts while there are fewer than the maximum failures", () => {
    failAt([0, 1000], ["ip:10.0.0.1"]);

    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(0);
  });

  it("makes the client wait until the oldest failure leaves the window", () => {
    failAt([0, 10_000, 20_000], ["ip:10.0.0.1"]);

    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(40);
  });

  it("counts the wait from the failure whose expiry brings the count under the maximum", () => {
    failAt([0, 10_000, 20_000, 30_000], ["ip:10.0.0.1"]);

    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(40);
  });

  it("rounds a partial second up", () => {
    failAt([0, 0, 0], ["ip:10.0.0.1"]);
    now = T0 + WINDOW_MS - 1;

    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(1);
  });

  it("slides the window: old failures stop counting", () => {
    failAt([0, 10_000, 20_000], ["ip:10.0.0.1"]);

    now = T0 + WINDOW_MS;
    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(0);

    limiter.fail(["ip:10.0.0.1"]);
    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(10);
  });

  it("counts down as time passes", () => {
    failAt([0, 0, 0], ["ip:10.0.0.1"]);

    now = T0 + 15_000;
    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(45);
    now = T0 + 45_000;
    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(15);
  });

  it("keeps keys independent of each other", () => {
    failAt([0, 0, 0], ["ip:10.0.0.1", "user:alice"]);

    expect(limiter.retryAfter(["ip:10.0.0.2", "user:bob"])).toBe(0);
    expect(limiter.retryAfter(["ip:10.0.0.2", "user:alice"])).toBe(60);
    expect(limiter.retryAfter(["ip:10.0.0.1", "user:bob"])).toBe(60);
  });

  it("answers the longest wait of the keys it is asked about", () => {
    failAt([0, 0, 0], ["ip:10.0.0.1"]);
    failAt([30_000, 30_000, 30_000], ["user:alice"]);

    expect(limiter.retryAfter(["ip:10.0.0.1", "user:alice"])).toBe(60);
    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(30);
  });

  it("adds failures per key: one shared IP trips before each username does", () => {
    failAt([0], ["ip:10.0.0.1", "user:alice"]);
    failAt([0], ["ip:10.0.0.1", "user:bob"]);
    failAt([0], ["ip:10.0.0.1", "user:carol"]);

    expect(limiter.retryAfter(["ip:10.0.0.1"])).toBe(60);
    expect(limiter.retryAfter(["user:alice"])).toBe(0);
  });

  it("limits an unknown username exactly like a real one", () => {
    failAt([0, 5000, 10_000], ["user:admin"]);
    failAt([0, 5000, 10_000], ["user:no-such-user"]);

    expect(limiter.retryAfter(["user:no-such-user"])).toBe(limiter.retryAfter(["user:admin"]));
    expect(limiter.retryAfter(["user:no-such-user"])).toBe(50);
  });

  it("asks about no keys without waiting", () => {
    failAt([0, 0, 0], ["ip:10.0.0.1"]);

    expect(limiter.retryAfter([])).toBe(0);
  });

  it("uses the real clock by default", () => {
    const real = new LoginRateLimiter(1, 60_000);

    real.fail(["ip:10.0.0.1"]);

    expect(real.retryAfter(["ip:10.0.0.1"])).toBeGreaterThan(0);
    expect(real.retryAfter(["ip:10.0.0.1"])).toBeLessThanOrEqual(60);
  });
});
