import type { Duplex } from "node:stream";
import { performance } from "node:perf_hooks";
import type Dockerode from "dockerode";
import { io as ioClient, type Socket } from "socket.io-client";
import { sendCommand } from "../../lib/realtime/ack";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/events";

/**
 * `cat` with the TTY in raw mode: every key comes back as sent, echoed by a process in the container.
 * `isig` stays on so that ^C can end the raw side, which nothing else would (the keys are alphanumeric).
 */
export const ECHO_CMD = ["sh", "-c", "stty raw -echo isig && printf READY && exec cat"];
const READY = "READY";
const KEY_TIMEOUT_MS = 5000;

/** A byte pipe into a TTY exec: the raw engine stream, or a Wharf session over socket.io. */
export interface EchoChannel {
  send(data: string): void;
  onData(cb: (data: string) => void): void;
  close(): Promise<void>;
}

/**
 * Sends keys one at a time and times each until its echo is back. Everything received is kept, so
 * the end can tell whether anything was lost, duplicated or reordered.
 */
export class EchoProbe {
  sent = "";
  received = "";
  private waiting?: { resolve: (ms: number) => void; t0: number; length: number };

  constructor(private readonly ch: EchoChannel) {
    ch.onData((d) => {
      this.received += d;
      const w = this.waiting;
      if (w && this.received.length >= w.length) {
        this.waiting = undefined;
        w.resolve(performance.now() - w.t0);
      }
    });
  }

  async ready(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!this.received.includes(READY)) {
      if (Date.now() > deadline)
        throw new Error(`no ${READY} from the exec: ${JSON.stringify(this.received)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    this.received = this.received.slice(this.received.indexOf(READY) + READY.length);
  }

  key(k: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no echo of key ${this.sent.length} within ${KEY_TIMEOUT_MS} ms`)),
        KEY_TIMEOUT_MS,
      );
      this.sent += k;
      this.waiting = {
        resolve: (ms) => {
          clearTimeout(timer);
          resolve(ms);
        },
        t0: performance.now(),
        length: this.sent.length,
      };
      this.ch.send(k);
    });
  }

  /** Keys whose echo differs from what was sent, position by position, plus any surplus or shortfall. */
  mismatches(): number {
    let bad = Math.abs(this.sent.length - this.received.length);
    const n = Math.min(this.sent.length, this.received.length);
    for (let i = 0; i < n; i++) if (this.sent[i] !== this.received[i]) bad++;
    return bad;
  }
}

/** The baseline: the same hijacked exec stream Wharf uses, with nothing in between. */
export async function rawChannel(docker: Dockerode, containerId: string): Promise<EchoChannel> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: ECHO_CMD,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true, Detach: false })) as Duplex & {
    setNoDelay?: (v: boolean) => void;
  };
  stream.setNoDelay?.(true);
  return {
    send: (d) => void stream.write(d),
    onData: (cb) => stream.on("data", (b: Buffer) => cb(b.toString("utf8"))),
    close: async () => {
      // Closing the stream would leave `cat` running in the container: that is what Docker does.
      const ended = new Promise((r) => stream.once("close", r));
      stream.write("\x03");
      await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
      stream.destroy();
    },
  };
}

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectWharf(port: number, cookie: string): Promise<BenchSocket> {
  const socket: BenchSocket = ioClient(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

/**
 * Through Wharf: keys as exec:input with an acknowledgement callback, as the browser sends them.
 * Output is caught from before the start: it may be handled in the same tick as the acknowledgement,
 * ahead of the code that awaits it.
 */
export async function wharfChannel(
  socket: BenchSocket,
  hostId: string,
  containerId: string,
): Promise<EchoChannel> {
  const early: { sessionId: string; data: string }[] = [];
  let deliver: ((e: { sessionId: string; data: string }) => void) | undefined;
  socket.on("exec:output", (e) => (deliver ? deliver(e) : early.push(e)));
  const r = await sendCommand(
    socket,
    "exec:start",
    { hostId, containerId, cmd: ECHO_CMD, cols: 80, rows: 24 },
    20_000,
  );
  if (!r.ok) throw new Error(`exec:start on ${hostId}: ${r.error.code} ${r.error.message}`);
  const { sessionId } = r.data;
  return {
    send: (data) => void socket.emit("exec:input", { sessionId, data }, () => undefined),
    onData: (cb) => {
      deliver = (e) => {
        if (e.sessionId === sessionId) cb(e.data);
      };
      for (const e of early.splice(0)) deliver(e);
    },
    close: async () => {
      await sendCommand(socket, "exec:close", { sessionId }, 20_000);
    },
  };
}
