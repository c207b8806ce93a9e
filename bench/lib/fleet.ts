import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseHostsSetting, type HostSpec } from "../../server/engines/host-spec";
import { engineTarget, type EngineTarget } from "./engines";
import { httpRequest } from "./http-get";
import { ROOT } from "./paths";
import { sshTarget } from "./ssh-target";

const SCRIPT = path.join(ROOT, "scripts", "fleet-engines.sh");

export interface FleetEngine {
  id: string;
  kind: "unix" | "tcp" | "tls" | "ssh";
  socket: string;
  pidfile: string;
  port: number | null;
  spec: HostSpec;
  /** The engine on its own unix socket: fixtures, checks, and what the bench compares Wharf with. */
  admin: EngineTarget;
  /** The engine on the transport Wharf uses for it (keep-alive), for raw baselines. */
  wire: EngineTarget;
}

export interface Fleet {
  dir: string;
  hostsFile: string;
  engines: FleetEngine[];
  get(id: string): FleetEngine;
  /** The engine's dockerd pid from its pidfile, if that process is alive. */
  pid(id: string): number | undefined;
  /** SIGKILLs the engine's dockerd by its pid; resolves once it is gone (a zombie counts as gone). */
  kill(id: string): Promise<number>;
  /** Starts a killed engine again with the same command line; resolves once `_ping` answers. */
  restart(id: string): Promise<void>;
  /** Stops every engine and sshd of the fleet by pid and removes its directory. */
  stop(): Promise<void>;
  /** The last lines of every engine's and sshd's log, for a failure report. */
  logTails(lines?: number): string;
}

function run(args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [SCRIPT, ...args], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    const onAbort = () => child.kill("SIGINT");
    signal?.addEventListener("abort", onAbort, { once: true });
    child.once("error", reject);
    child.once("exit", (code, sig) => {
      signal?.removeEventListener("abort", onAbort);
      if (code === 0) resolve();
      else reject(new Error(`fleet-engines.sh ${args[0]} failed (exit ${code ?? sig})`));
    });
  });
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

function readPid(pidfile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidfile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** `GET /_ping` on the engine's own socket answers OK. */
export async function pingOk(t: EngineTarget): Promise<boolean> {
  try {
    const r = await httpRequest(t, "GET", "/_ping", { timeoutMs: 1000 });
    return r.status === 200 && r.body.toString("utf8") === "OK";
  } catch {
    return false;
  }
}

function adminTarget(id: string, socket: string): EngineTarget {
  return {
    id,
    kind: "unix",
    address: `unix:${socket}`,
    transport: http,
    agent: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    base: { socketPath: socket },
  };
}

interface FleetEntry {
  id: string;
  kind: FleetEngine["kind"];
  socket: string;
  pidfile: string;
  port: number | null;
}

/**
 * Starts `n` private engines in a fresh temp dir through scripts/fleet-engines.sh (all four
 * transports among them, local/busybox:1.35 on each). On failure or abort whatever started is
 * stopped again before this rejects.
 */
export async function startFleet(n: number, signal?: AbortSignal): Promise<Fleet> {
  if (process.getuid?.() !== 0) throw new Error("the fleet benchmarks run dockerd, so they need root");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-fleet-"));
  const stop = () => run(["stop", dir]);
  try {
    await run(["start", dir, String(n)], signal);
  } catch (err) {
    await stop().catch((e: unknown) => process.stderr.write(`fleet: stop failed: ${String(e)}\n`));
    throw err;
  }
  return openFleet(dir, signal);
}

/**
 * The fleet already running in `dir` (started by `scripts/fleet-engines.sh start DIR N`), so a
 * measurement can be repeated against the same engines and containers; `stop()` still ends it.
 */
export function openFleet(dir: string, signal?: AbortSignal): Fleet {
  const stop = () => run(["stop", dir]);
  const hostsFile = path.join(dir, "hosts.json");
  const specs = parseHostsSetting(hostsFile);
  const entries = JSON.parse(fs.readFileSync(path.join(dir, "fleet.json"), "utf8")) as FleetEntry[];
  const engines = entries.map((e): FleetEngine => {
    const spec = specs.find((s) => s.id === e.id);
    if (!spec) throw new Error(`${hostsFile} has no host ${e.id}`);
    const admin = adminTarget(e.id, e.socket);
    return { ...e, spec, admin, wire: spec.kind === "ssh" ? sshTarget(spec) : engineTarget(spec) };
  });
  const get = (id: string) => {
    const e = engines.find((x) => x.id === id);
    if (!e) throw new Error(`no engine ${id} in the fleet`);
    return e;
  };
  let stopped = false;
  return {
    dir,
    hostsFile,
    engines,
    get,
    pid: (id) => readPid(get(id).pidfile),
    async kill(id) {
      const pid = readPid(get(id).pidfile);
      if (!pid) throw new Error(`engine ${id} is not running`);
      process.kill(pid, "SIGKILL");
      while (alive(pid)) await new Promise((r) => setTimeout(r, 10));
      return pid;
    },
    restart: (id) => run(["start-engine", dir, id], signal),
    logTails(lines = 5) {
      const tail = (file: string) => {
        try {
          return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines);
        } catch {
          return [];
        }
      };
      return engines
        .flatMap((e) => [
          ...tail(path.join(dir, e.id, "log")).map((l) => `${e.id} dockerd: ${l}`),
          ...tail(path.join(dir, e.id, "ssh", "log")).map((l) => `${e.id} sshd: ${l}`),
        ])
        .join("\n");
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const e of engines) {
        e.admin.agent.destroy();
        e.wire.agent.destroy();
      }
      await stop();
    },
  };
}
