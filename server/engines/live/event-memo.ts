/**
 * One engine answer held in memory while the host's event stream is followed, and dropped by the
 * events that change it. A fetch that an event overtakes is handed to its caller but not kept, so the
 * next caller asks again; callers at the same moment share one fetch.
 */
export class EventMemo<T> {
  private value?: { v: T; at: number };
  private version = 0;
  private following = false;
  private inFlight?: { version: number; promise: Promise<T> };

  /** `maxAgeMs` bounds how long an answer is kept for things that change without an event (sizes). */
  constructor(
    private readonly fetch: () => Promise<T>,
    private readonly maxAgeMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether the event stream is open: nothing is kept while it is not. */
  follow(on: boolean): void {
    this.following = on;
    this.invalidate();
  }

  invalidate(): void {
    this.version++;
    this.value = undefined;
  }

  /** Whether a call now would be answered from memory. */
  get held(): boolean {
    return !!this.value && this.following && Date.now() - this.value.at <= this.maxAgeMs;
  }

  get(): Promise<T> {
    if (this.value && this.held) return Promise.resolve(this.value.v);
    if (this.inFlight?.version === this.version) return this.inFlight.promise;
    const version = this.version;
    const promise = this.fetch().then((v) => {
      if (this.following && this.version === version) this.value = { v, at: Date.now() };
      return v;
    });
    const flight = { version, promise };
    this.inFlight = flight;
    const forget = () => {
      if (this.inFlight === flight) this.inFlight = undefined;
    };
    promise.then(forget, forget);
    return promise;
  }
}
