import { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type Dockerode from "dockerode";
import { AppError } from "../../lib/errors";
import { engineCall } from "./engine-call";
import { classifyEngineError } from "./engine-error";
import { isMissingShell, parseMarker, wrappedCmd } from "./exec-wrapper";
import type { HostConnection } from "./host-connection";

export interface ExecOptions {
  cmd?: string[];
  user?: string;
  workingDir?: string;
  cols: number;
  rows: number;
}

/** A running exec with a TTY: its engine handle, the hijacked stream, and its pid in the container. */
export interface ExecProcess {
  exec: Dockerode.Exec;
  /** Paused: whoever takes it attaches a data listener and then resumes it. */
  stream: Duplex;
  pid: number;
  /** What the wrapper ran: the requested program, or bash or sh for the automatic choice. */
  program: string;
  /** Output that arrived in the same chunk as the wrapper's report. */
  firstOutput: Buffer;
}

export const START_TIMEOUT_MS = 10_000;

/** The engine's start failure, told in terms of what the user asked for. */
export function startFailure(text: string, opts: ExecOptions, hostId: string): AppError {
  const said = text.replace(/\s+$/, "");
  if (isMissingShell(said))
    return new AppError(
      "CONFLICT",
      "this container has no shell (/bin/sh), which Wharf needs to open a terminal and to end it cleanly",
      { hostId, reason: "no-shell" },
    );
  if (/unable to find user/i.test(said))
    return new AppError("VALIDATION", `user: the container has no user "${opts.user ?? ""}"`, {
      hostId,
      field: "user",
    });
  if (/chdir to cwd/i.test(said))
    return new AppError(
      "VALIDATION",
      `workingDir: "${opts.workingDir ?? ""}" does not exist in the container`,
      { hostId, field: "workingDir" },
    );
  return new AppError("ENGINE_ERROR", said || "the exec ended before it started", { hostId });
}

/** Waits for the wrapper's report; the engine's own start errors arrive on the stream instead. */
function readMarker(stream: Duplex, timeoutMs: number) {
  return new Promise<NonNullable<ReturnType<typeof parseMarker>>>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const done = (fn: () => void) => {
      clearTimeout(timer);
      // Held until the session attaches its own listener: a flowing stream drops data nobody hears.
      stream.pause();
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("close", onEnd);
      stream.off("error", onError);
      fn();
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const r = parseMarker(buf);
      if (r) done(() => resolve(r));
    };
    const onEnd = () =>
      done(() => resolve(parseMarker(buf, true) as NonNullable<ReturnType<typeof parseMarker>>));
    const onError = (err: Error) => done(() => reject(err));
    const timer = setTimeout(
      () => done(() => reject(new Error(`the exec did not start within ${timeoutMs} ms`))),
      timeoutMs,
    );
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("close", onEnd);
    stream.once("error", onError);
  });
}

export async function startExecProcess(
  host: HostConnection,
  containerId: string,
  opts: ExecOptions,
  timeoutMs = START_TIMEOUT_MS,
): Promise<ExecProcess> {
  const hostId = host.spec.id;
  const container = host.docker.getContainer(containerId);
  const exec = await engineCall(host, (abortSignal) =>
    container.exec({
      Cmd: wrappedCmd(opts.cmd),
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: ["TERM=xterm-256color"],
      ...(opts.user ? { User: opts.user } : {}),
      ...(opts.workingDir ? { WorkingDir: opts.workingDir } : {}),
      abortSignal,
    }),
  );
  // No abort signal here: it would stay tied to the hijacked socket for the session's whole life.
  const stream = await engineCall<Duplex>(host, () =>
    exec.start({ hijack: true, stdin: true, Tty: true, Detach: false }),
  ).catch((err: unknown) => {
    // Podman refuses an unknown user as the exec starts, where Docker tells it on the stream.
    if (err instanceof AppError && /unable to find user/i.test(err.message))
      throw startFailure(err.message, opts, hostId);
    throw err;
  });
  // Keystrokes are tiny writes; Nagle would hold each one back on TCP engines.
  if (stream instanceof Socket) stream.setNoDelay(true);
  let marker;
  try {
    marker = await readMarker(stream, timeoutMs);
  } catch (err) {
    stream.destroy();
    throw classifyEngineError(err, hostId);
  }
  if (marker.kind === "missing") {
    stream.destroy();
    throw new AppError("VALIDATION", `cmd: "${marker.program}" was not found in the container`, {
      hostId,
      field: "cmd",
    });
  }
  if (marker.kind === "none") {
    stream.destroy();
    throw startFailure(marker.text, opts, hostId);
  }
  // The size is set only now: the engine refuses to resize an exec whose process has not started.
  await resizeExec(host, exec, opts.cols, opts.rows).catch(() => undefined);
  return { exec, stream, pid: marker.pid, program: marker.program, firstOutput: marker.rest };
}

export async function resizeExec(host: HostConnection, exec: Dockerode.Exec, cols: number, rows: number) {
  try {
    await engineCall(host, (abortSignal) => exec.resize({ h: rows, w: cols, abortSignal }));
  } catch (err) {
    // Podman answers a resize it applied with 201 where Docker answers 200: that is no failure.
    if (
      err instanceof AppError &&
      (err.details as { engineStatus?: number } | undefined)?.engineStatus === 201
    )
      return;
    throw err;
  }
}

/** The exec's exit code once its process has ended; null while it runs or when the engine forgot it. */
export async function execExitCode(host: HostConnection, exec: Dockerode.Exec): Promise<number | null> {
  try {
    const info = await engineCall(host, (abortSignal) => exec.inspect({ abortSignal }));
    return info.Running ? null : info.ExitCode;
  } catch {
    return null;
  }
}
