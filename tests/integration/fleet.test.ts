import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFleetContainers, rawList, type RawListItem } from "../../bench/lib/fleet-fixtures";
import { startFleet, type Fleet } from "../../bench/lib/fleet";
import { parseHostsSetting } from "../../server/engines/host-spec";
import type { HostStatusEvent } from "../../lib/realtime/events";
import type { ContainerList, ContainerSummary } from "../../lib/types";
import {
  connectSocket,
  login,
  startServer,
  waitFor,
  waitHostsUp,
  type Client,
  type TestServer,
} from "./harness";

/**
 * A small fleet of private engines (one per transport, plus a second unix one), 40 containers each,
 * every tenth running: lists come from live state and agree with the engines, and one engine killed
 * outright costs the others nothing. The full 20 × 250 fleet and its figures are bench/scale.
 */
const ENGINES = 5;
const PER_HOST = 40;

let fleet: Fleet;
let srv: TestServer;
let admin: Client;
let ids: string[];

const rows = (items: readonly { id: string; state: string }[]) =>
  items.map((c) => `${c.id} ${c.state}`).sort();
const engineRows = (items: readonly RawListItem[]) =>
  rows(items.map((c) => ({ id: c.Id, state: c.State ?? "" })));

async function hostList(hostId: string) {
  return admin.get<ContainerList & { error?: { code: string } }>(`/api/v1/hosts/${hostId}/containers`);
}

/** Wharf's list of one host equals the engine's own, id and state for every container. */
async function agrees(hostId: string): Promise<boolean> {
  const [wharf, engine] = await Promise.all([hostList(hostId), rawList(fleet.get(hostId).admin)]);
  return (
    wharf.status === 200 && JSON.stringify(rows(wharf.body.items)) === JSON.stringify(engineRows(engine))
  );
}

beforeAll(async () => {
  fleet = await startFleet(ENGINES);
  ids = fleet.engines.map((e) => e.id);
  await createFleetContainers(fleet.engines, PER_HOST, 8, () => {});
  srv = await startServer({ hosts: parseHostsSetting(fleet.hostsFile) });
  admin = await login(srv.base);
  await waitHostsUp(admin, ids, 60_000);
  await waitFor(
    () => ids.every((id) => srv.wharf.ctx.hosts.get(id).live.containers.ready),
    30_000,
    "live state",
  );
}, 300_000);

afterAll(async () => {
  await srv?.stop();
  await fleet?.stop();
}, 120_000);

describe(`a fleet of ${ENGINES} engines over every transport, ${PER_HOST} containers each`, () => {
  it("uses all four transports", () => {
    expect(new Set(fleet.engines.map((e) => e.kind))).toEqual(new Set(["unix", "tcp", "tls", "ssh"]));
  });

  it("lists every host's containers as the engine does, and the merged list holds them all", async () => {
    for (const id of ids) expect(await agrees(id), id).toBe(true);
    const merged = await admin.get<ContainerList>("/api/v1/containers");
    expect(merged.status).toBe(200);
    expect(merged.body.errors).toEqual([]);
    expect(merged.body.items).toHaveLength(ENGINES * PER_HOST);
    const running = merged.body.items.filter((c: ContainerSummary) => c.state === "running");
    expect(running).toHaveLength(ENGINES * (PER_HOST / 10));
    expect(running.every((c: ContainerSummary) => /^Up /.test(c.status))).toBe(true);
  });

  it("answers a host's list from memory: it still lists while the engine is frozen", async () => {
    const e = fleet.get(ids[0] as string);
    const pid = fleet.pid(e.id) as number;
    process.kill(pid, "SIGSTOP");
    try {
      const t0 = performance.now();
      const res = await hostList(e.id);
      const ms = performance.now() - t0;
      // A frozen engine answers nothing: a list that came back came from Wharf's memory.
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(PER_HOST);
      console.log(
        `fleet: ${e.id} listed ${res.body.items.length} containers in ${ms.toFixed(1)} ms with its engine frozen`,
      );
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await waitHostsUp(admin, ids, 30_000);
  });

  it("keeps the other hosts whole while one engine is killed, drops the dead host's rows, and reconciles it on return", async () => {
    const victim = ids[1] as string;
    const others = ids.filter((id) => id !== victim);
    const socket = await connectSocket(srv.base, admin.cookie);
    const disconnects: string[] = [];
    socket.on("disconnect", (reason) => disconnects.push(reason));
    const statuses: (HostStatusEvent & { at: number })[] = [];
    socket.on("host:status", (e) => statuses.push({ ...e, at: performance.now() }));

    // Poll the merged list all along: every other host must stay whole in every answer.
    const gaps: string[] = [];
    let polls = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const r = await admin.get<ContainerList>("/api/v1/containers");
        polls++;
        for (const id of others) {
          const n = r.body.items.filter((c) => c.hostId === id).length;
          if (n !== PER_HOST) gaps.push(`${id}: ${n} rows`);
          if ((r.body.errors ?? []).some((x) => x.hostId === id)) gaps.push(`${id}: error`);
        }
        await new Promise((res) => setTimeout(res, 100));
      }
    })();

    try {
      const killedAt = performance.now();
      await fleet.kill(victim);
      const down = await waitFor(
        () => statuses.find((s) => s.hostId === victim && s.status === "down"),
        30_000,
        `${victim} reported down`,
      );
      const downMs = down.at - killedAt;

      // Down: refused, never served from what it held.
      const refused = await hostList(victim);
      expect(refused.status).toBe(502);
      expect(refused.body.error?.code).toBe("ENGINE_UNREACHABLE");
      const merged = await admin.get<ContainerList>("/api/v1/containers");
      expect(merged.body.items.some((c) => c.hostId === victim)).toBe(false);
      expect((merged.body.errors ?? []).map((x) => x.hostId)).toEqual([victim]);
      expect(srv.wharf.ctx.hosts.get(victim).live.containers.size).toBe(0);

      await fleet.restart(victim);
      const backAt = performance.now();
      // Reconciled: following the engine again (not the fallback that asks the engine), and agreeing.
      const live = srv.wharf.ctx.hosts.get(victim).live.containers;
      await waitFor(
        async () => (live.ready && (await agrees(victim))) || undefined,
        30_000,
        `${victim} reconciled`,
      );
      const reconcileMs = performance.now() - backAt;
      console.log(
        `fleet: ${victim} killed: down after ${downMs.toFixed(0)} ms, lists agreed ${reconcileMs.toFixed(0)} ms after its engine answered; ${polls} merged lists polled, ${gaps.length} gaps on the other ${others.length} hosts`,
      );
    } finally {
      polling = false;
      await poller;
    }
    expect(gaps).toEqual([]);
    expect(disconnects).toEqual([]);
    socket.close();
    for (const id of others) expect(await agrees(id), id).toBe(true);
  });
});
