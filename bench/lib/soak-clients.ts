import { io as ioClient, type Socket } from "socket.io-client";
import type { Result } from "../../lib/errors";
import type {
  ClientToServerEvents,
  LogsBatch,
  LogsSubscribed,
  ServerToClientEvents,
  StatsSample,
  StatsSubscribed,
} from "../../lib/realtime/events";
import { runPool } from "./pool";
import type { SoakContainer } from "./soak-churn";

type SoakSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** After a start, the stats hub and the log room need a moment to follow the new run. */
export const GRACE_MS = 3000;
/** Samples come once a second; a pause longer than this has lost at least one. */
const SAMPLE_GAP_MS = 1500;

/** Missing one-second samples in a pause between two samples (or a segment edge) of `ms`. */
const lostIn = (ms: number) => (ms > SAMPLE_GAP_MS ? Math.round(ms / 1000) - 1 : 0);

interface Stream {
  /** Sample time of the last sample, and the container epoch it belonged to. */
  sampleAt?: number;
  sampleEpoch: number;
  /** The last `tick N` received, and the container epoch then; the epoch when it subscribed. */
  tick?: number;
  tickEpoch: number;
  subscribedEpoch: number;
}

export interface SoakTotals {
  samples: number;
  samplesLost: number;
  /** Samples the running time called for: running container-seconds × clients, while counting. */
  samplesExpected: number;
  lines: number;
  linesLost: number;
  linesRepeated: number;
  /** Lines the server reported dropping for slow clients (`skipped`). */
  linesSkipped: number;
  disconnects: number;
}

/**
 * Socket clients that each follow the stats and logs of every container, and the accounting of what
 * should have reached them (see bench/soak.ts for the definitions).
 */
export class SoakClients {
  private readonly sockets: SoakSocket[] = [];
  private readonly streams: Map<string, Stream>[] = [];
  private readonly byKey = new Map<string, SoakContainer>();
  private countingFrom?: number;
  private readonly runningSince = new Map<string, number>();
  private runningMs = 0;
  readonly totals: SoakTotals = {
    samples: 0,
    samplesLost: 0,
    samplesExpected: 0,
    lines: 0,
    linesLost: 0,
    linesRepeated: 0,
    linesSkipped: 0,
    disconnects: 0,
  };

  constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly containers: readonly SoakContainer[],
  ) {
    for (const c of containers) this.byKey.set(`${c.hostId}/${c.name}`, c);
  }

  async connect(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const s: SoakSocket = ioClient(this.base, {
        path: "/socket.io",
        transports: ["websocket"],
        extraHeaders: { cookie: this.cookie },
        // As Wharf's own UI does: samples in quarter-second batches.
        auth: { statsBatch: true },
        reconnection: false,
        forceNew: true,
      });
      const streams = new Map<string, Stream>();
      this.sockets.push(s);
      this.streams.push(streams);
      s.on("stats:samples", (batch) => {
        for (const sample of batch) this.onSample(streams, sample);
      });
      s.on("logs:lines", (b, ack) => {
        ack();
        this.onLines(streams, b);
      });
      s.on("disconnect", () => this.totals.disconnects++);
      await new Promise<void>((resolve, reject) => {
        s.once("connect", () => resolve());
        s.once("connect_error", reject);
      });
    }
  }

  /** Every client subscribes to the stats and the logs (new lines only) of every container. */
  async subscribe(): Promise<void> {
    const jobs = this.sockets.flatMap((s) => this.containers.map((c) => ({ s, c })));
    await runPool(jobs, 32, async ({ s, c }) => {
      const ref = { hostId: c.hostId, containerId: c.name };
      const st = (await s.timeout(60_000).emitWithAck("stats:subscribe", ref)) as Result<StatsSubscribed>;
      if (!st.ok) throw new Error(`stats:subscribe ${c.hostId}/${c.name}: ${st.error.message}`);
      // Samples and batches carry the full id; the bench subscribed by name.
      this.byKey.set(`${c.hostId}/${st.data.containerId}`, c);
      this.stream(this.streams[this.sockets.indexOf(s)] as Map<string, Stream>, c);
      const lg = (await s
        .timeout(60_000)
        .emitWithAck("logs:subscribe", { ...ref, tail: 0 })) as Result<LogsSubscribed>;
      if (!lg.ok) throw new Error(`logs:subscribe ${c.hostId}/${c.name}: ${lg.error.message}`);
    });
  }

  /** From now on gaps count: every stream is taken as having just received a sample. */
  startCounting(now: number): void {
    this.countingFrom = now;
    for (const streams of this.streams)
      for (const c of this.containers) {
        const st = this.stream(streams, c);
        if (c.running) [st.sampleAt, st.sampleEpoch] = [now, c.epoch];
      }
    for (const c of this.containers) if (c.running) this.runningSince.set(c.name, now);
  }

  /** Before a stop: the pause from each stream's last sample to now is part of the run that ends. */
  stopping(c: SoakContainer, now: number): void {
    this.closeSegment(c, now);
    const since = this.runningSince.get(c.name);
    if (since !== undefined) this.runningMs += Math.max(0, now - since);
    this.runningSince.delete(c.name);
  }

  /** After a start: the new run is expected to deliver from GRACE_MS on. */
  started(c: SoakContainer): void {
    if (this.countingFrom !== undefined) this.runningSince.set(c.name, c.startedAt + GRACE_MS);
  }

  /** Closes every open segment at `now` and fixes the totals. */
  finish(now: number): SoakTotals {
    for (const c of this.containers) if (c.running) this.stopping(c, now);
    this.totals.samplesExpected = Math.round((this.runningMs / 1000) * this.sockets.length);
    return this.totals;
  }

  /** The highest tick each client has received of a container in its current run. */
  ticksOf(c: SoakContainer): (number | undefined)[] {
    return this.streams.map((s) => {
      const st = s.get(`${c.hostId}/${c.name}`);
      return st?.tickEpoch === c.epoch ? st.tick : undefined;
    });
  }

  close(): void {
    for (const s of this.sockets) {
      s.removeAllListeners("disconnect");
      s.close();
    }
  }

  private stream(streams: Map<string, Stream>, c: SoakContainer): Stream {
    const key = `${c.hostId}/${c.name}`;
    let st = streams.get(key);
    if (!st) streams.set(key, (st = { sampleEpoch: -1, tickEpoch: -1, subscribedEpoch: c.epoch }));
    return st;
  }

  private closeSegment(c: SoakContainer, now: number): void {
    if (this.countingFrom === undefined || !c.running) return;
    for (const streams of this.streams) {
      const st = this.stream(streams, c);
      const last =
        st.sampleEpoch === c.epoch && st.sampleAt !== undefined ? st.sampleAt : c.startedAt + GRACE_MS;
      this.totals.samplesLost += lostIn(now - last);
    }
  }

  private onSample(streams: Map<string, Stream>, s: StatsSample): void {
    const c = this.byKey.get(`${s.hostId}/${s.containerId}`);
    if (!c || this.countingFrom === undefined || !c.running) return;
    const st = this.stream(streams, c);
    const prev =
      st.sampleEpoch === c.epoch && st.sampleAt !== undefined ? st.sampleAt : c.startedAt + GRACE_MS;
    if (s.ts <= prev && st.sampleEpoch === c.epoch) return; // a repeat, or older than the grace edge
    this.totals.samples++;
    this.totals.samplesLost += lostIn(s.ts - prev);
    st.sampleAt = s.ts;
    st.sampleEpoch = c.epoch;
  }

  private onLines(streams: Map<string, Stream>, b: LogsBatch): void {
    this.totals.linesSkipped += b.skipped ?? 0;
    const c = this.byKey.get(`${b.hostId}/${b.containerId}`);
    if (!c) return;
    const st = this.stream(streams, c);
    for (const line of b.lines) {
      const m = /^tick (\d+)/.exec(line.text);
      if (!m || line.stream !== "stdout") continue;
      const n = Number(m[1]);
      const first = st.tick === undefined;
      // A run of the container numbers from 1 again; a lower number within one run is a repeat.
      const newRun = !first && n <= (st.tick ?? 0) && st.tickEpoch !== c.epoch;
      if (!first && !newRun && n <= (st.tick ?? 0)) {
        if (this.countingFrom !== undefined) this.totals.linesRepeated++;
        continue;
      }
      if (this.countingFrom !== undefined) {
        this.totals.lines++;
        // The first line of a run later than the one subscribed to, or of a new run: every earlier
        // line of that run is owed. Otherwise the numbers must follow on.
        if (first) this.totals.linesLost += st.subscribedEpoch !== c.epoch ? n - 1 : 0;
        else if (newRun) this.totals.linesLost += n - 1;
        else this.totals.linesLost += n - (st.tick ?? 0) - 1;
      }
      st.tick = n;
      st.tickEpoch = c.epoch;
    }
  }
}
