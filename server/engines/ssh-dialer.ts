import { Agent, type AgentOptions } from "node:http";
import { inspect } from "node:util";
import { Duplex } from "node:stream";
import { Client, type ClientChannel, type ConnectConfig } from "ssh2";

/** OpenSSH allows 10 sessions per connection by default (MaxSessions); a few are kept spare. */
const CHANNELS_PER_CONNECTION = 8;
/** A connection with no channel open is closed after this long. */
const IDLE_CONNECTION_MS = 60_000;
/** An idle keep-alive channel (and the remote `docker system dial-stdio` behind it) is closed after this long. */
const IDLE_CHANNEL_MS = 30_000;
const COMMAND = "docker system dial-stdio";
/** How long the remote may take to open a channel (and start its command) once connected. */
const OPEN_TIMEOUT_MS = 15_000;

interface Connection {
  client: Client;
  ready: Promise<void>;
  open: number;
  dead: boolean;
  idle?: NodeJS.Timeout;
}

/** What node's http client asks of a socket beyond a duplex stream; an SSH channel has none of it. */
type SocketLike = Duplex & {
  setKeepAlive(): SocketLike;
  setNoDelay(): SocketLike;
  ref(): SocketLike;
  unref(): SocketLike;
  setTimeout(ms: number, cb?: () => void): SocketLike;
  timeout?: number;
};

/**
 * Gives an SSH channel the socket methods node's http client calls. Its idle timeout counts from the
 * last byte either way, as a TCP socket's does, so the agent can close a channel left idle in its pool.
 */
export function socketLike(channel: ClientChannel): SocketLike {
  const s = channel as unknown as SocketLike;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    if (s.timeout) {
      timer = setTimeout(() => s.emit("timeout"), s.timeout);
      timer.unref();
    }
  };
  const push = channel.push.bind(channel);
  channel.push = (chunk: unknown, encoding?: BufferEncoding) => {
    arm();
    return push(chunk, encoding);
  };
  const write = channel.write.bind(channel) as (...a: unknown[]) => boolean;
  (channel as { write: (...a: unknown[]) => boolean }).write = (...a: unknown[]) => {
    arm();
    return write(...a);
  };
  s.setKeepAlive = () => s;
  s.setNoDelay = () => s;
  s.ref = () => s;
  s.unref = () => s;
  // As net.Socket's: a callback is added as a once-listener, and taken off again with a timeout of 0
  // (node's http client does so when a kept-alive request ends).
  s.setTimeout = (ms, cb) => {
    s.timeout = ms;
    if (cb) {
      if (ms === 0) s.removeListener("timeout", cb);
      else s.once("timeout", cb);
    }
    arm();
    return s;
  };
  channel.once("close", () => clearTimeout(timer));
  // ssh2's destroy() only asks the remote to close, drops the error, and emits 'close' when the remote
  // answers. A remote that hangs (a stalled CLI or engine) then held the http request, and any
  // deadline on it, forever: a host stayed "connecting" for good. Here destroy ends the channel at
  // once, as a TCP socket's does (error, then 'close'), and still asks the remote to close; the
  // remote's own close, when it comes, is not told twice.
  const askRemoteToClose = channel.destroy.bind(channel);
  const emit = channel.emit.bind(channel) as (event: string | symbol, ...args: unknown[]) => boolean;
  let closeEmitted = false;
  (channel as { emit: typeof emit }).emit = (event, ...args) => {
    if (event === "close") {
      if (closeEmitted) return false;
      closeEmitted = true;
    }
    return emit(event, ...args);
  };
  s.destroy = (err?: Error) => {
    if (s.destroyed) return s;
    askRemoteToClose();
    Duplex.prototype.destroy.call(s, err);
    return s;
  };
  return s;
}

/** A channel running the dial command, or an error once the remote has taken too long to open one. */
function openChannel(client: Client): Promise<ClientChannel> {
  return new Promise<ClientChannel>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`ssh: the remote did not open a channel within ${OPEN_TIMEOUT_MS / 1000} s`));
    }, OPEN_TIMEOUT_MS);
    timer.unref();
    client.exec(COMMAND, (err, ch) => {
      clearTimeout(timer);
      if (late) ch?.close();
      else if (err) reject(err);
      else resolve(ch);
    });
  });
}

