import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { ExecStart } from "../../lib/realtime/events";
import type { AuditEntry } from "../../lib/types";
import type { AckSocket } from "../../lib/realtime/ack";
import {
  RUN_ID,
  SHARED_HOSTS,
  connectSocket,
  docker,
  hostsWithPodman,
  login,
  removeByPrefix,
  runFixture,
  spawnServer,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type CliEngine,
  type Client,
  type SharedHost,
  type TestServer,
  type TestSocket,
} from "./harness";

const P = `${RUN_ID}-ex`;
const IDLE = `${P}-idle`;
const NOSHELL = `${P}-noshell`;
const STOPPED = `${P}-stopped`;

let srv: TestServer;
let admin: Client;
const baseline: Record<SharedHost, string[]> = { local: [], podman: [] };

/** The container's processes as the engine's host sees them: pid and command line, zombies included. */
async function processes(
  name: string,
  engine: CliEngine = "local",
): Promise<{ pid: string; args: string }[]> {
  const out = await docker(engine, "top", name, "-o", "pid,args");
  return out
    .split("\n")
    .slice(1)
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: m[1] as string, args: m[2] as string }));
}

/** Processes beyond the container's own, polled until there are none (or the time is up). */
async function leftovers(name: string, before: string[], engine: CliEngine = "local", timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const extra = (await processes(name, engine)).filter((p) => !before.includes(p.pid));
    if (extra.length === 0 || Date.now() > deadline) return extra;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ack<T>(socket: TestSocket, event: string, payload: unknown): Promise<Result<T>> {
  const untyped: AckSocket = socket;
  return untyped.timeout(20_000).emitWithAck(event, payload) as Promise<Result<T>>;
}

/** Output of every session on a socket, by session id. */
function recorder(socket: TestSocket) {
  const out = new Map<string, string>();
  const exits = new Map<string, { exitCode: number | null; error?: string }>();
  socket.on("exec:output", (e) => out.set(e.sessionId, (out.get(e.sessionId) ?? "") + e.data));
  socket.on("exec:exit", (e) => exits.set(e.sessionId, e));
  return {
    text: (id: string) => out.get(id) ?? "",
    exit: (id: string) => exits.get(id),
    waitFor: (id: string, re: RegExp, what: string) =>
      waitFor(() => re.exec(out.get(id) ?? "") ?? undefined, 5000, what),
  };
}

async function open(socket: TestSocket, extra: Partial<ExecStart> = {}): Promise<string> {
  const r = await ack<{ sessionId: string }>(socket, "exec:start", {
    hostId: "local",
    containerId: IDLE,
    cols: 80,
    rows: 24,
    ...extra,
  });
  if (!r.ok) throw new Error(`exec:start failed: ${r.error.code} ${r.error.message}`);
  return r.data.sessionId;
}

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, SHARED_HOSTS);
  await Promise.all(SHARED_HOSTS.map((host) => fixtures(host)));
});

/** A shell-less container, a stopped one, and the idle one with its own processes as the baseline. */
async function fixtures(host: SharedHost): Promise<void> {
  await runFixture(host, IDLE, "local/idle:1");
  // busybox's applets are links: without /bin/sh this container has no shell at all.
  await docker(
    host,
    ...["run", "-d", "--network", "none", "--name", NOSHELL, "--entrypoint", "/bin/sleep"],
    ...["local/idle:1", "100000"],
  );
  await docker(host, "exec", NOSHELL, "rm", "/bin/sh");
  await docker(host, "create", "--network", "none", "--name", STOPPED, "local/idle:1");
  baseline[host] = (await processes(IDLE, host)).map((p) => p.pid);
}

afterAll(async () => {
  await removeByPrefix(P);
  await srv?.stop();
});

