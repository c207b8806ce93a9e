import { performance } from "node:perf_hooks";
import type { Browser, BrowserContext } from "@playwright/test";
import type { ContainerList } from "../../lib/types";
import { FaultPollers } from "./fault-pollers";
import { FaultSockets } from "./fault-sockets";
import { pingOk, type Fleet } from "./fleet";
import { fleetName, rawList } from "./fleet-fixtures";
import { httpRequest, type HttpTarget } from "./http-get";
import { openList, signedInContext } from "./scale-browser";

export interface FaultOptions {
  fleet: Fleet;
  wharf: HttpTarget;
  base: string;
  cookie: string;
  browser: Browser;
  victim: string;
  pages: number;
  sockets: number;
  /** How long the engine stays dead once Wharf reported it down. */
  downMs: number;
  say: (line: string) => void;
}

export interface FaultFigures {
  victim: string;
  kind: string;
  /** Per-host lists, merged lists and browser list responses of the other hosts, and their failures. */
  lists: { calls: number; gaps: string[] };
  merged: { calls: number; gaps: string[] };
  browser: { responses: number; gaps: string[]; socketCloses: number };
  sockets: {
    clients: number;
    disconnects: number;
    statsGaps: string[];
    longestStatsPauseMs: number;
    /** stats:subscribe refusals while setting up, before the kill, and streams never opened. */
    refusals: string[];
    unsubscribed: string[];
  };
  /** From the SIGKILL. */
  downApiMs?: number;
  downSocketFirstMs?: number;
  downSocketAllMs?: number;
  /** The dead host's own list once Wharf said it was down: answers, and those served with containers. */
  whileDown: { calls: number; served: number; codes: string };
  /** Merged lists after the host was reported down that still held its containers, or did not name it. */
  mergedStale: number;
  mergedUnnamed: number;
  /** From the engine's `_ping` answering again. */
  upSocketMs?: number;
  reconciledMs?: number;
  reconcileNote?: string;
}

