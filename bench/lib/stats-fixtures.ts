import type { EngineTarget } from "./engines";
import { expectStatus, httpRequest } from "./http-get";
import { runPool } from "./pool";

export const STATS_LABEL = "wharf.bench.stats";
const IMAGE = "local/idle:1";
const CONCURRENCY = 8;

interface RawContainer {
  Id: string;
  Names?: string[];
  State?: string;
}

async function listOurs(t: EngineTarget): Promise<RawContainer[]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${STATS_LABEL}=1`] }));
  const r = await httpRequest(t, "GET", `/containers/json?all=1&filters=${filters}`);
  return JSON.parse(
    expectStatus(r, [200], `list stats bench containers on ${t.id}`).body.toString("utf8"),
  ) as RawContainer[];
}

/**
 * Makes sure bench-stats-0 … bench-stats-(n-1) exist and run (reusing those left by an earlier run);
 * resolves with their full ids in that order.
 */
export async function ensureRunningContainers(
  t: EngineTarget,
  n: number,
  signal?: AbortSignal,
): Promise<{ ids: string[]; created: number; started: number }> {
  const have = new Map((await listOurs(t)).map((c) => [(c.Names?.[0] ?? "").replace(/^\//, ""), c]));
  let created = 0;
  let started = 0;
  const ids = await runPool(
    Array.from({ length: n }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const name = `bench-stats-${i}`;
      let c = have.get(name);
      if (!c) {
        const r = await httpRequest(t, "POST", `/containers/create?name=${name}`, {
          body: {
            Image: IMAGE,
            Labels: { [STATS_LABEL]: "1" },
            // Test-engine rule: no network at all.
            HostConfig: { NetworkMode: "none" },
            NetworkDisabled: true,
          },
        });
        c = JSON.parse(
          expectStatus(r, [201], `create ${name} on ${t.id}`).body.toString("utf8"),
        ) as RawContainer;
        created++;
      }
      if (c.State !== "running") {
        expectStatus(await httpRequest(t, "POST", `/containers/${c.Id}/start`), [204, 304], `start ${name}`);
        started++;
      }
      return c.Id;
    },
    signal,
  );
  return { ids, created, started };
}

export async function removeStatsContainers(t: EngineTarget): Promise<number> {
  const ids = (await listOurs(t)).map((c) => c.Id);
  await runPool(ids, CONCURRENCY, async (id) => {
    expectStatus(await httpRequest(t, "DELETE", `/containers/${id}?force=1&v=1`), [204, 404], `remove ${id}`);
  });
  return ids.length;
}