describe.each(SHARED_HOSTS)("exec terminal on %s", (host) => {
  it("runs a command in the shell and echoes its output", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const rec = recorder(socket);
    try {
      const id = await open(socket, { hostId: host });
      await ack(socket, "exec:input", { sessionId: id, data: "echo $((6*7))\n" });
      await rec.waitFor(id, /^42\r?$/m, "42 on its own line");
      await ack(socket, "exec:close", { sessionId: id });
    } finally {
      socket.close();
    }
  });

  it("applies a resize to the TTY", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const rec = recorder(socket);
    try {
      const id = await open(socket, { hostId: host });
      const r = await ack(socket, "exec:resize", { sessionId: id, cols: 100, rows: 30 });
      // Podman 4.3 answers 201 where Docker answers 200: a resize that applied, on both.
      expect(r.ok).toBe(true);
      await ack(socket, "exec:input", { sessionId: id, data: "stty size\n" });
      await rec.waitFor(id, /^30 100\r?$/m, "stty size 30 100");
    } finally {
      socket.close();
    }
  });

  it("ends the shell and its children inside the container when the socket closes", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const rec = recorder(socket);
    const id = await open(socket, { hostId: host });
    await ack(socket, "exec:input", { sessionId: id, data: "sleep 1001 & sleep 1002 | cat\n" });
    await waitFor(
      async () =>
        (await processes(IDLE, host)).some((p) => p.args.includes("sleep 1002")) ? true : undefined,
      5000,
      "the shell's children to run",
    );
    expect(rec.text(id)).toContain("sleep 1001");
    socket.close();
    expect(await leftovers(IDLE, baseline[host], host)).toEqual([]);
  });

  it("says so when the container has no shell, or is not running", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    try {
      const none = await ack(socket, "exec:start", {
        hostId: host,
        containerId: NOSHELL,
        cols: 80,
        rows: 24,
      });
      expect(none).toMatchObject({
        ok: false,
        error: { code: "CONFLICT", message: expect.stringMatching(/no shell/) },
      });
      const stopped = await ack(socket, "exec:start", {
        hostId: host,
        containerId: STOPPED,
        cols: 80,
        rows: 24,
      });
      expect(stopped).toMatchObject({
        ok: false,
        error: { code: "CONFLICT", message: expect.stringMatching(/not running/) },
      });
      const missing = await ack(socket, "exec:start", {
        hostId: host,
        containerId: IDLE,
        cmd: ["bash"],
        cols: 80,
        rows: 24,
      });
      expect(missing).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", message: expect.stringMatching(/bash/) },
      });
      const badDir = await ack(socket, "exec:start", {
        hostId: host,
        containerId: IDLE,
        workingDir: "/no/such/dir",
        cols: 80,
        rows: 24,
      });
      expect(badDir).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", details: { field: "workingDir" } },
      });
      const badUser = await ack(socket, "exec:start", {
        hostId: host,
        containerId: IDLE,
        user: "no-such-user",
        cols: 80,
        rows: 24,
      });
      // Podman 4.3 refuses the unknown user as the exec starts, Docker on the exec's stream: the
      // same answer naming the field.
      expect(badUser).toMatchObject({
        ok: false,
        error: { code: "VALIDATION", details: { field: "user" } },
      });
    } finally {
      socket.close();
    }
  });

  it("runs a custom command as another user in another directory, and reports its exit code", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const rec = recorder(socket);
    try {
      const id = await open(socket, {
        hostId: host,
        cmd: ["sh", "-c", "id -u; pwd; exit 3"],
        user: "nobody",
        workingDir: "/tmp",
      });
      await waitFor(() => rec.exit(id), 5000, "exec:exit");
      expect(rec.exit(id)?.exitCode).toBe(3);
      expect(rec.text(id)).toMatch(/65534\r\n\/tmp\r\n/);
    } finally {
      socket.close();
    }
  });
});

