import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { expectStatus, httpRequest, type HttpTarget } from "./http-get";

/** One way for the docker CLI to reach the engine: its raw socket, or Wharf's endpoint with a token. */
export interface CliSide {
  name: "raw" | "wharf";
  /** The CLI's `-H`. */
  host: string;
  /** The CLI's DOCKER_CONFIG directory. */
  configDir: string;
}

/**
 * A DOCKER_CONFIG directory under `parent` whose config.json sends `headers` with every call; each
 * side has its own, so both CLIs read a config of the same size and only Wharf sees the token.
 */
export function cliSide(
  name: CliSide["name"],
  host: string,
  parent: string,
  headers?: Record<string, string>,
) {
  const configDir = path.join(parent, `docker-config-${name}`);
  fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(
    path.join(configDir, "config.json"),
    JSON.stringify(headers ? { HttpHeaders: headers } : {}),
    { mode: 0o600 },
  );
  return { name, host, configDir } satisfies CliSide;
}

/** The environment without any docker or tracing setting of the caller's, so `-H` and the config decide. */
function cliEnv(side: CliSide): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("DOCKER_") || k.startsWith("OTEL_")) delete env[k];
  return { ...env, DOCKER_CONFIG: side.configDir, DOCKER_CLI_HINTS: "false" };
}

export interface CliRun {
  /** Wall time of the CLI process, from spawn to its exit with its output read. */
  ms: number;
  /** What it printed, when asked to keep it. */
  out?: string;
  /** Bytes and lines it printed, when asked to count them (or keep them). */
  bytes: number;
  lines: number;
  /** The last line printed, when counted. */
  lastLine?: string;
}

/**
 * Runs `docker -H <side> ...args` and times it. stdout "ignore" is /dev/null (nothing read by this
 * process), "count" reads and counts it as it comes, "keep" keeps it too. A non-zero exit throws
 * with what the CLI said.
 */
export function runCli(
  side: CliSide,
  args: readonly string[],
  stdout: "ignore" | "count" | "keep",
  signal: AbortSignal,
): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn("docker", ["-H", side.host, ...args], {
    env: cliEnv(side),
    stdio: ["ignore", stdout === "ignore" ? "ignore" : "pipe", "pipe"],
    signal,
  });
  let err = "";
  let bytes = 0;
  let lines = 0;
  let tail = "";
  const kept: Buffer[] = [];
  child.stderr?.on("data", (c: Buffer) => (err += c.toString("utf8")));
  child.stdout?.on("data", (c: Buffer) => {
    bytes += c.length;
    for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
    tail = (tail + c.subarray(Math.max(0, c.length - 64)).toString("latin1")).slice(-64);
    if (stdout === "keep") kept.push(c);
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, sig) => {
      const ms = performance.now() - t0;
      if (code !== 0) {
        reject(new Error(`docker ${args.join(" ")} (${side.name}) exited ${code ?? sig}: ${err.trim()}`));
        return;
      }
      const run: CliRun = { ms, bytes, lines };
      if (stdout !== "ignore") run.lastLine = tail.replace(/\n$/, "").split("\n").pop();
      if (stdout === "keep") run.out = Buffer.concat(kept).toString("utf8");
      resolve(run);
    });
  });
}

/** The stdout frames of a multiplexed (non-TTY) exec or attach stream, joined. */
export function demuxStdout(stream: Buffer): string {
  const out: Buffer[] = [];
  for (let at = 0; at + 8 <= stream.length;) {
    const size = stream.readUInt32BE(at + 4);
    if (stream[at] === 1) out.push(stream.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(out).toString("utf8");
}

/**
 * `echo x` in a running container over plain HTTP, as a non-interactive client runs it: create the
 * exec, then start it attached without a TTY and read its answer to the end. `prefix` is what goes
 * before the engine's path (Wharf's `/api/v1/hosts/:hostId/docker`, or nothing on the raw socket).
 * Times the two requests together, from the create's sending to the end of the start's body.
 */
export async function httpExecRound(
  t: HttpTarget,
  prefix: string,
  containerId: string,
): Promise<{ ms: number }> {
  const t0 = performance.now();
  const created = await httpRequest(t, "POST", `${prefix}/v1.41/containers/${containerId}/exec`, {
    body: { Cmd: ["echo", "x"], AttachStdout: true },
  });
  const execId = (
    JSON.parse(expectStatus(created, [201], "exec create").body.toString("utf8")) as { Id: string }
  ).Id;
  const started = await httpRequest(t, "POST", `${prefix}/v1.41/exec/${execId}/start`, {
    body: { Detach: false, Tty: false },
  });
  const ms = performance.now() - t0;
  const out = demuxStdout(expectStatus(started, [200], "exec start").body);
  if (out !== "x\n") throw new Error(`exec start: expected "x\\n" on stdout, got ${JSON.stringify(out)}`);
  return { ms };
}
