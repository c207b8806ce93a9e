import { randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import { endExecProcess } from "../../engines/exec-kill";
import { execExitCode, resizeExec, type ExecProcess } from "../../engines/exec-process";
import type { HostConnection } from "../../engines/host-connection";
import type { WharfSocket } from "../types";
import { OutputBatcher, type BatchOptions } from "./exec-output";

export type EndReason = "exited" | "closed" | "disconnected" | "idle" | "revoked" | "shutdown";

export interface SessionEnd {
  reason: EndReason;
  exitCode: number | null;
  /** Set when Wharf could not make sure the process ended; the module retries later. */
  cleanupError?: string;
}

export interface SessionInit {
  host: HostConnection;
  containerId: string;
  containerName: string;
  labels: Record<string, string>;
  socket: WharfSocket;
  proc: ExecProcess;
  /** What the audit log records for this session. */
  audit: { user: string; ip: string; params: Record<string, unknown> };
  batch?: BatchOptions;
  onEnded(session: ExecSession, end: SessionEnd): void;
}

/** Packets waiting in engine.io's buffer before the exec stream is paused for a slow browser. */
const BACKLOG_PACKETS = 64;
const EXIT_CODE_POLLS = 20;
const EXIT_CODE_POLL_MS = 50;

const ERROR_BY_REASON: Partial<Record<EndReason, string>> = {
  idle: "closed after too long without input",
  revoked: "closed because your access changed",
  shutdown: "closed because Wharf is shutting down",
};

/** One interactive exec, owned by one socket. */
export class ExecSession {
  readonly id = randomUUID();
  readonly startedAt = Date.now();
  lastInputAt = Date.now();
  endReason?: EndReason;
  /** Set once exec.end is in the audit log, so it is written once even if the end is interrupted. */
  audited = false;
  private ending?: Promise<void>;
  private paused = false;
  private readonly out: OutputBatcher;

  constructor(readonly init: SessionInit) {
    const { socket, proc } = init;
    this.out = new OutputBatcher(
      (data) => socket.emit("exec:output", { sessionId: this.id, data }),
      init.batch,
    );
    proc.stream.on("data", (chunk: Buffer) => {
      this.out.push(chunk);
      this.throttle();
    });
    // The stream ends when the process exits, or when the engine connection drops (which end() tells
    // apart by asking the engine).
    proc.stream.once("end", () => void this.end("exited"));
    proc.stream.once("close", () => void this.end("exited"));
    proc.stream.on("error", () => undefined);
    if (proc.firstOutput.length) this.out.push(proc.firstOutput);
    proc.stream.resume();
    // A command quick enough to finish while the start was being set up has closed its stream already.
    // The end waits a turn, so the module has registered the session by then.
    if (proc.stream.readableEnded || proc.stream.destroyed) setImmediate(() => void this.end("exited"));
  }

  get socket(): WharfSocket {
    return this.init.socket;
  }

  get ended(): boolean {
    return this.endReason !== undefined;
  }

  write(data: string): void {
    this.lastInputAt = Date.now();
    this.init.proc.stream.write(data);
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.lastInputAt = Date.now();
    await resizeExec(this.init.host, this.init.proc.exec, cols, rows);
  }

  /** Ends the process inside the container (not just the stream), then reports and audits; idempotent. */
  end(reason: EndReason, note?: string): Promise<void> {
    if (!this.ending) {
      this.endReason = reason;
      if (note) this.out.push(Buffer.from(note));
      this.ending = this.finish(reason);
    }
    return this.ending;
  }

  private async finish(reason: EndReason): Promise<void> {
    const { host, containerId, proc, socket } = this.init;
    let cleanupError: string | undefined;
    try {
      await endExecProcess(host, containerId, proc.exec, proc.pid);
    } catch (err) {
      cleanupError = err instanceof Error ? err.message : String(err);
    }
    proc.stream.destroy();
    this.out.close();
    const exitCode = cleanupError ? null : await this.exitCode();
    if (socket.connected) {
      const error = cleanupError ? `could not end the process: ${cleanupError}` : ERROR_BY_REASON[reason];
      socket.emit("exec:exit", { sessionId: this.id, exitCode, ...(error ? { error } : {}) });
    }
    this.init.onEnded(this, { reason, exitCode, ...(cleanupError ? { cleanupError } : {}) });
  }

  /** The engine marks an exec finished a moment after its process is gone. */
  private async exitCode(): Promise<number | null> {
    for (let i = 0; i < EXIT_CODE_POLLS; i++) {
      const code = await execExitCode(this.init.host, this.init.proc.exec);
      if (code !== null) return code;
      await new Promise((r) => setTimeout(r, EXIT_CODE_POLL_MS));
    }
    return null;
  }

  /** Pauses the engine stream while the browser cannot keep up, so output never piles up in memory. */
  private throttle(): void {
    if (this.paused) return;
    const conn = this.init.socket.conn as unknown as EventEmitter & { writeBuffer?: unknown[] };
    if ((conn.writeBuffer?.length ?? 0) < BACKLOG_PACKETS) return;
    this.paused = true;
    this.init.proc.stream.pause();
    conn.once("drain", () => {
      this.paused = false;
      this.init.proc.stream.resume();
    });
  }
}