describe("exec terminal", () => {
  it("ends the shell when its session is revoked (sign-out)", async () => {
    const other = await login(srv.base);
    const socket = await connectSocket(srv.base, other.cookie);
    const id = await open(socket);
    await ack(socket, "exec:input", { sessionId: id, data: "sleep 1003\n" });
    await waitFor(
      async () => ((await processes(IDLE)).some((p) => p.args === "sleep 1003") ? true : undefined),
      5000,
      "the shell's child to run",
    );
    const closed = new Promise<string>((resolve) => socket.once("disconnect", resolve));
    await other.send("POST", "/api/v1/auth/logout");
    expect(await closed).toBe("io server disconnect");
    expect(await leftovers(IDLE, baseline.local)).toEqual([]);
  });

  it("ends the shell when its user loses the operator role", async () => {
    const op = await userClient(srv.base, admin, { username: `${P}-op`, role: "operator" });
    const socket = await connectSocket(srv.base, op.cookie);
    const rec = recorder(socket);
    try {
      const id = await open(socket);
      await ack(socket, "exec:input", { sessionId: id, data: "echo before-$((1+1))\n" });
      await rec.waitFor(id, /before-2/, "the operator's command");
      const r = await admin.send("PATCH", `/api/v1/users/${op.id}`, { role: "viewer" });
      expect(r.status).toBe(200);
      // Sockets are re-read every 2 s, sessions checked every 2 s after that.
      await waitFor(() => rec.exit(id), 10_000, "exec:exit after the demotion");
      expect(rec.exit(id)?.error).toMatch(/access changed/);
      expect(await leftovers(IDLE, baseline.local)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it("leaves no orphan after 100 open/close cycles, by exec:close and by disconnect", async () => {
    let shared = await connectSocket(srv.base, admin.cookie);
    for (let i = 0; i < 100; i++) {
      const byDisconnect = i % 2 === 1;
      const socket = byDisconnect ? await connectSocket(srv.base, admin.cookie) : shared;
      const id = await open(socket);
      // Every third cycle leaves a child running, or being forked, when the end comes.
      if (i % 3 === 0) socket.emit("exec:input", { sessionId: id, data: `sleep ${2000 + i} &\n` }, () => {});
      if (byDisconnect) socket.close();
      else {
        const r = await ack(socket, "exec:close", { sessionId: id });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
      if (i === 50) {
        shared.close();
        shared = await connectSocket(srv.base, admin.cookie);
      }
    }
    shared.close();
    expect(await leftovers(IDLE, baseline.local)).toEqual([]);
  }, 180_000);

  it("caps the terminals one connection may hold open", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    try {
      const ids = await Promise.all(Array.from({ length: 8 }, () => open(socket)));
      expect(new Set(ids).size).toBe(8);
      const ninth = await ack(socket, "exec:start", {
        hostId: "local",
        containerId: IDLE,
        cols: 80,
        rows: 24,
      });
      expect(ninth).toMatchObject({
        ok: false,
        error: { code: "CONFLICT", message: expect.stringMatching(/at most 8/) },
      });
      await ack(socket, "exec:close", { sessionId: ids[0] });
      await open(socket);
    } finally {
      socket.close();
    }
    expect(await leftovers(IDLE, baseline.local)).toEqual([]);
  });

  it("forbids a viewer", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });
    const socket = await connectSocket(srv.base, viewer.cookie);
    try {
      const r = await ack(socket, "exec:start", { hostId: "local", containerId: IDLE, cols: 80, rows: 24 });
      expect(r).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    } finally {
      socket.close();
    }
  });

  it("lets no other socket, even the same user's, write to, resize or close a session", async () => {
    const mine = await connectSocket(srv.base, admin.cookie);
    const other = await connectSocket(srv.base, admin.cookie);
    const rec = recorder(mine);
    try {
      const id = await open(mine);
      for (const [event, payload] of [
        ["exec:input", { sessionId: id, data: "echo intruder\n" }],
        ["exec:resize", { sessionId: id, cols: 10, rows: 10 }],
        ["exec:close", { sessionId: id }],
      ] as const) {
        expect(await ack(other, event, payload)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      }
      await ack(mine, "exec:input", { sessionId: id, data: "echo still-$((1+1))\n" });
      await rec.waitFor(id, /still-2/, "the owner's own command");
      expect(rec.text(id)).not.toContain("intruder");
    } finally {
      mine.close();
      other.close();
    }
  });

  it("ends open shells inside their containers when the server is stopped (SIGTERM)", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-exec-stop-"));
    const { child, base } = await spawnServer(dataDir);
    const exited = new Promise((r) => child.once("exit", r));
    try {
      const c = await login(base);
      await waitHostsUp(c, ["local"]);
      const socket = await connectSocket(base, c.cookie);
      const id = await open(socket);
      await ack(socket, "exec:input", { sessionId: id, data: "sleep 1003 &\n" });
      await waitFor(
        async () => ((await processes(IDLE)).some((p) => p.args.includes("sleep 1003")) ? true : undefined),
        5000,
        "the background sleep to run",
      );
      child.kill("SIGTERM");
      await exited;
    } finally {
      child.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // The process is gone: whatever is left now was left for good.
    expect((await processes(IDLE)).filter((p) => !baseline.local.includes(p.pid))).toEqual([]);
  });

  it("audits exec.start and exec.end with the user and the command", async () => {
    const socket = await connectSocket(srv.base, admin.cookie);
    const id = await open(socket, { cmd: ["sh"] });
    await ack(socket, "exec:close", { sessionId: id });
    socket.close();
    const entries = await waitFor(
      async () => {
        const r = await admin.get<{ items: AuditEntry[] }>("/api/v1/audit?action=exec.");
        return r.body.items.some((e) => e.action === "exec.end") ? r.body.items : undefined;
      },
      5000,
      "exec audit entries",
    );
    const start = entries.find((e) => e.action === "exec.start" && e.result === "ok");
    const end = entries.find((e) => e.action === "exec.end");
    expect(start).toMatchObject({ user: "admin", hostId: "local", target: IDLE, params: { cmd: ["sh"] } });
    expect(end).toMatchObject({ user: "admin", hostId: "local", target: IDLE, result: "ok" });
    expect(end?.params).toMatchObject({ cmd: ["sh"], reason: "closed", durationMs: expect.any(Number) });
  });
});
