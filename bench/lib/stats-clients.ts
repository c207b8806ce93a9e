import { io as ioClient, type Socket } from "socket.io-client";
import type { Result } from "../../lib/errors";
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  StatsSample,
  StatsSubscribed,
} from "../../lib/realtime/events";
import { runPool } from "./pool";

type ViewerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface WindowResult {
  /** Samples each viewer received whose timestamp lies in the window. */
  perViewer: number[];
  /** Distinct samples (container, timestamp) any viewer received in the window. */
  distinct: number;
  /** Receive time minus the sample's timestamp, ms, every viewer and sample. */
  delays: number[];
}

/** Many socket.io clients of one Wharf, each its own connection, as many browser tabs would be. */
export class Viewers {
  private readonly sockets: ViewerSocket[] = [];
  private window?: { from: number; to: number; counts: number[]; distinct: Set<string>; delays: number[] };

  constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  async connect(n: number): Promise<void> {
    await runPool(
      Array.from({ length: n }, (_, i) => i),
      10,
      (i) =>
        new Promise<void>((resolve, reject) => {
          const s: ViewerSocket = ioClient(this.base, {
            path: "/socket.io",
            transports: ["websocket"],
            extraHeaders: { cookie: this.cookie },
            // As Wharf's own UI does: batched samples, one message per viewer per quarter second.
            auth: { statsBatch: true },
            reconnection: false,
            forceNew: true,
          });
          s.on("stats:samples", (batch) => {
            for (const sample of batch) this.record(i, sample);
          });
          s.once("connect", () => resolve());
          s.once("connect_error", reject);
          this.sockets[i] = s;
        }),
    );
  }

  /** Every viewer subscribes to every container; resolves with how many acks named each mode. */
  async subscribeAll(
    hostId: string,
    ids: readonly string[],
    concurrency = 32,
  ): Promise<Record<string, number>> {
    const modes: Record<string, number> = {};
    const jobs = this.sockets.flatMap((s) => ids.map((id) => ({ s, id })));
    await runPool(jobs, concurrency, async ({ s, id }) => {
      const r = (await s
        .timeout(60_000)
        .emitWithAck("stats:subscribe", { hostId, containerId: id })) as Result<StatsSubscribed>;
      if (!r.ok) throw new Error(`stats:subscribe ${hostId}/${id}: ${r.error.code} ${r.error.message}`);
      modes[r.data.mode] = (modes[r.data.mode] ?? 0) + 1;
    });
    return modes;
  }

  /** Counts samples stamped in [from, to); call collect() once late arrivals had time to land. */
  measure(from: number, to: number): void {
    this.window = { from, to, counts: this.sockets.map(() => 0), distinct: new Set(), delays: [] };
  }

  collect(): WindowResult {
    const w = this.window;
    this.window = undefined;
    if (!w) throw new Error("collect() without measure()");
    return { perViewer: w.counts, distinct: w.distinct.size, delays: w.delays };
  }

  close(): void {
    for (const s of this.sockets) s.close();
    this.sockets.length = 0;
  }

  private record(i: number, s: StatsSample): void {
    const w = this.window;
    if (!w || s.ts < w.from || s.ts >= w.to) return;
    w.counts[i] = (w.counts[i] ?? 0) + 1;
    w.distinct.add(`${s.containerId}@${s.ts}`);
    w.delays.push(Date.now() - s.ts);
  }
}
