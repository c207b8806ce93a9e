import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../lib/errors";
import type { LogsBatch, LogsSubscribe, LogsSubscribed } from "../../lib/realtime/events";
import type { SwarmService } from "../../lib/swarm/types";
import {
  RUN_ID,
  connectSocket,
  userClient,
  waitFor,
  type Client,
  type TestServer,
  type TestSocket,
} from "./harness";
import { startSwarmServer, swarmCli } from "./swarm-cluster";

const P = `${RUN_ID}-swl`;
const API = "/api/v1/hosts/swarm/swarm";
const TICK = `i=0; while true; do i=$((i+1)); echo "tick-$i"; sleep 0.2; done`;

let srv: TestServer;
let admin: Client;
let stopSwarm = async () => {};
let service: SwarmService;
const sockets: TestSocket[] = [];

/** A socket that keeps every batch it gets, acknowledged at once. */
async function logSocket(cookie: string) {
  const s = await connectSocket(srv.base, cookie);
  sockets.push(s);
  const batches: LogsBatch[] = [];
  s.on("logs:lines", (b, ack) => {
    batches.push(b);
    ack();
  });
  const subscribe = (p: Omit<LogsSubscribe, "hostId">) =>
    s.timeout(30_000).emitWithAck("logs:subscribe", { hostId: "swarm", ...p }) as Promise<
      Result<LogsSubscribed>
    >;
  return { s, batches, subscribe };
}

beforeAll(async () => {
  ({ srv, admin, stop: stopSwarm } = await startSwarmServer());
  const r = await admin.send<{ service: SwarmService }>("POST", `${API}/services`, {
    name: `${P}-tick`,
    image: "local/busybox:1.35",
    mode: "replicated",
    replicas: 2,
    command: ["sh", "-c", TICK],
    labels: { team: "a" },
    stopGracePeriod: "1s",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  service = r.body.service;
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  const services = await swarmCli("service", "ls", "-q", "--filter", `name=${P}`).catch(() => "");
  if (services) await swarmCli("service", "rm", ...services.split("\n")).catch(() => "");
  await stopSwarm();
}, 120_000);

/** `name.slot.task@node | tick-N` lines, by task prefix, with the highest tick seen for each. */
function ticksByTask(lines: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const m = /^(\S+)@\S+ \| tick-(\d+)$/.exec(l);
    if (m) out.set(m[1] as string, Math.max(out.get(m[1] as string) ?? 0, Number(m[2])));
  }
  return out;
}

describe("a swarm service's live logs", () => {
  it("follows both tasks, each line named as `docker service logs` names it", async () => {
    const { batches, subscribe } = await logSocket(admin.cookie);
    // Both tasks must be writing before the oracle is asked.
    await waitFor(
      async () => {
        const out = await swarmCli("service", "logs", "--raw", "--tail", "1", service.id).catch(() => "");
        return out.split("\n").filter((l) => l.startsWith("tick-")).length >= 2 || undefined;
      },
      60_000,
      "both tasks to log",
    );
    const res = await subscribe({ serviceId: `${P}-tick`, tail: 5, timestamps: true });
    expect(res, JSON.stringify(res)).toMatchObject({
      ok: true,
      data: { containerId: `service:${service.id}`, name: `${P}-tick`, tty: false },
    });
    const lines = () =>
      batches
        .filter((b) => b.containerId === `service:${service.id}`)
        .flatMap((b) => b.lines.map((l) => l.text));

    // Live: each task's count climbs past where it stood once both were seen.
    const first = await waitFor(
      () => {
        const m = ticksByTask(lines());
        return m.size === 2 ? m : undefined;
      },
      30_000,
      "lines from both tasks",
    );
    await waitFor(
      () => {
        const m = ticksByTask(lines());
        return [...first].every(([task, n]) => (m.get(task) ?? 0) > n + 3) || undefined;
      },
      30_000,
      "both tasks' lines to keep coming",
    );

    // The CLI names each line `name.slot.task@node`, the task id cut to 12 characters: so must we.
    const oracle = await swarmCli("service", "logs", "--tail", "3", service.id);
    const named = (text: string) => /^(\S+@\S+)\s+\| tick-\d+$/.exec(text.trim())?.[1];
    const cliTasks = new Set(
      oracle
        .split("\n")
        .map(named)
        .filter((t) => t !== undefined),
    );
    const ourTasks = new Set(
      lines()
        .map(named)
        .filter((t) => t !== undefined),
    );
    expect(cliTasks.size).toBe(2);
    expect([...ourTasks].sort()).toEqual([...cliTasks].sort());
    const ours = [...ticksByTask(lines()).keys()];
    expect(ours.some((t) => t.startsWith(`${P}-tick.1.`))).toBe(true);
    expect(ours.some((t) => t.startsWith(`${P}-tick.2.`))).toBe(true);
    for (const l of lines().slice(0, 20))
      expect(l).toMatch(new RegExp(`^${P}-tick\\.[12]\\.\\w{12}@\\S+ \\| `));
    expect(batches.flatMap((b) => b.lines).every((l) => !!l.ts)).toBe(true);
  });

  it("answers exactly one of containerId and serviceId, naming the field", async () => {
    const { subscribe } = await logSocket(admin.cookie);
    const both = await subscribe({ serviceId: `${P}-tick`, containerId: "abc" });
    expect(both).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(!both.ok && both.error.message).toMatch(/^serviceId: /);
    const neither = await subscribe({});
    expect(!neither.ok && neither.error.message).toMatch(/^containerId: .*serviceId/);
  });

  it("answers a label-scoped operator of another team as for a service that does not exist", async () => {
    const op = await userClient(srv.base, admin, {
      username: `${P}-opb`,
      role: "operator",
      labelSelector: "team=b",
    });
    const { subscribe, batches } = await logSocket(op.cookie);
    const missing = await subscribe({ serviceId: `${P}-nosuch`, tail: 5 });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // By full id, id prefix and name alike: the same answer as for a service that is not there.
    for (const ref of [service.id, service.id.slice(0, 6), service.name]) {
      const theirs = await subscribe({ serviceId: ref, tail: 5 });
      expect(theirs, ref).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      const norm = (r: Result<unknown>, as: string) => JSON.stringify(r).replaceAll(as, "X");
      expect(norm(theirs, ref), ref).toBe(norm(missing, `${P}-nosuch`));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(batches).toEqual([]);
  });

  it("ends the stream with a clear message when the service is removed", async () => {
    const { batches, subscribe } = await logSocket(admin.cookie);
    const res = await subscribe({ serviceId: service.id, tail: 1 });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    await swarmCli("service", "rm", service.id);
    const notice = await waitFor(
      () => batches.find((b) => b.notice)?.notice,
      30_000,
      "the stream's end after the service's removal",
    );
    expect(notice).toEqual({ kind: "ended", message: "the service was removed" });
  });
});
