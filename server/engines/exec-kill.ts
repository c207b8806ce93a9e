import type Dockerode from "dockerode";
import { AppError } from "../../lib/errors";
import { engineCall } from "./engine-call";
import { classifyEngineError } from "./engine-error";
import { killCmd } from "./exec-wrapper";
import { createDemuxer } from "./log-demux";
import type { HostConnection } from "./host-connection";

/** A non-TTY exec's whole multiplexed output as text, both streams in order. */
function demux(buf: Buffer): string {
  const frames: Buffer[] = [];
  createDemuxer((_stream, payload) => frames.push(payload))(buf);
  return Buffer.concat(frames).toString("utf8");
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.once("end", () => resolve(Buffer.concat(chunks)));
    stream.once("error", reject);
  });
}

export interface EndOutcome {
  /** Whether the exec's own process was still running when Wharf came to end it. */
  wasRunning: boolean;
  /** How many processes the sweep signalled (the shell and whatever it left behind). */
  signalled: number;
}

/**
 * Ends the exec's process and everything it started, through a second exec (as root, so it may
 * signal whatever user the session ran as). When the engine says the exec already ended, only what
 * is left of its session is swept, so a pid the container has since reused is never touched.
 */
export async function endExecProcess(
  host: HostConnection,
  containerId: string,
  exec: Dockerode.Exec,
  pid: number,
): Promise<EndOutcome> {
  let wasRunning = false;
  try {
    wasRunning = (await engineCall(host, (abortSignal) => exec.inspect({ abortSignal }))).Running;
  } catch (err) {
    if (classifyEngineError(err, host.spec.id).code !== "NOT_FOUND")
      throw classifyEngineError(err, host.spec.id);
  }
  const container = host.docker.getContainer(containerId);
  try {
    const killer = await engineCall(host, (abortSignal) =>
      container.exec({
        Cmd: killCmd(pid, wasRunning ? "live" : "gone"),
        User: "0",
        AttachStdout: true,
        AttachStderr: true,
        abortSignal,
      }),
    );
    const out = await engineCall(host, async (abortSignal) => {
      const stream = await killer.start({ Detach: false, abortSignal });
      return collect(stream as NodeJS.ReadableStream);
    });
    const done = await engineCall(host, (abortSignal) => killer.inspect({ abortSignal }));
    if (done.ExitCode !== 0) {
      throw new AppError("ENGINE_ERROR", `ending pid ${pid} failed (exit code ${done.ExitCode})`, {
        hostId: host.spec.id,
      });
    }
    return { wasRunning, signalled: Number.parseInt(demux(out).trim(), 10) || 0 };
  } catch (err) {
    const e = classifyEngineError(err, host.spec.id);
    // A container that stopped or went away took the process with it.
    if (e.code === "CONFLICT" || e.code === "NOT_FOUND") return { wasRunning, signalled: 0 };
    throw e;
  }
}
