import { AppError, messageOf } from "../../../lib/errors";
import type { LogLine, LogsNotice } from "../../../lib/realtime/events";
import { inspectContainer } from "../../engines/containers";
import { inspectService } from "../../swarm/engine";
import type { WharfSocket } from "../types";
import {
  DEFAULT_TIMING,
  RING_CHARS,
  RING_LINES,
  STOPPED,
  type RoomHooks,
  type RoomTiming,
} from "./logs-config";
import { SubscriberQueue, type OutBatch } from "./logs-queue";
import { LineRing } from "./logs-ring";
import { LogUpstream, type RoomTarget } from "./logs-upstream";

/** What a service's batches carry as their `containerId`: no container id or name has a colon. */
export const serviceLogKey = (serviceId: string) => `service:${serviceId}`;

export const SERVICE_REMOVED = "the service was removed";

interface Member {
  socket: WharfSocket;
  queue: SubscriberQueue;
}

/**
 * One upstream follow stream and its subscribers. Lines go to every subscriber's own queue, so a slow
 * one loses lines (counted) without holding back the others; the room lingers for a grace period
 * after its last subscriber leaves, so a reload or a quick toggle reuses the stream.
 */
export class LogRoom {
  private readonly members = new Map<string, Member>();
  private readonly ring: LineRing;
  private readonly upstream: LogUpstream;
  private state: "opening" | "live" | "stopped" | "ended" = "opening";
  private produced = 0;
  private openedAt = Date.now();
  /** A start event that came while the end of the previous run was still being looked into. */
  private startedMeanwhile = false;
  private flushTimer?: NodeJS.Timeout;
  private graceTimer?: NodeJS.Timeout;
  readonly ready: Promise<void>;
  readonly hostId: string;
  readonly containerId: string;
  readonly name: string;
  readonly tty: boolean;

  constructor(
    readonly key: string,
    private readonly t: RoomTarget,
    private readonly hooks: RoomHooks,
    private readonly timing: RoomTiming = DEFAULT_TIMING,
  ) {
    this.hostId = t.host.spec.id;
    this.containerId = t.service ? serviceLogKey(t.id) : t.id;
    this.name = t.name;
    this.tty = t.tty;
    this.ring = new LineRing(Math.min(t.opts.tail ?? RING_LINES, RING_LINES), RING_CHARS);
    this.upstream = new LogUpstream(t, {
      line: (l) => this.onLine(l),
      end: (failure) => {
        if (failure) this.end(`the engine stream failed: ${failure.message}`);
        else void this.onUpstreamEnd();
      },
    });
    this.ready = this.upstream.start(false).then(
      () => void (this.state = this.state === "opening" ? "live" : this.state),
      (err: unknown) => {
        this.dispose();
        throw err;
      },
    );
    // Every subscriber awaits `ready` and reports its failure; this only keeps it from being "unhandled".
    this.ready.catch(() => {});
  }

  get hasUpstream(): boolean {
    return this.upstream.isOpen;
  }
  get ended(): boolean {
    return this.state === "ended";
  }
  has(socketId: string): boolean {
    return this.members.has(socketId);
  }
  queueOf(socketId: string): SubscriberQueue | undefined {
    return this.members.get(socketId)?.queue;
  }

  add(socket: WharfSocket): void {
    clearTimeout(this.graceTimer);
    if (this.members.has(socket.id)) return;
    const queue = new SubscriberQueue((b, ack) => this.send(socket, b, ack), this.timing.limits);
    // A late joiner gets what it would have got had it come first, as far as the ring reaches.
    const wanted = Math.min(this.t.opts.tail ?? Infinity, this.produced);
    if (wanted > this.ring.length) queue.skip(wanted - this.ring.length);
    for (const line of this.ring.toArray()) queue.push(line);
    if (this.state === "stopped") queue.notice(STOPPED);
    this.members.set(socket.id, { socket, queue });
    this.schedule();
  }