/**
 * The engine API over SSH without a handshake per call: a few SSH connections per host, each
 * carrying up to 8 channels that run `docker system dial-stdio`, and an http agent that keeps those
 * channels open between calls (HTTP keep-alive through the remote CLI to the engine's socket). A
 * call costs one request on an open channel, where a fresh connection, key exchange and remote
 * process per call would starve a busy host.
 */
export class SshDialer {
  private readonly connections: Connection[] = [];

  constructor(private readonly config: ConnectConfig) {}

  /** A fresh channel to the engine, on a connection with room for it. */
  async channel(): Promise<SocketLike> {
    const c = this.connections.find((x) => !x.dead && x.open < CHANNELS_PER_CONNECTION) ?? this.connect();
    c.open++;
    clearTimeout(c.idle);
    try {
      await c.ready;
      const channel = await openChannel(c.client);
      channel.once("close", () => this.release(c));
      const socket = socketLike(channel);
      this.reportExit(channel, socket);
      return socket;
    } catch (err) {
      this.release(c);
      throw err;
    }
  }

  /** An http agent whose sockets are channels from this dialer, kept open between calls. */
  agent(options: AgentOptions = {}): Agent {
    const agent = new Agent({
      keepAlive: true,
      timeout: IDLE_CHANNEL_MS,
      maxFreeSockets: CHANNELS_PER_CONNECTION,
      ...options,
    });
    // docker-modem writes every request's options with util.inspect (showHidden, unlimited depth)
    // before it knows whether debugging is on; unchecked, that walked this agent's SSH connections and
    // channels on every call, gigabytes of garbage a minute on a few busy hosts.
    Object.defineProperty(agent, inspect.custom, { value: () => "[SshDialer agent]" });
    (agent as unknown as { createConnection: unknown }).createConnection = (
      _opts: unknown,
      cb: (err: Error | null, socket?: Duplex) => void,
    ) => {
      this.channel().then(
        (s) => cb(null, s),
        (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
      );
    };
    return agent;
  }

  /** How many connections and channels are open now. */
  stats(): { connections: number; channels: number } {
    const live = this.connections.filter((c) => !c.dead);
    return { connections: live.length, channels: live.reduce((n, c) => n + c.open, 0) };
  }

  /** Ends every connection, and the calls on them; a later call dials afresh. */
  close(): void {
    for (const c of this.connections.splice(0)) this.end(c);
  }

  private connect(): Connection {
    const client = new Client();
    const c: Connection = { client, open: 0, dead: false, ready: Promise.resolve() };
    c.ready = new Promise<void>((resolve, reject) => {
      client.once("ready", resolve);
      client.once("error", reject);
      // A server that hangs up during the handshake may close without an error; a caller must not wait on.
      client.once("close", () => reject(new Error("ssh: the connection closed before it was ready")));
    });
    // A failed connection is dropped at once, so the next call dials again.
    c.ready.catch(() => this.drop(c));
    client.on("error", () => this.drop(c));
    client.once("close", () => this.drop(c));
    client.connect({ readyTimeout: 10_000, keepaliveInterval: 15_000, ...this.config });
    this.connections.push(c);
    return c;
  }

  /** A remote CLI that fails says why on stderr; that text, not "socket hang up", is the error. */
  private reportExit(channel: ClientChannel, socket: SocketLike): void {
    let stderr = "";
    channel.stderr.on("data", (d: Buffer) => {
      if (stderr.length < 500) stderr += d.toString();
    });
    channel.once("exit", (code: number | null) => {
      if (code && !socket.destroyed)
        socket.destroy(new Error(`ssh: ${COMMAND} exited with ${code}: ${stderr.trim() || "no message"}`));
    });
  }

  private release(c: Connection): void {
    c.open = Math.max(0, c.open - 1);
    if (c.open > 0 || c.dead) return;
    clearTimeout(c.idle);
    c.idle = setTimeout(() => {
      if (c.open === 0) this.drop(c);
    }, IDLE_CONNECTION_MS);
    c.idle.unref();
  }

  private drop(c: Connection): void {
    if (c.dead) return;
    c.dead = true;
    const i = this.connections.indexOf(c);
    if (i >= 0) this.connections.splice(i, 1);
    this.end(c);
  }

  private end(c: Connection): void {
    c.dead = true;
    clearTimeout(c.idle);
    c.client.end();
  }
}
