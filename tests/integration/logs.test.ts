import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { LogsBatch, LogsSubscribe, LogsSubscribed } from "../../lib/realtime/events";
import type { LogsModule } from "../../server/realtime/streams/logs";
import {
  PODMAN_ID,
  RUN_ID,
  SHARED_HOSTS,
  connectSocket,
  docker,
  engineSocket,
  hostsWithPodman,
  login,
  removeByPrefix,
  runFixture,
  startServer,
  userClient,
  waitFor,
  waitHostsUp,
  type CliEngine,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";

const run = promisify(execFile);
let srv: TestServer;
let admin: Client;
let logs: LogsModule;
const sockets: TestSocket[] = [];
const P = `${RUN_ID}-lg`;
const TICKER = `${P}-tick`;
const DONE = `${P}-done`;
const TTY = `${P}-tty`;

/** The docker CLI's stdout and stderr exactly as written, not trimmed. */
async function dockerLogsOn(engine: CliEngine, ...args: string[]): Promise<{ out: string; err: string }> {
  const { stdout, stderr } = await run("docker", ["-H", `unix://${engineSocket(engine)}`, "logs", ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return { out: stdout, err: stderr };
}

/** A socket that follows logs and acknowledges every batch, unless told to hold the acknowledgements. */
async function follower(cookie = admin.cookie, opts: { holdAcks?: boolean } = {}) {
  const socket = await connectSocket(srv.base, cookie);
  sockets.push(socket);
  const batches: LogsBatch[] = [];
  const held: (() => void)[] = [];
  socket.on("logs:lines", (b, ack) => {
    batches.push(b);
    if (opts.holdAcks) held.push(ack);
    else ack();
  });
  const emit = (cmd: string, p: unknown) =>
    socket.timeout(15_000).emitWithAck(cmd as "logs:subscribe", p as LogsSubscribe) as Promise<
      Result<unknown>
    >;
  return {
    socket,
    batches,
    lines: () => batches.flatMap((b) => b.lines),
    release: () => held.splice(0).forEach((a) => a()),
    subscribe: async (p: Partial<LogsSubscribe> & { containerId: string }) =>
      (await emit("logs:subscribe", { hostId: "local", ...p })) as Result<LogsSubscribed>,
    unsubscribe: (containerId: string) => emit("logs:unsubscribe", { hostId: "local", containerId }),
  };
}

/**
 * Whether `merged` is `a` and `b` interleaved, each in its own order, every byte accounted for. The
 * engine copies stdout and stderr concurrently, so only each stream's own order is fixed; timestamps
 * make every line unique, so matching greedily is exact.
 */
function interleaves(merged: string, a: string, b: string): boolean {
  const lines = (t: string) => t.split(/(?<=\n)/).filter(Boolean);
  const [x, y] = [lines(a), lines(b)];
  let [i, j] = [0, 0];
  for (const l of lines(merged)) {
    if (l === x[i]) i++;
    else if (l === y[j]) j++;
    else return false;
  }
  return i === x.length && j === y.length;
}

const emitUnsubscribe = (socket: TestSocket, hostId: string, containerId: string) =>
  socket.timeout(15_000).emitWithAck("logs:unsubscribe", { hostId, containerId }) as Promise<Result<unknown>>;

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
};

beforeAll(async () => {
  srv = await startServer({ hosts: hostsWithPodman() });
  admin = await login(srv.base);
  await waitHostsUp(admin, ["local", "edge", "secure", "podman"]);
  logs = srv.wharf.realtime.logs;
  await Promise.all(SHARED_HOSTS.map((host) => fixtures(host)));
});

/** The ticker, a finished container with 40 lines on each stream, and a finished TTY container. */
async function fixtures(host: CliEngine): Promise<void> {
  await runFixture(host, TICKER, "local/ticker:1");
  const script = "for i in $(seq 1 40); do echo out $i; echo err $i >&2; done; printf 'no newline'";
  await docker(host, "run", "--network", "none", "--name", DONE, "local/busybox:1.35", "sh", "-c", script);
  await docker(
    host,
    "run",
    "-t",
    "--network",
    "none",
    "--name",
    TTY,
    "local/busybox:1.35",
    "sh",
    "-c",
    "echo tty $((6*7)); printf '\\033[31mred\\033[0m\\n'",
  );
}

afterAll(async () => {
  for (const s of sockets) s.close();
  await removeByPrefix(P);
  await srv?.stop();
});

describe.each(SHARED_HOSTS)("live logs over socket.io on %s", (host) => {
  // Podman 4.3 stamps log lines to the second ("2024-05-01T10:00:00Z ") where Docker writes
  // nanoseconds: the live reader takes both forms.
  it("delivers every tick in order through tick 10, stderr tagged, under the container's full id", async () => {
    const f = await follower();
    const sub = ok(await f.subscribe({ hostId: host, containerId: TICKER }));
    const fullId = await docker(host, "inspect", "-f", "{{.Id}}", TICKER);
    expect(sub).toMatchObject({ containerId: fullId, name: TICKER, tty: false });
    const count = (word: string) => f.lines().filter((l) => l.text.startsWith(word)).length;
    await waitFor(() => count("tick ") >= 10 && count("tock ") >= 2, 20_000, "10 ticks and 2 tocks");
    ok(await emitUnsubscribe(f.socket, host, TICKER));
    expect(new Set(f.batches.map((b) => b.containerId))).toEqual(new Set([fullId]));
    const lines = f.lines();
    const ticks = lines.filter((l) => l.text.startsWith("tick ")).map((l) => Number(l.text.slice(5)));
    expect(ticks.length).toBeGreaterThanOrEqual(10);
    expect(ticks).toEqual(ticks.map((_, i) => i + 1));
    expect(lines.filter((l) => l.text.startsWith("tick ")).every((l) => l.stream === "stdout")).toBe(true);
    const tocks = lines.filter((l) => l.text.startsWith("tock "));
    expect(tocks.length).toBeGreaterThanOrEqual(2);
    for (const t of tocks) {
      expect(t.stream).toBe("stderr");
      expect(Number(t.text.slice(5)) % 5).toBe(0);
    }
    expect(f.batches.every((b) => !b.skipped)).toBe(true);
  });
});

describe("live logs over socket.io", () => {
  it("shares one upstream stream between subscribers by name and by id, and closes it after the grace period", async () => {
    const fullId = await docker("local", "inspect", "-f", "{{.Id}}", TICKER);
    await waitFor(() => logs.upstreamCount() === 0, 10_000, "earlier streams to close");
    const a = await follower();
    const b = await follower();
    const opts = { tail: 3, timestamps: true };
    const ra = ok(await a.subscribe({ containerId: TICKER, ...opts }));
    // A line produced after the first subscriber joined, so the late joiner's history is not the same 3.
    await waitFor(() => a.lines().length >= 4, 5000, "a live line for the first subscriber");
    const rb = ok(await b.subscribe({ containerId: fullId.slice(0, 12), ...opts }));
    expect(rb.room).toBe(ra.room);
    expect(logs.upstreamCount()).toBe(1);
    // The late joiner gets the last 3 lines as of its joining, from the room's ring, then the same live lines.
    await waitFor(() => b.lines().length >= 4, 5000, "history and a live line for the late joiner");
    const key = (l: { ts?: string; text: string }) => `${l.ts} ${l.text}`;
    const from = a.lines().findIndex((l) => key(l) === key(b.lines()[0] as { text: string }));
    expect(from).toBeGreaterThanOrEqual(0);
    await waitFor(
      () => a.lines().length >= from + b.lines().length,
      3000,
      "the first subscriber to catch up",
    );
    expect(b.lines().map(key)).toEqual(
      a
        .lines()
        .slice(from, from + b.lines().length)
        .map(key),
    );
    expect(a.lines().every((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l.ts ?? ""))).toBe(true);
    ok(await a.unsubscribe(TICKER));
    ok(await b.unsubscribe(fullId));
    // Lingers for a moment, so a reload reuses it...
    expect(logs.upstreamCount()).toBe(1);
    // ...and then it is gone.
    await waitFor(() => logs.upstreamCount() === 0, 8000, "the upstream to close after the grace period");
  });

  it("says when the container stops, resumes without repeating lines when it starts, and ends when it is removed", async () => {
    const name = `${P}-life`;
    await runFixture("local", name, "local/ticker:1");
    const f = await follower();
    ok(await f.subscribe({ containerId: name }));
    await waitFor(() => f.lines().some((l) => l.text === "tick 2"), 5000, "tick 2");
    await docker("local", "stop", name);
    await waitFor(() => f.batches.some((b) => b.notice?.kind === "stopped"), 5000, "the stopped notice");
    await docker("local", "start", name);
    await waitFor(() => f.batches.some((b) => b.notice?.kind === "resumed"), 5000, "the resumed notice");
    await waitFor(
      () => f.lines().filter((l) => l.text === "tick 1").length === 2,
      5000,
      "the new run's tick 1",
    );
    const after = f.batches.slice(f.batches.findIndex((b) => b.notice?.kind === "resumed") + 1);
    expect(after.flatMap((b) => b.lines)[0]?.text).toBe("tick 1");
    await docker("local", "rm", "-f", name);
    await waitFor(() => f.batches.find((b) => b.notice?.kind === "ended"), 5000, "the ended notice");
    expect(f.batches.at(-1)?.notice?.message).toMatch(/removed/);
  });

  it("drops lines for a client that does not keep up, says how many, and stays bounded", async () => {
    const name = `${P}-flood`;
    await docker(
      "local",
      "run",
      "--network",
      "none",
      "--name",
      name,
      "local/busybox:1.35",
      "seq",
      "1",
      "60000",
    );
    const f = await follower(admin.cookie, { holdAcks: true });
    const sub = ok(await f.subscribe({ containerId: name }));
    const queue = () =>
      logs.roomOf(f.socket.id as string, "local", sub.containerId)?.queueOf(f.socket.id as string);
    await waitFor(() => (queue()?.stats().skipped ?? 0) > 0, 10_000, "lines to be dropped");
    // The container has exited, so once all its lines are accounted for the queue is as full as it gets.
    const s = await waitFor(
      () => {
        const q = queue()?.stats();
        return q && f.lines().length + q.lines + q.skipped === 60_000 ? q : undefined;
      },
      10_000,
      "every line received, queued or dropped",
    );
    expect(s.lines).toBeLessThanOrEqual(10_000);
    expect(s.inFlight).toBe(4);
    const count = () => f.lines().length + f.batches.reduce((n, b) => n + (b.skipped ?? 0), 0);
    const release = setInterval(f.release, 20);
    try {
      await waitFor(() => count() === 60_000, 15_000, "every line delivered or counted as skipped");
    } finally {
      clearInterval(release);
    }
    const seen = f.lines().map((l) => Number(l.text));
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(f.batches.some((b) => (b.skipped ?? 0) > 0)).toBe(true);
  });
});

describe.each(SHARED_HOSTS)("log download from %s", (host) => {
  const download = (container: string, query = "", cookie = admin.cookie) =>
    fetch(`${srv.base}/api/v1/hosts/${host}/containers/${container}/logs${query}`, { headers: { cookie } });
  const dockerLogs = (...args: string[]) => dockerLogsOn(host, ...args);

  it("returns byte for byte what docker logs returns, per stream and merged in the engine's order", async () => {
    const cli = await dockerLogs(DONE);
    const out = await download(DONE, "?stream=stdout");
    expect(out.status).toBe(200);
    expect(out.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(out.headers.get("content-disposition")).toBe(`attachment; filename="${DONE}.log"`);
    expect(await out.text()).toBe(cli.out);
    expect(await (await download(DONE, "?stream=stderr")).text()).toBe(cli.err);

    const stamped = await dockerLogs("--timestamps", DONE);
    const merged = await (await download(DONE, "?timestamps=true")).text();
    if (host === PODMAN_ID) {
      // Podman 4.3 answers a finished container's stdout and stderr in its own order (mostly all of
      // stdout first), so the unterminated last stdout line runs into whatever follows it; Wharf
      // passes the engine's bytes on, every one of them.
      expect(merged.length).toBe(stamped.out.length + stamped.err.length);
      for (const line of `${stamped.out}\n${stamped.err}`.split("\n").filter(Boolean))
        expect(merged).toContain(line);
    } else expect(interleaves(merged, stamped.out, stamped.err)).toBe(true);

    const tail = await dockerLogs("--tail", "3", DONE);
    expect(await (await download(DONE, "?tail=3&stream=stdout")).text()).toBe(tail.out);
    // Times copied from the lines themselves select the lines the engine selects for them.
    const [since, until] = [10, 20].map((i) => stamped.out.split("\n")[i]?.split(" ")[0] as string);
    const cut = await dockerLogs("--since", since as string, "--until", until as string, DONE);
    const range = `?since=${since}&until=${until}&stream=stdout`;
    expect(await (await download(DONE, range)).text()).toBe(cut.out);
    if (host === PODMAN_ID) {
      // Podman 4.3 stamps log lines to the second, so a range cannot cut finer than that.
      expect(since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    } else {
      // Docker's stamps carry nanoseconds: the range is exactly lines 11 to 21.
      expect(since).toMatch(/\.\d{9}Z$/);
      expect(cut.out.split("\n").length).toBe(12);
    }
  });

  it("passes a TTY container's output through raw", async () => {
    const cli = await dockerLogs(TTY);
    expect(cli.out).toContain("tty 42\r\n");
    expect(await (await download(TTY)).text()).toBe(cli.out);
  });
});

describe("log download", () => {
  const download = (container: string, query = "", cookie = admin.cookie) =>
    fetch(`${srv.base}/api/v1/hosts/local/containers/${container}/logs${query}`, { headers: { cookie } });

  it.each(["edge", "secure"] as const)("streams the same bytes from the %s engine", async (engine) => {
    const name = `${P}-${engine}`;
    await docker(
      engine,
      "run",
      "--network",
      "none",
      "--name",
      name,
      "local/busybox:1.35",
      "sh",
      "-c",
      "seq 1 500; echo oops >&2",
    );
    const cli = await dockerLogsOn(engine, "--timestamps", name);
    const r = await fetch(`${srv.base}/api/v1/hosts/${engine}/containers/${name}/logs?timestamps=1`, {
      headers: { cookie: admin.cookie },
    });
    expect(interleaves(await r.text(), cli.out, cli.err)).toBe(true);
  });

  it("names the bad parameter", async () => {
    const r = await download(DONE, "?since=yesterday");
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^query\.since/);
  });
});

describe("who may read logs", () => {
  it("ends a stream as soon as its subscriber is demoted to viewer", async () => {
    const op = await userClient(srv.base, admin, { username: `${P}-demoted`, role: "operator" });
    const f = await follower(op.cookie);
    ok(await f.subscribe({ containerId: TICKER, tail: 1 }));
    await waitFor(() => f.lines().length > 0, 5000, "a line");
    expect((await admin.send("PATCH", `/api/v1/users/${op.id}`, { role: "viewer" })).status).toBe(200);
    const ended = await waitFor(
      () => f.batches.find((b) => b.notice?.kind === "ended"),
      8000,
      "the ended notice",
    );
    expect(ended.notice?.message).toMatch(/access/);
    const count = f.lines().length;
    // A subscriber in the same room proves the stream went on: once it has a tick two past the last
    // line the demoted one got, the line between had a whole tick's time to reach it too.
    const last = Number(f.lines().at(-1)?.text.slice(5));
    const control = await follower();
    ok(await control.subscribe({ containerId: TICKER, tail: 1 }));
    await waitFor(
      () => control.lines().some((l) => l.text.startsWith("tick ") && Number(l.text.slice(5)) >= last + 2),
      8000,
      `tick ${last + 2} for another subscriber`,
    );
    ok(await control.unsubscribe(TICKER));
    expect(f.lines().length).toBe(count);
  });

  it("refuses a viewer, and answers NOT_FOUND outside an operator's scope, on the socket and the download", async () => {
    const viewer = await userClient(srv.base, admin, { username: `${P}-viewer`, role: "viewer" });
    const edgeOnly = await userClient(srv.base, admin, {
      username: `${P}-edge`,
      role: "operator",
      hosts: ["edge"],
    });
    const teamA = await userClient(srv.base, admin, {
      username: `${P}-team`,
      role: "operator",
      labelSelector: "team=a",
    });
    const v = await follower(viewer.cookie);
    const denied = await v.subscribe({ containerId: TICKER });
    expect(!denied.ok && denied.error.code).toBe("FORBIDDEN");
    expect(
      (
        await fetch(`${srv.base}/api/v1/hosts/local/containers/${TICKER}/logs`, {
          headers: { cookie: viewer.cookie },
        })
      ).status,
    ).toBe(403);
    for (const c of [edgeOnly, teamA]) {
      const s = await follower(c.cookie);
      const r = await s.subscribe({ containerId: TICKER });
      expect(!r.ok && r.error.code).toBe("NOT_FOUND");
      const d = await fetch(`${srv.base}/api/v1/hosts/local/containers/${TICKER}/logs`, {
        headers: { cookie: c.cookie },
      });
      expect(d.status).toBe(404);
      expect(s.batches).toEqual([]);
    }
  });
});