  remove(socketId: string): void {
    if (!this.members.delete(socketId) || this.members.size) return;
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => this.dispose(), this.state === "ended" ? 0 : this.timing.graceMs);
  }

  /** The container started again: follow its new lines. */
  async resume(): Promise<void> {
    if (this.state === "live" && !this.upstream.isOpen) this.startedMeanwhile = true;
    if (this.state !== "stopped") return;
    await this.reopen();
  }

  /** Final: the subscribers get `message` after their queued lines and must subscribe again to retry. */
  end(message: string): void {
    if (this.state === "ended") return;
    this.state = "ended";
    this.upstream.close();
    this.broadcast({ kind: "ended", message });
    if (!this.members.size) this.dispose();
  }

  dispose(): void {
    this.state = "ended";
    this.upstream.close();
    clearTimeout(this.flushTimer);
    clearTimeout(this.graceTimer);
    const gone = [...this.members.values()];
    this.members.clear();
    for (const m of gone) this.hooks.left(m.socket, this);
    this.hooks.disposed(this);
  }

  private async onUpstreamEnd(): Promise<void> {
    const until = this.t.opts.until;
    if (until !== undefined && until * 1000 <= Date.now()) return this.end("reached the end time");
    if (this.t.service) return this.onServiceStreamEnd();
    let running: boolean;
    try {
      running = (await inspectContainer(this.t.host, this.t.id)).derived.state === "running";
    } catch (e) {
      const gone = e instanceof AppError && e.code === "NOT_FOUND";
      return this.end(gone ? "the container was removed" : `engine: ${messageOf(e)}`);
    }
    if (this.state !== "live") return;
    // The follow stream ends when the container stops; it may already be running again.
    if (running || this.startedMeanwhile) return this.reopen();
    this.state = "stopped";
    this.broadcast(STOPPED);
  }

  /** A service's stream outlives its tasks; one that ends anyway (a manager fail-over) is opened again. */
  private async onServiceStreamEnd(): Promise<void> {
    try {
      await inspectService(this.t.host, this.t.id);
    } catch (e) {
      const gone = e instanceof AppError && e.code === "NOT_FOUND";
      return this.end(gone ? SERVICE_REMOVED : `engine: ${messageOf(e)}`);
    }
    if (this.state === "live") return this.reopen();
  }

  private async reopen(): Promise<void> {
    this.state = "opening";
    this.startedMeanwhile = false;
    // A container that keeps dying at once must not turn into a tight loop of engine calls.
    const wait = this.openedAt + 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (this.state !== "opening") return;
    this.openedAt = Date.now();
    try {
      await this.upstream.start(true);
      if (this.state !== "opening") return;
      this.state = "live";
      if (!this.t.service) this.broadcast({ kind: "resumed", message: "the container started again" });
    } catch (e) {
      this.end(`could not follow the ${this.t.service ? "service" : "container"} again: ${messageOf(e)}`);
    }
  }

  private onLine(line: LogLine): void {
    this.produced++;
    this.ring.push(line);
    for (const m of this.members.values()) {
      m.queue.push(line);
      if (m.queue.eager) m.queue.pump();
    }
    this.schedule();
  }

  private broadcast(n: LogsNotice): void {
    for (const m of this.members.values()) m.queue.notice(n);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer || !this.members.size) return;
    this.flushTimer = setTimeout(() => this.flush(), this.timing.flushMs);
  }

  private flush(): void {
    this.flushTimer = undefined;
    let pending = false;
    for (const [id, m] of this.members) {
      if (!this.hooks.allowed(m.socket)) {
        this.remove(id);
        this.hooks.left(m.socket, this);
        this.send(m.socket, { lines: [], notice: { kind: "ended", message: "access to these logs ended" } });
        continue;
      }
      m.queue.pump();
      pending ||= m.queue.pending;
    }
    if (pending) this.schedule();
    // Every subscriber has had the final notice.
    else if (this.state === "ended") this.dispose();
  }

  private send(socket: WharfSocket, b: OutBatch, ack: () => void = () => {}): void {
    const batch = { hostId: this.hostId, containerId: this.containerId, ...b };
    socket.timeout(this.timing.ackTimeoutMs).emit("logs:lines", batch, () => ack());
  }
}
