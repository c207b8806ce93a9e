import { performance } from "node:perf_hooks";
import { io as ioClient, type Socket } from "socket.io-client";
import type { Result } from "../../lib/errors";
import type {
  ClientToServerEvents,
  ContainerRef,
  HostStatusEvent,
  ServerToClientEvents,
  StatsSubscribed,
} from "../../lib/realtime/events";
import { runPool } from "./pool";

type WatchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Watcher {
  socket: WatchSocket;
  stream: ContainerRef;
  /** Receive times (bench clock) of the stream's samples. */
  samples: number[];
  statuses: (HostStatusEvent & { at: number })[];
}

/**
 * socket.io clients of one Wharf, as open tabs would be: each hears `host:status` and
 * `container:event` and follows the live stats of one container.
 */
export class FaultSockets {
  readonly watchers: Watcher[] = [];
  disconnects: { at: number; reason: string }[] = [];
  /** Subscriptions refused before they succeeded (the host was down at that moment). */
  refusals: string[] = [];
  /** Streams still refused (or unanswered for 10 s) after five tries, a second apart. */
  unsubscribed: string[] = [];
  containerEvents = 0;

  constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  async connect(streams: readonly ContainerRef[], n: number): Promise<void> {
    await runPool(
      Array.from({ length: n }, (_, i) => i),
      10,
      async (i) => {
        const socket: WatchSocket = ioClient(this.base, {
          path: "/socket.io",
          transports: ["websocket"],
          extraHeaders: { cookie: this.cookie },
          reconnection: false,
          forceNew: true,
        });
        const stream = streams[i % streams.length] as ContainerRef;
        const w: Watcher = { socket, stream, samples: [], statuses: [] };
        this.watchers.push(w);
        socket.on("host:status", (e) => w.statuses.push({ ...e, at: performance.now() }));
        socket.on("container:event", () => this.containerEvents++);
        socket.on("stats:sample", () => w.samples.push(performance.now()));
        socket.on("disconnect", (reason) => this.disconnects.push({ at: performance.now(), reason }));
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        // A host that is down for a moment refuses; the client tries again, as a tab would.
        for (let attempt = 1; ; attempt++) {
          const r = (await socket
            .timeout(10_000)
            .emitWithAck("stats:subscribe", stream)
            .catch((err: unknown) => ({
              ok: false as const,
              error: {
                code: "TIMEOUT",
                message: `no answer: ${err instanceof Error ? err.message : String(err)}`,
              },
            }))) as Result<StatsSubscribed>;
          if (r.ok) break;
          this.refusals.push(`${stream.hostId}/${stream.containerId}: ${r.error.message}`);
          if (attempt === 5) {
            this.unsubscribed.push(`${stream.hostId}/${stream.containerId}: ${r.error.message}`);
            w.samples.push(Infinity); // never followed: left out of the pause check, reported apart
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      },
    );
  }

  /** When the first and the last client heard `status` for the host after `since`. */
  heard(hostId: string, status: string, since: number): { first?: number; last?: number; clients: number } {
    const times = this.watchers
      .map((w) => w.statuses.find((e) => e.hostId === hostId && e.status === status && e.at >= since)?.at)
      .filter((t): t is number => t !== undefined);
    return {
      first: times.length ? Math.min(...times) : undefined,
      last: times.length === this.watchers.length ? Math.max(...times) : undefined,
      clients: times.length,
    };
  }

  /** Streams whose samples stopped for longer than `maxGapMs` within [from, to], with the longest pause. */
  statsGaps(from: number, to: number, maxGapMs: number): { gaps: string[]; longest: number } {
    const gaps: string[] = [];
    let longest = 0;
    for (const [i, w] of this.watchers.entries()) {
      if (w.samples.includes(Infinity)) continue;
      const times = [from, ...w.samples.filter((t) => t > from && t < to), to];
      let worst = 0;
      for (let k = 1; k < times.length; k++) worst = Math.max(worst, (times[k] ?? 0) - (times[k - 1] ?? 0));
      longest = Math.max(longest, worst);
      if (worst > maxGapMs)
        gaps.push(
          `client ${i} (${w.stream.hostId}/${w.stream.containerId}): no sample for ${worst.toFixed(0)} ms`,
        );
    }
    return { gaps, longest };
  }

  close(): void {
    for (const w of this.watchers) {
      w.socket.removeAllListeners("disconnect");
      w.socket.close();
    }
  }
}