const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined> | T | undefined) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (now() > deadline) throw new Error(`faults: ${what} not seen within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Wharf's list of one host as id → state, or undefined unless it answered 200. */
async function wharfStates(wharf: HttpTarget, hostId: string): Promise<Map<string, string> | undefined> {
  const r = await httpRequest(wharf, "GET", `/api/v1/hosts/${hostId}/containers`, { timeoutMs: 10_000 });
  if (r.status !== 200) return undefined;
  const list = JSON.parse(r.body.toString("utf8")) as ContainerList;
  return new Map(list.items.map((c) => [c.id, c.state]));
}

/**
 * Ten tabs and twenty socket clients watch the fleet; one engine is SIGKILLed, left dead for a while
 * and started again. Everything the watchers saw of the other hosts is checked for gaps.
 */
export async function runFaults(o: FaultOptions): Promise<FaultFigures> {
  const victim = o.fleet.get(o.victim);
  const others = o.fleet.engines.filter((e) => e.id !== victim.id);
  const expected = new Map<string, Set<string>>();
  for (const e of others) expected.set(e.id, new Set((await rawList(e.admin)).map((c) => c.Id)));

  const contexts: BrowserContext[] = [];
  const sockets = new FaultSockets(o.base, o.cookie);
  const pollers = new FaultPollers(o.wharf, expected, victim.id);
  const browserLists: { at: number; ok: boolean; why?: string }[] = [];
  let socketCloses = 0;
  try {
    for (let i = 0; i < o.pages; i++) {
      const context = await signedInContext(o.browser, o.base, o.cookie);
      contexts.push(context);
      const page = await context.newPage();
      page.on("websocket", (ws) => ws.on("close", () => socketCloses++));
      page.on("response", (res) => {
        if (new URL(res.url()).pathname !== "/api/v1/containers") return;
        const at = now();
        void res.json().then(
          (body: ContainerList) => {
            const bad = others.filter(
              (e) => body.items.filter((c) => c.hostId === e.id).length !== expected.get(e.id)?.size,
            );
            browserLists.push(
              bad.length
                ? { at, ok: false, why: `missing on ${bad.map((e) => e.id).join(", ")}` }
                : { at, ok: true },
            );
          },
          () => browserLists.push({ at, ok: res.status() === 200, why: `HTTP ${res.status()}` }),
        );
      });
      await openList(page, "/containers");
    }
    const streams = others.map((e) => ({ hostId: e.id, containerId: fleetName(e.id, 0) }));
    await sockets.connect(streams, o.sockets);
    o.say(
      `  watching: ${o.pages} tabs on /containers, ${o.sockets} socket clients (stats of ${streams.length} hosts)`,
    );
    pollers.start();
    await sleep(3000);

    const tKill = now();
    const pid = await o.fleet.kill(victim.id);
    o.say(`  SIGKILL ${victim.id} (${victim.kind}, dockerd pid ${pid})`);
    const downApi = await until("the host down in GET /api/v1/hosts", 30_000, () =>
      pollers.dead.find((d) => d.at > tKill && d.status && d.status !== "up"),
    );
    await until("host:status down on every client", 30_000, () =>
      sockets.heard(victim.id, "down", tKill).last ? true : undefined,
    ).catch(() => undefined);
    const downSocket = sockets.heard(victim.id, "down", tKill);
    await sleep(o.downMs);

    const restarting = o.fleet.restart(victim.id);
    const tPing = await until("_ping of the restarted engine", 60_000, async () =>
      (await pingOk(victim.admin)) ? now() : undefined,
    );
    await restarting;
    let note: string | undefined;
    const tRec = await until("Wharf's list matching the engine's", 60_000, async () => {
      const engine = new Map((await rawList(victim.admin)).map((c) => [c.Id, c.State ?? ""]));
      const shown = await wharfStates(o.wharf, victim.id);
      if (!shown) return undefined;
      const wrong = [...engine].filter(([id, state]) => shown.get(id) !== state).length;
      note = `${engine.size} containers, ${[...engine.values()].filter((s) => s === "running").length} running`;
      return wrong === 0 && shown.size === engine.size ? now() : undefined;
    });
    await until("host:status up on every client", 30_000, () =>
      sockets.heard(victim.id, "up", tKill).last ? true : undefined,
    ).catch(() => undefined);
    const upSocket = sockets.heard(victim.id, "up", tKill);
    await sleep(3000);
    await pollers.stop();
    const tEnd = now();

    const downAt = downApi.at;
    // Only requests sent after Wharf said the host was down, and answered before it was back.
    const whileDown = pollers.dead.filter((d) => d.sentAt > downAt && d.at < tPing && d.status !== "up");
    const codes = [...new Set(whileDown.map((d) => String(d.list)))].join(", ");
    const afterDown = pollers.merged.filter((m) => m.sentAt > downAt && m.at < tPing);
    const fails = <T extends { ok: boolean; why?: string; at: number }>(xs: T[], label: (x: T) => string) =>
      xs
        .filter((x) => !x.ok)
        .map((x) => `${((x.at - tKill) / 1000).toFixed(1)} s ${label(x)}: ${x.why ?? ""}`);
    const stats = sockets.statsGaps(tKill - 1000, tEnd, 3000);
    return {
      victim: victim.id,
      kind: victim.kind,
      lists: { calls: pollers.perHost.length, gaps: fails(pollers.perHost, (x) => x.hostId) },
      merged: { calls: pollers.merged.length, gaps: fails(pollers.merged, () => "merged") },
      browser: { responses: browserLists.length, gaps: fails(browserLists, () => "tab"), socketCloses },
      sockets: {
        clients: sockets.watchers.length,
        disconnects: sockets.disconnects.length,
        statsGaps: stats.gaps,
        longestStatsPauseMs: stats.longest,
        refusals: sockets.refusals,
        unsubscribed: sockets.unsubscribed,
      },
      downApiMs: downAt - tKill,
      ...(downSocket.first ? { downSocketFirstMs: downSocket.first - tKill } : {}),
      ...(downSocket.last ? { downSocketAllMs: downSocket.last - tKill } : {}),
      whileDown: { calls: whileDown.length, served: whileDown.filter((d) => d.list === 200).length, codes },
      mergedStale: afterDown.filter((m) => m.deadItems > 0).length,
      mergedUnnamed: afterDown.filter((m) => !m.deadInErrors).length,
      ...(upSocket.last ? { upSocketMs: upSocket.last - tPing } : {}),
      reconciledMs: tRec - tPing,
      ...(note ? { reconcileNote: note } : {}),
    };
  } finally {
    await pollers.stop();
    sockets.close();
    for (const c of contexts) await c.close().catch(() => undefined);
  }
}
