/**
 * Failed-login limiter over a sliding window, kept in memory. Keys are per IP and per username, and
 * an unknown username is limited exactly like a real one, so 429s reveal nothing about who exists.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed for any of these keys, or 0. */
  retryAfter(keys: string[]): number {
    const t = this.now();
    let wait = 0;
    for (const key of keys) {
      const list = this.prune(key, t);
      if (list.length >= this.maxFailures) {
        const oldest = list[list.length - this.maxFailures] ?? t;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - t) / 1000));
      }
    }
    return wait;
  }

  fail(keys: string[]): void {
    const t = this.now();
    for (const key of keys) {
      const list = this.prune(key, t);
      list.push(t);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.sweep(t);
  }

  private prune(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private sweep(t: number): void {
    for (const key of [...this.failures.keys()]) this.prune(key, t);
  }
}
