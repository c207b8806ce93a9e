import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Readable } from "node:stream";
import type { StatsHubCounters } from "../../server/realtime/streams/stats-hub";
import { ROOT, SERVE_SCRIPT } from "./paths";

export type ProbeCounters = StatsHubCounters & { at: number };

export interface StatsWharfChild {
  port: number;
  pid: number;
  /** The hubs' counters as of the last probe line (at most 100 ms old). */
  counters(): ProbeCounters | undefined;
  stop(): Promise<void>;
}

const PROBE = path.join(ROOT, "bench", "lib", "stats-probe.ts");

async function stopChild(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await done;
  clearTimeout(timer);
}

/**
 * bench/serve.ts in its own Node process, as bench/lib/wharf-child.ts starts it, plus the stats probe
 * preloaded and a fourth pipe on which the probe reports the hubs' counters.
 */
export function startStatsWharfChild(opts: {
  password: string;
  hostsFile: string;
  /** Write a V8 CPU profile of the server into this directory when it exits. */
  cpuProfDir?: string;
  env?: Record<string, string>;
}): Promise<StatsWharfChild> {
  const prof = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(
    process.execPath,
    [
      ...["--import", "tsx", "--import", PROBE, ...prof],
      ...[SERVE_SCRIPT, "--port", "0", "--hosts", opts.hostsFile, "--exit-on-stdin-eof"],
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, NODE_ENV: "production", WHARF_ADMIN_PASSWORD: opts.password },
      stdio: ["pipe", "pipe", "inherit", "pipe"],
    },
  );
  let last: ProbeCounters | undefined;
  let pending = "";
  const probe = child.stdio[3] as Readable;
  probe.setEncoding("utf8");
  probe.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    const line = lines.at(-1);
    if (line) last = JSON.parse(line) as ProbeCounters;
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (err: Error) => {
      clearTimeout(timer);
      void stopChild(child).finally(() => reject(err));
    };
    const timer = setTimeout(() => fail(new Error("bench/serve.ts not ready within 60 s")), 60_000);
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
      resolve({
        port: Number(m[1]),
        pid: child.pid ?? -1,
        counters: () => last,
        stop: () => stopChild(child),
      });
    });
  });
}
