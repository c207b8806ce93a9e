import { performance } from "node:perf_hooks";
import { io as ioClient, type Socket } from "socket.io-client";
import type { ClientToServerEvents, HostStatusEvent, ServerToClientEvents } from "../../lib/realtime/events";

export interface StatusChange extends HostStatusEvent {
  /** Bench clock (performance.now()). */
  at: number;
}

/**
 * One socket client that records every `host:status` for the whole run, so a host that drops out
 * while nobody meant it to (a flap) is reported beside the figures it may have touched.
 */
export class HostWatch {
  readonly changes: StatusChange[] = [];
  private socket?: Socket<ServerToClientEvents, ClientToServerEvents>;

  async connect(base: string, cookie: string): Promise<void> {
    const s: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(base, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie },
      forceNew: true,
    });
    this.socket = s;
    s.on("host:status", (e) => this.changes.push({ ...e, at: performance.now() }));
    await new Promise<void>((resolve, reject) => {
      s.once("connect", () => resolve());
      s.once("connect_error", reject);
    });
  }

  /** Hosts reported down within [from, to), leaving out `except` (a host killed on purpose). */
  downs(from = 0, to = Infinity, except?: { hostId: string; from: number; to: number }): StatusChange[] {
    return this.changes.filter(
      (c) =>
        c.status !== "up" &&
        c.at >= from &&
        c.at < to &&
        !(except && c.hostId === except.hostId && c.at >= except.from && c.at < except.to),
    );
  }

  close(): void {
    this.socket?.close();
  }
}
