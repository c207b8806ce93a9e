import { performance } from "node:perf_hooks";
import type { EngineTarget } from "./engines";
import type { FleetEngine } from "./fleet";
import { expectStatus, httpRequest } from "./http-get";
import { runPool } from "./pool";

export const FLEET_LABEL = "wharf.bench.fleet";
export const FLEET_IMAGE = "local/busybox:1.35";
/** A shell as PID 1 that sleeps for good and leaves at once on TERM, so engines stop quickly. */
const SLEEPER = ["sh", "-c", "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done"];

/** `f07-0042`: the host id, then the container's number on that host. */
export const fleetName = (hostId: string, k: number) => `${hostId}-${String(k).padStart(4, "0")}`;
/** Every tenth container runs (numbers 0, 10, 20, …); the rest are only created. */
export const runsAt = (k: number) => k % 10 === 0;

export interface RawListItem {
  Id: string;
  Names?: string[];
  State?: string;
}

export async function rawList(t: EngineTarget): Promise<RawListItem[]> {
  const r = await httpRequest(t, "GET", "/containers/json?all=1");
  return JSON.parse(
    expectStatus(r, [200], `list containers on ${t.id}`).body.toString("utf8"),
  ) as RawListItem[];
}

async function createOne(t: EngineTarget, name: string): Promise<string> {
  const r = await httpRequest(t, "POST", `/containers/create?name=${encodeURIComponent(name)}`, {
    body: {
      Image: FLEET_IMAGE,
      Cmd: SLEEPER,
      Labels: { [FLEET_LABEL]: "1" },
      StopTimeout: 2,
      // Test-engine rule: no network at all.
      HostConfig: { NetworkMode: "none" },
      NetworkDisabled: true,
    },
    timeoutMs: 120_000,
  });
  return (
    JSON.parse(expectStatus(r, [201], `create ${name} on ${t.id}`).body.toString("utf8")) as { Id: string }
  ).Id;
}

export interface FleetFixtureReport {
  created: number;
  started: number;
  ms: number;
}

/**
 * `perHost` containers on every engine through its own socket, every tenth one started, with at most
 * `concurrency` engine calls in flight over the whole fleet (jobs alternate between engines so each
 * engine works on a few at a time). Prints progress every 10 s.
 */
export async function createFleetContainers(
  engines: readonly FleetEngine[],
  perHost: number,
  concurrency: number,
  say: (line: string) => void,
  signal?: AbortSignal,
): Promise<FleetFixtureReport> {
  const t0 = performance.now();
  const jobs: { e: FleetEngine; k: number }[] = [];
  for (let k = 0; k < perHost; k++) for (const e of engines) jobs.push({ e, k });
  const total = jobs.length;
  const running = jobs.filter((j) => runsAt(j.k)).length;
  const report: FleetFixtureReport = { created: 0, started: 0, ms: 0 };
  const progress = setInterval(
    () =>
      say(
        `  … created ${report.created}/${total}, started ${report.started}/${running} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      ),
    10_000,
  );
  try {
    await runPool(
      jobs,
      concurrency,
      async ({ e, k }) => {
        const id = await createOne(e.admin, fleetName(e.id, k));
        report.created++;
        if (!runsAt(k)) return;
        const r = await httpRequest(e.admin, "POST", `/containers/${id}/start`, { timeoutMs: 120_000 });
        expectStatus(r, [204, 304], `start ${fleetName(e.id, k)} on ${e.id}`);
        report.started++;
      },
      signal,
    );
  } finally {
    clearInterval(progress);
  }
  for (const e of engines) {
    const n = (await rawList(e.admin)).length;
    if (n !== perHost) throw new Error(`engine ${e.id} lists ${n} containers, expected ${perHost}`);
  }
  report.ms = performance.now() - t0;
  return report;
}
