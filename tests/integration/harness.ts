import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { io as ioClient, type Socket } from "socket.io-client";
import { createWharf, type Wharf } from "../../server/app";
import type { Config } from "../../server/config";
import { parseHostsSetting } from "../../server/engines/host-spec";
import { messageOf } from "../../lib/errors";
import type { JobSnapshot } from "../../lib/images/types";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/realtime/events";

const run = promisify(execFile);

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const ENGINES_DIR = process.env.WHARF_ENGINES_DIR ?? path.join(ROOT, ".engines");
export const HOSTS_FILE = path.join(ENGINES_DIR, "hosts.json");
export const ENGINE_IDS = ["local", "edge", "secure"] as const;
export type EngineId = (typeof ENGINE_IDS)[number];
export const ADMIN_PASSWORD = "integration-admin-pw";

/** A unique prefix per run, so tests never trip over containers left by another run. */
export const RUN_ID = `it${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

/** The Podman host (scripts/test-engines/podman.sh), beside the three Docker engines. */
export const PODMAN_ID = "podman";
/** An engine the docker CLI can address: a Docker engine, or the Podman host's Docker-compatible API. */
export type CliEngine = EngineId | typeof PODMAN_ID;
export const HOSTS_ALL_FILE = path.join(ENGINES_DIR, "hosts-all.json");
/**
 * The hosts the shared tests run on: a Docker engine and the Podman host. Where Podman differs, a
 * test asserts what docs/podman.md says Wharf does there.
 */
export const SHARED_HOSTS = ["local", PODMAN_ID] as const satisfies readonly CliEngine[];
export type SharedHost = (typeof SHARED_HOSTS)[number];

export function engineSocket(id: CliEngine): string {
  return id === PODMAN_ID
    ? path.join(ENGINES_DIR, "podman", "podman.sock")
    : path.join(ENGINES_DIR, id, "docker.sock");
}

/** The three Docker engines and the Podman host, for a server the shared tests run against. */
export function hostsWithPodman(): Config["hosts"] {
  if (!fs.existsSync(HOSTS_ALL_FILE)) {
    throw new Error(
      `the Podman host is not running (${HOSTS_ALL_FILE} missing): run "bash scripts/test-engines.sh start"`,
    );
  }
  return parseHostsSetting(HOSTS_ALL_FILE);
}

/** The docker CLI against one of the test engines, over its unix socket. */
export async function docker(id: CliEngine, ...args: string[]): Promise<string> {
  const { stdout } = await run("docker", ["-H", `unix://${engineSocket(id)}`, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** SIGKILLs one test engine's dockerd by the pid in its pidfile, never by name. Returns the pid. */
export function killEngine(id: EngineId): number {
  const pid = Number(fs.readFileSync(path.join(ENGINES_DIR, id, "docker.pid"), "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`engine ${id}: no usable pid in its pidfile`);
  process.kill(pid, "SIGKILL");
  return pid;
}

export async function enginesScript(...args: string[]): Promise<string> {
  const { stdout } = await run("bash", [path.join(ROOT, "scripts/test-engines.sh"), ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

export function requireEngines(): void {
  if (!fs.existsSync(HOSTS_FILE)) {
    throw new Error(
      `test engines are not running (${HOSTS_FILE} missing): run "bash scripts/test-engines.sh start"`,
    );
  }
}

export interface TestServer {
  wharf: Wharf;
  base: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  requireEngines();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-it-"));
  const config: Config = {
    dev: false,
    port: 0,
    bind: "127.0.0.1",
    dataDir,
    hosts: parseHostsSetting(HOSTS_FILE),
    adminPassword: ADMIN_PASSWORD,
    secureCookies: "never",
    ...overrides,
  };
  const wharf = await createWharf(config, {
    timing: { upIntervalMs: 1000, minBackoffMs: 250, maxBackoffMs: 2000, pingTimeoutMs: 2000 },
  });
  const port = await wharf.listen();
  return {
    wharf,
    base: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      await wharf.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  cookie: string;
  get<T = unknown>(p: string): Promise<{ status: number; body: T }>;
  send<T = unknown>(
    method: string,
    p: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
}

/** JSON answers parsed; text answers (the log download) as they are. */
async function asJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  return (res.headers.get("content-type") ?? "").includes("json") ? JSON.parse(text) : text;
}

export async function login(base: string, password = ADMIN_PASSWORD, username = "admin"): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-wharf-csrf": "1" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
  return {
    cookie,
    get: async (p) => {
      const r = await fetch(base + p, { headers: { cookie } });
      return { status: r.status, body: (await asJson(r)) as never };
    },
    send: async (method, p, body, headers = {}) => {
      const r = await fetch(base + p, {
        method,
        headers: {
          cookie,
          "x-wharf-csrf": "1",
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, body: (await asJson(r)) as never };
    },
  };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectSocket(
  base: string,
  cookie?: string,
  auth?: Record<string, unknown>,
): Promise<TestSocket> {
  const socket: TestSocket = ioClient(base, {
    path: "/socket.io",
    ...(auth ? { auth } : {}),
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

export async function waitFor<T>(
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${messageOf(last)}` : ""}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitHostsUp(
  client: Client,
  ids: readonly string[] = ENGINE_IDS,
  timeoutMs = 20_000,
): Promise<void> {
  await waitFor(
    async () => {
      const r = await client.get<{ items: { id: string; status: string }[] }>("/api/v1/hosts");
      return ids.every((id) => r.body.items.find((h) => h.id === id)?.status === "up") || undefined;
    },
    timeoutMs,
    `hosts ${ids.join(", ")} up`,
  );
}

/** Starts a fixture container with no network, as the engine rules require. */
export async function runFixture(
  engine: CliEngine,
  name: string,
  image: "local/ticker:1" | "local/idle:1",
  extra: string[] = [],
): Promise<string> {
  return docker(engine, "run", "-d", "--network", "none", "--name", name, ...extra, image);
}

export async function removeByPrefix(
  prefix: string,
  engines: readonly CliEngine[] = [...ENGINE_IDS, PODMAN_ID],
): Promise<void> {
  for (const id of engines) {
    const ids = await docker(id, "ps", "-aq", "--filter", `name=${prefix}`).catch(() => "");
    if (ids) await docker(id, "rm", "-f", ...ids.split("\n")).catch(() => "");
  }
}

/** Creates a user through the admin API and signs in as them. */
export async function userClient(
  base: string,
  admin: Client,
  user: {
    username: string;
    role: "viewer" | "operator" | "admin";
    hosts?: "*" | string[];
    labelSelector?: string;
  },
): Promise<Client & { id: number }> {
  const password = `pw-${user.username}-123`;
  const created = await admin.send<{ id: number }>("POST", "/api/v1/users", { ...user, password });
  if (created.status !== 201)
    throw new Error(`creating ${user.username}: ${created.status} ${JSON.stringify(created.body)}`);
  return { ...(await login(base, password, user.username)), id: created.body.id };
}

/** Wharf in a process of its own (no Next), for tests that kill or stop it. */
export function spawnServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/integration/fixtures/api-server.ts", dataDir, HOSTS_FILE],
    {
      cwd: ROOT,
      env: { ...process.env, WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** A job's snapshot once it has ended (done, error or cancelled). */
export function jobFinished(c: Client, jobId: string, timeoutMs = 120_000): Promise<JobSnapshot> {
  return waitFor(
    async () => {
      const r = await c.get<JobSnapshot>(`/api/v1/jobs/${jobId}`);
      return r.status === 200 && r.body.state !== "running" ? r.body : undefined;
    },
    timeoutMs,
    `job ${jobId}`,
  );
}
