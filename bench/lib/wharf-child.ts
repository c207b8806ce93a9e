import { spawn, type ChildProcess } from "node:child_process";
import { ROOT, SERVE_SCRIPT } from "./paths";

export interface WharfChild {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface WharfChildOptions {
  password: string;
  hostsFile: string;
  /** Write a V8 CPU profile of the server into this directory when it exits. */
  cpuProfDir?: string;
  readyTimeoutMs?: number;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Stops the child: TERM (so a CPU profile gets written), then KILL after a grace period. */
async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  const done = exited(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

/** Starts bench/serve.ts in its own Node process and resolves once it prints `READY <port>`. */
export function startWharfChild(opts: WharfChildOptions): Promise<WharfChild> {
  const nodeArgs = ["--import", "tsx"];
  if (opts.cpuProfDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`);
  const child = spawn(
    process.execPath,
    [...nodeArgs, SERVE_SCRIPT, "--port", "0", "--hosts", opts.hostsFile, "--exit-on-stdin-eof"],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", WHARF_ADMIN_PASSWORD: opts.password },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (err: Error) => {
      clearTimeout(timer);
      void stopChild(child).finally(() => reject(err));
    };
    const timer = setTimeout(
      () => fail(new Error(`bench/serve.ts not ready within ${opts.readyTimeoutMs ?? 60_000} ms`)),
      opts.readyTimeoutMs ?? 60_000,
    );
    child.once("error", fail);
    child.once("exit", (code, signal) =>
      fail(new Error(`bench/serve.ts exited early (code ${code}, signal ${signal})`)),
    );
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      out += chunk;
      const m = /^READY (\d+)$/m.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ port: Number(m[1]), pid: child.pid ?? -1, stop: () => stopChild(child) });
    });
  });
}
