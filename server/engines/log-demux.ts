import type { IncomingMessage } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import { engineCall } from "./engine-call";
import { dialStream } from "./engine-dial";
import type { HostConnection } from "./host-connection";

export type StdStream = "stdout" | "stderr";

/** The engine's multiplexing header: stream type, three zero bytes, payload length (uint32 BE). */
const HEADER_BYTES = 8;

/**
 * Splits the engine's multiplexed log stream (non-TTY containers) into frames. Chunk boundaries fall
 * anywhere, inside a header or a payload; a payload is handed on only once complete, as a view into
 * the chunk when it fits in one (no copy on the hot path). Stream type 0 (stdin) counts as stdout.
 */
export function createDemuxer(
  onFrame: (stream: StdStream, payload: Buffer) => void,
): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  let held = 0;
  // Bytes needed before the held frame can complete; a big frame arriving in many chunks is joined once.
  let need = 0;
  return (input) => {
    let buf = input;
    if (held) {
      parts.push(input);
      held += input.length;
      if (held < need) return;
      buf = Buffer.concat(parts, held);
      parts = [];
      held = 0;
    }
    let at = 0;
    while (buf.length - at >= HEADER_BYTES) {
      const end = at + HEADER_BYTES + buf.readUInt32BE(at + 4);
      if (end > buf.length) break;
      onFrame(buf[at] === 2 ? "stderr" : "stdout", buf.subarray(at + HEADER_BYTES, end));
      at = end;
    }
    if (at < buf.length) {
      const rest = buf.subarray(at);
      need = rest.length >= HEADER_BYTES ? HEADER_BYTES + rest.readUInt32BE(4) : HEADER_BYTES;
      // Copied, so a held partial frame never pins the whole chunk it came in.
      parts = [Buffer.from(rest)];
      held = rest.length;
    }
  };
}

/**
 * The payload bytes of a log stream, in the engine's order, as one byte stream: demultiplexed for a
 * non-TTY container (optionally one stream only), passed through for a TTY one.
 */
export class DemuxTransform extends Transform {
  private readonly demux?: (chunk: Buffer) => void;

  constructor(tty: boolean, only?: StdStream) {
    super();
    if (!tty) {
      this.demux = createDemuxer((stream, payload) => {
        if (!only || stream === only) this.push(payload);
      });
    } else if (only === "stderr") {
      // A TTY merges everything into one stream, which the engine reports as stdout.
      this.demux = () => {};
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.demux) this.demux(chunk);
    else this.push(chunk);
    done();
  }
}

export interface EngineLogQuery {
  follow: boolean;
  stdout: boolean;
  stderr: boolean;
  timestamps: boolean;
  tail?: number | "all";
  /** Unix seconds, as a number or the engine's "seconds.nanoseconds" string. */
  since?: number | string;
  until?: number | string;
  /** Prefixes each line with its log labels; for a swarm service they name the task and node that wrote it. */
  details?: boolean;
}

/** Whose log stream: a container's, or a swarm service's (its tasks merged, asked of a manager). */
export type LogSourceKind = "container" | "service";

const LOG_PATHS = {
  container: { base: "/containers", missing: "no such container" },
  service: { base: "/services", missing: "no such service" },
} as const satisfies Record<LogSourceKind, { base: string; missing: string }>;

/**
 * Opens the engine's log stream as a byte stream, followed or not. dockerode buffers a non-follow
 * answer whole, so this asks the modem for the raw response either way; destroying it closes the
 * engine connection. Only the wait for the response headers is bounded by the call timeout.
 */
export function openLogStream(
  host: HostConnection,
  id: string,
  query: EngineLogQuery,
  signal?: AbortSignal,
  kind: LogSourceKind = "container",
): Promise<IncomingMessage> {
  const at = LOG_PATHS[kind];
  return engineCall(host, (timeout) => {
    const ac = new AbortController();
    const abort = () => ac.abort();
    timeout.addEventListener("abort", abort, { once: true });
    signal?.addEventListener("abort", abort, { once: true });
    const options: Record<string, unknown> = { ...query };
    for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
    const opened = dialStream(host, {
      path: `${at.base}/${encodeURIComponent(id)}/logs?`,
      method: "GET",
      abortSignal: ac.signal,
      statusCodes: { 200: true, 404: at.missing, 500: "server error", 503: "node is not part of a swarm" },
      options,
    });
    // Past the headers neither the timeout nor the caller's signal cuts the stream; destroying it does.
    const settled = () => timeout.removeEventListener("abort", abort);
    return opened.then(
      (res) => {
        settled();
        signal?.removeEventListener("abort", abort);
        return res;
      },
      (err: unknown) => {
        settled();
        throw err;
      },
    );
  });
}
