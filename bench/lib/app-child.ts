import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { HOSTS_FILE, ROOT } from "./paths";

export interface AppChild {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * The full server (server/index.ts through tsx) in production mode, so its Next pages come from the
 * production build in .next/; resolves once it listens, with the port it got.
 */
export function startAppChild(opts: { password: string; dataDir: string }): Promise<AppChild> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "server/index.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      WHARF_PORT: "0",
      WHARF_BIND: "127.0.0.1",
      WHARF_DATA_DIR: opts.dataDir,
      WHARF_HOSTS: HOSTS_FILE,
      WHARF_ADMIN_PASSWORD: opts.password,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = async () => {
    const done = exited(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
    await done;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      void stop().finally(() => reject(new Error("server/index.ts not listening within 60 s")));
    }, 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server/index.ts exited early (${code})`));
    });
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (c: string) => {
      out += c;
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ port: Number(m[1]), pid: child.pid ?? -1, stop });
    });
  });
}
