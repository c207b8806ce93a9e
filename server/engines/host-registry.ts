import { EventEmitter } from "node:events";
import { AppError } from "../../lib/errors";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { EngineContainerEvent } from "./engine-events";
import type { EngineEventItem } from "../../lib/system";
import type { HostSummary } from "../../lib/types";
import { DEFAULT_TIMING, HostConnection, type HealthTiming } from "./host-connection";
import type { HostSpec } from "./host-spec";

type Events = {
  status: [HostStatusEvent];
  container: [EngineContainerEvent];
  engine: [EngineEventItem];
  changed: [];
};

export class HostRegistry extends EventEmitter<Events> {
  private readonly hosts = new Map<string, HostConnection>();

  private started = false;

  constructor(
    specs: HostSpec[],
    private readonly timing: HealthTiming = DEFAULT_TIMING,
  ) {
    super();
    for (const spec of specs) this.add(new HostConnection(spec, timing));
  }

  /** Adds a host at run time (an admin added it) and starts its health loop. */
  addSpec(spec: HostSpec): HostConnection {
    const conn = new HostConnection(spec, this.timing);
    this.add(conn);
    if (this.started) conn.start();
    this.emit("changed");
    return conn;
  }

  remove(hostId: string): void {
    const h = this.get(hostId);
    h.stop();
    h.removeAllListeners();
    this.hosts.delete(hostId);
    this.emit("changed");
  }

  add(conn: HostConnection): void {
    if (this.hosts.has(conn.spec.id)) throw new AppError("CONFLICT", `host "${conn.spec.id}" already exists`);
    conn.on("status", (e) => this.emit("status", e));
    conn.on("container", (e) => this.emit("container", e));
    conn.on("engine", (e) => this.emit("engine", e));
    this.hosts.set(conn.spec.id, conn);
  }

  start(): void {
    this.started = true;
    for (const h of this.hosts.values()) h.start();
  }

  stop(): void {
    this.started = false;
    for (const h of this.hosts.values()) h.stop();
  }

  list(): HostSummary[] {
    return [...this.hosts.values()].map((h) => h.summary());
  }

  ids(): string[] {
    return [...this.hosts.keys()];
  }

  find(hostId: string): HostConnection | undefined {
    return this.hosts.get(hostId);
  }

  get(hostId: string): HostConnection {
    const h = this.hosts.get(hostId);
    if (!h) throw new AppError("NOT_FOUND", `unknown host "${hostId}"`, { hostId });
    return h;
  }
}
