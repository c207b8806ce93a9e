import type { IncomingMessage } from "node:http";
import type { LogLine } from "../../../lib/realtime/events";
import { createDemuxer, openLogStream, type EngineLogQuery } from "../../engines/log-demux";
import type { HostConnection } from "../../engines/host-connection";
import type { ServiceLogNames } from "../../swarm/service-log-names";
import { LineSplitter, sinceAfter } from "./logs-lines";

export interface RoomOptions {
  tail?: number;
  since?: number;
  until?: number;
  timestamps: boolean;
}

export interface RoomTarget {
  host: HostConnection;
  /** The canonical full id, and the name without its slash. */
  id: string;
  name: string;
  tty: boolean;
  opts: RoomOptions;
  /** Set for a swarm service (`id` is then the service's): its tasks' lines, each named by the CLI's rule. */
  service?: ServiceLogNames;
}

/**
 * One follow stream from the engine, as lines. It can be started again after it ended (the
 * container restarted): then it asks only for what came after the newest line it saw.
 */
export class LogUpstream {
  private res?: IncomingMessage;
  /** Bumped by close(), so a stream that opens after its room gave up is closed at once. */
  private generation = 0;
  private lastTs?: string;

  constructor(
    private readonly t: RoomTarget,
    private readonly on: { line(l: LogLine): void; end(failure?: Error): void },
  ) {}

  get isOpen(): boolean {
    return !!this.res;
  }

  async start(resume: boolean): Promise<void> {
    const o = this.t.opts;
    const resumeAt = resume ? this.lastTs : undefined;
    const fresh = !resumeAt;
    const query: EngineLogQuery = {
      follow: true,
      stdout: true,
      stderr: true,
      // Always: the newest timestamp is where a stream resumes after a restart.
      timestamps: true,
      tail: fresh ? (o.tail ?? "all") : "all",
      since: resumeAt ? sinceAfter(resumeAt) : o.since,
      until: o.until,
      ...(this.t.service ? { details: true } : {}),
    };
    const generation = this.generation;
    const kind = this.t.service ? "service" : "container";
    const res = await openLogStream(this.t.host, this.t.id, query, undefined, kind);
    if (generation !== this.generation) res.destroy();
    else this.attach(res);
  }

  close(): void {
    this.generation++;
    const res = this.res;
    this.res = undefined;
    res?.destroy();
  }

  private attach(res: IncomingMessage): void {
    this.res = res;
    const opts = { keepTs: this.t.opts.timestamps, tty: this.t.tty };
    const names = this.t.service;
    const line = names
      ? (l: LogLine) => this.on.line({ ...l, text: names.label(l.text) })
      : (l: LogLine) => this.on.line(l);
    const out = new LineSplitter("stdout", opts, line);
    const err = new LineSplitter("stderr", opts, line);
    const feed = this.t.tty
      ? (c: Buffer) => out.raw(c)
      : createDemuxer((s, p) => (s === "stderr" ? err : out).message(p));
    const finish = (failure?: Error) => {
      if (this.res !== res) return;
      this.res = undefined;
      out.end();
      err.end();
      this.lastTs = [this.lastTs, out.lastTs, err.lastTs]
        .filter((x): x is string => !!x)
        .sort()
        .pop();
      this.on.end(failure);
    };
    res.on("data", feed);
    res.on("end", () => finish());
    res.on("error", (e) => finish(e));
    res.on("close", () => finish(new Error("connection closed")));
  }
}
