import type { EngineTarget } from "./engines";
import { expectStatus, httpRequest } from "./http-get";
import { runPool } from "./pool";
import type { SoakClients } from "./soak-clients";

export const SOAK_LABEL = "wharf.bench.soak";
/** Prints `tick N` on stdout every second from 1 on each start, and leaves at once on TERM. */
const TICKER = [
  "sh",
  "-c",
  "trap 'exit 0' TERM INT; n=0; while :; do n=$((n+1)); echo \"tick $n\"; sleep 1 & wait $!; done",
];

/** One followed container and what the bench did to it, for the accounting of what should arrive. */
export interface SoakContainer {
  hostId: string;
  name: string;
  engine: EngineTarget;
  churn: boolean;
  running: boolean;
  /** Bumped at every start and stop: a stream seen in an older epoch belongs to an earlier run. */
  epoch: number;
  /** Epoch ms of the last start request. */
  startedAt: number;
}

async function call(t: EngineTarget, method: string, path: string, ok: number[], body?: unknown) {
  const r = await httpRequest(t, method, path, { body, timeoutMs: 60_000 });
  return expectStatus(r, ok, `${method} ${path} on ${t.id}`);
}

/** Removes what an earlier, interrupted run left. */
export async function removeSoakContainers(engines: readonly EngineTarget[]): Promise<number> {
  let n = 0;
  const filters = encodeURIComponent(JSON.stringify({ label: [`${SOAK_LABEL}=1`] }));
  for (const t of engines) {
    const r = await call(t, "GET", `/containers/json?all=1&filters=${filters}`, [200]);
    const ids = (JSON.parse(r.body.toString("utf8")) as { Id: string }[]).map((c) => c.Id);
    await runPool(ids, 8, (id) => call(t, "DELETE", `/containers/${id}?force=1`, [204, 404]));
    n += ids.length;
  }
  return n;
}

/** `count` ticker containers spread over the engines, all started; the last `churn` ones get churned. */
export async function createSoakContainers(
  engines: readonly { id: string; admin: EngineTarget }[],
  count: number,
  churn: number,
): Promise<SoakContainer[]> {
  const out: SoakContainer[] = Array.from({ length: count }, (_, i) => {
    const e = engines[i % engines.length] as { id: string; admin: EngineTarget };
    return {
      hostId: e.id,
      name: `soak-${String(i).padStart(3, "0")}`,
      engine: e.admin,
      churn: i >= count - churn,
      running: false,
      epoch: 0,
      startedAt: 0,
    };
  });
  await runPool(out, 8, async (c) => {
    await call(c.engine, "POST", `/containers/create?name=${c.name}`, [201], {
      Image: "local/busybox:1.35",
      Cmd: TICKER,
      Labels: { [SOAK_LABEL]: "1" },
      StopTimeout: 2,
      // Test-engine rule: no network at all.
      HostConfig: { NetworkMode: "none" },
      NetworkDisabled: true,
    });
    await start(c);
  });
  return out;
}

export async function start(c: SoakContainer): Promise<void> {
  c.epoch++;
  c.startedAt = Date.now();
  await call(c.engine, "POST", `/containers/${c.name}/start`, [204, 304]);
  c.running = true;
}

export async function stop(c: SoakContainer): Promise<void> {
  c.running = false;
  c.epoch++;
  await call(c.engine, "POST", `/containers/${c.name}/stop?t=2`, [204, 304]);
}

/** The newest `tick N` a container wrote, from the engine's own log (stdout, multiplexed frames). */
export async function lastTick(c: SoakContainer): Promise<number | undefined> {
  const r = await call(c.engine, "GET", `/containers/${c.name}/logs?stdout=1&tail=1`, [200]);
  const text = r.body.length > 8 ? r.body.subarray(8).toString("utf8") : "";
  const m = /tick (\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops and starts the churn set in turn until `until()` says so; resolves with what it did. */
export async function churnLoop(
  set: readonly SoakContainer[],
  clients: SoakClients,
  everyMs: number,
  until: () => boolean,
): Promise<{ starts: number; stops: number; errors: string[] }> {
  const done = { starts: 0, stops: 0, errors: [] as string[] };
  for (let i = 0; !until() && set.length; i++) {
    const t = Date.now();
    const c = set[i % set.length] as SoakContainer;
    try {
      if (c.running) {
        clients.stopping(c, Date.now());
        await stop(c);
        done.stops++;
      } else {
        await start(c);
        clients.started(c);
        done.starts++;
      }
    } catch (err) {
      done.errors.push(`${c.hostId}/${c.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    await sleep(Math.max(0, everyMs - (Date.now() - t)));
  }
  return done;
}
