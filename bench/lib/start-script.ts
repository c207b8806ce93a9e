import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./paths";

export interface ScriptChild {
  /** The `sh -c` process at the top of the tree (dash execs its last command, so often the server). */
  pid: number;
  port: number;
  /** The last lines the server printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ScriptOptions {
  /** A package.json script line, e.g. `NODE_ENV=production node dist/server/index.js`. */
  command: string;
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /** The checkout to run it in (this one by default). */
  cwd?: string;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Runs `command` as `npm run` would (`sh -c`, with node_modules/.bin on PATH) but without npm's own
 * process, in a process group of its own so stopping it ends the whole tree it started.
 */
export function startScript(opts: ScriptOptions): Promise<ScriptChild> {
  const cwd = opts.cwd ?? ROOT;
  const child = spawn("sh", ["-c", opts.command], {
    cwd,
    detached: true,
    env: {
      ...process.env,
      ...opts.env,
      PATH: `${path.join(cwd, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (chunk: string) => {
    out = (out + chunk).slice(-4000);
  };
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", keep);

  const stop = async () => {
    const done = exited(child);
    const group = -(child.pid ?? 0);
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(group, sig);
      } catch {
        // the group is already gone
      }
    };
    if (child.exitCode === null && child.signalCode === null) signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 10_000);
    await done;
    clearTimeout(timer);
    signal("SIGKILL"); // anything the server left behind in its group
  };

  const timeoutMs = opts.readyTimeoutMs ?? 90_000;
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      clearTimeout(timer);
      void stop().finally(() => reject(err));
    };
    const timer = setTimeout(
      () => fail(new Error(`"${opts.command}" not listening within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    child.once("error", fail);
    child.once("exit", (code, sig) =>
      fail(new Error(`"${opts.command}" exited early (code ${code}, signal ${sig}):\n${out}`)),
    );
    child.stdout.on("data", (chunk: string) => {
      keep(chunk);
      const m = /wharf: listening on http:\/\/[^\s:]+:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout.removeAllListeners("data");
      child.stdout.on("data", keep);
      resolve({ pid: child.pid ?? -1, port: Number(m[1]), output: () => out, stop });
    });
  });
}
