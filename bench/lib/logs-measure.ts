import { spawn } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { Result } from "../../lib/errors";
import type {
  ClientToServerEvents,
  LogsBatch,
  LogsSubscribed,
  ServerToClientEvents,
} from "../../lib/realtime/events";

export interface LogRun {
  ms: number;
  lines: number;
  bytes: number;
  skipped: number;
  /** CPU time the Wharf server and this client spent on the run. */
  serverCpuMs?: number;
  clientCpuMs?: number;
}

/** User plus system CPU time of a process, from /proc (Linux); NaN elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** `docker logs` of the container to /dev/null, through the CLI on the same socket Wharf uses. */
export function dockerLogsRun(socketPath: string, id: string): Promise<LogRun> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("docker", ["-H", `unix://${socketPath}`, "logs", id], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`docker logs exited ${code}: ${err.trim()}`));
      else resolve({ ms: performance.now() - t0, lines: NaN, bytes: NaN, skipped: 0 });
    });
  });
}

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(port: number, cookie: string): Promise<BenchSocket> {
  const s: BenchSocket = io(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}

/**
 * Every line of a stopped container through Wharf to this socket.io client: from sending the
 * subscription to the notice that the stream stopped, which comes after the last line. The client
 * checks the numbering as it goes, so a lost or reordered line fails the run.
 */
export async function wharfLogsRun(
  s: BenchSocket,
  hostId: string,
  id: string,
  expected: number,
  since: number,
  serverPid: number,
): Promise<LogRun> {
  const cpu0 = [processCpuMs(serverPid), process.cpuUsage()] as const;
  let lines = 0;
  let bytes = 0;
  let skipped = 0;
  let next = 1;
  const t0 = performance.now();
  const done = new Promise<void>((resolve, reject) => {
    const onLines = (b: LogsBatch, ack: () => void) => {
      skipped += b.skipped ?? 0;
      if (b.skipped) next = NaN;
      for (const l of b.lines) {
        lines++;
        bytes += l.text.length + 1;
        const n = Number.parseInt(l.text, 10);
        if (!Number.isNaN(next) && n !== next)
          reject(new Error(`line ${lines}: expected ${next}, got "${l.text.slice(0, 20)}"`));
        next = n + 1;
      }
      ack();
      if (b.notice) {
        s.off("logs:lines", onLines);
        if (b.notice.kind === "stopped") resolve();
        else reject(new Error(`stream ${b.notice.kind}: ${b.notice.message ?? ""}`));
      }
    };
    s.on("logs:lines", onLines);
  });
  // A `since` of its own per run gives each run a fresh upstream stream, not a lingering one.
  const r = (await s
    .timeout(60_000)
    .emitWithAck("logs:subscribe", { hostId, containerId: id, since })) as Result<LogsSubscribed>;
  if (!r.ok) throw new Error(`subscribe: ${r.error.code}: ${r.error.message}`);
  await done;
  const ms = performance.now() - t0;
  const serverCpuMs = processCpuMs(serverPid) - cpu0[0];
  const client = process.cpuUsage(cpu0[1]);
  await s.timeout(10_000).emitWithAck("logs:unsubscribe", { hostId, containerId: id });
  if (lines + skipped !== expected)
    throw new Error(`got ${lines} lines and ${skipped} skipped, expected ${expected}`);
  return { ms, lines, bytes, skipped, serverCpuMs, clientCpuMs: (client.user + client.system) / 1000 };
}
