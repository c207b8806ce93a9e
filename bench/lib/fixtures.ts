import type { EngineTarget } from "./engines";
import { expectStatus, httpRequest } from "./http-get";
import { runPool } from "./pool";

export const BENCH_LABEL = "wharf.bench";
export const BENCH_IMAGE = "local/idle:1";
const CONCURRENCY = 8;

interface RawContainer {
  Id: string;
  Names?: string[];
  State?: string;
  Labels?: Record<string, string>;
}

/** bench-<n> lives on engine n % engines.length; every tenth one runs. */
const shouldRun = (n: number) => n % 10 === 0;

async function listBench(t: EngineTarget): Promise<RawContainer[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${BENCH_LABEL}=1`] }));
  const r = await httpRequest(t, "GET", `/containers/json?all=1&filters=${filters}`);
  return JSON.parse(
    expectStatus(r, [200], `list bench containers on ${t.id}`).body.toString("utf8"),
  ) as RawContainer[];
}

const nameOf = (c: RawContainer) => (c.Names?.[0] ?? "").replace(/^\//, "");

async function create(t: EngineTarget, name: string): Promise<string> {
  const r = await httpRequest(t, "POST", `/containers/create?name=${encodeURIComponent(name)}`, {
    body: {
      Image: BENCH_IMAGE,
      Labels: { [BENCH_LABEL]: "1" },
      // Test-engine rule: no network at all.
      HostConfig: { NetworkMode: "none" },
      NetworkDisabled: true,
    },
  });
  return (
    JSON.parse(expectStatus(r, [201], `create ${name} on ${t.id}`).body.toString("utf8")) as { Id: string }
  ).Id;
}

async function start(t: EngineTarget, id: string): Promise<void> {
  // 304: already running.
  expectStatus(await httpRequest(t, "POST", `/containers/${id}/start`), [204, 304], `start ${id} on ${t.id}`);
}

export interface FixtureReport {
  existing: number;
  created: number;
  started: number;
  perEngine: Record<string, number>;
}

/**
 * Makes sure bench-0 … bench-(total-1) exist, spread round-robin over the engines, with every
 * tenth one running. Containers left by an earlier run are reused.
 */
export async function ensureBenchContainers(
  targets: readonly EngineTarget[],
  total: number,
  signal?: AbortSignal,
): Promise<FixtureReport> {
  const report: FixtureReport = { existing: 0, created: 0, started: 0, perEngine: {} };
  const jobs: { t: EngineTarget; n: number; id?: string; running: boolean }[] = [];
  for (const [i, t] of targets.entries()) {
    const have = new Map((await listBench(t)).map((c) => [nameOf(c), c]));
    report.existing += have.size;
    for (let n = i; n < total; n += targets.length) {
      const c = have.get(`bench-${n}`);
      jobs.push({ t, n, id: c?.Id, running: c?.State === "running" });
    }
  }
  await runPool(
    jobs,
    CONCURRENCY,
    async (j) => {
      if (!j.id) {
        j.id = await create(j.t, `bench-${j.n}`);
        report.created++;
      }
      if (shouldRun(j.n) && !j.running) {
        await start(j.t, j.id);
        report.started++;
      }
    },
    signal,
  );
  for (const t of targets) report.perEngine[t.id] = (await listBench(t)).length;
  return report;
}

/** Removes every container labelled wharf.bench=1 (running ones are killed). */
export async function removeBenchContainers(targets: readonly EngineTarget[]): Promise<number> {
  let removed = 0;
  for (const t of targets) {
    const ids = (await listBench(t)).map((c) => c.Id);
    await runPool(ids, CONCURRENCY, async (id) => {
      const r = await httpRequest(t, "DELETE", `/containers/${id}?force=1&v=1`);
      expectStatus(r, [204, 404], `remove ${id} on ${t.id}`);
      removed++;
    });
  }
  return removed;
}
