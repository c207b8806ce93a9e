import { performance } from "node:perf_hooks";
import type { ContainerList } from "../../lib/types";
import type { FleetEngine } from "./fleet";
import { httpRequest, type HttpTarget } from "./http-get";
import type { HostSamples } from "./measure";

const RAW_PATH = "/containers/json?all=1";
const hostPath = (id: string) => `/api/v1/hosts/${encodeURIComponent(id)}/containers`;

/** As timedGetJson, but a call that hangs fails after 15 s instead of holding the round up. */
async function timedGet<T>(t: HttpTarget, path: string): Promise<{ ms: number; bytes: number; value: T }> {
  const t0 = performance.now();
  const r = await httpRequest(t, "GET", path, { timeoutMs: 15_000 });
  const value = JSON.parse(r.body.toString("utf8")) as T;
  const ms = performance.now() - t0;
  if (r.status !== 200)
    throw new Error(`GET ${path}: HTTP ${r.status}: ${r.body.toString("utf8").slice(0, 200)}`);
  return { ms, bytes: r.body.length, value };
}

const raw = async (e: FleetEngine) => {
  const r = await timedGet<unknown[]>(e.wire, RAW_PATH);
  return { ms: r.ms, bytes: r.bytes, count: r.value.length };
};
const viaWharf = async (wharf: HttpTarget, id: string) => {
  const r = await timedGet<{ items: unknown[] }>(wharf, hostPath(id));
  return { ms: r.ms, bytes: r.bytes, count: r.value.items.length };
};

/**
 * P1′: each host's list through Wharf against the engine's own `GET /containers/json?all=1` on the
 * transport Wharf uses for it. Rounds visit every host in turn (an interleaved pair per host, the
 * order alternating), so a slow moment of the machine hits both sides and all hosts alike.
 */
export async function measurePerHost(
  engines: readonly FleetEngine[],
  wharf: HttpTarget,
  rounds: number,
  warmup: number,
  failures: string[],
  signal?: AbortSignal,
): Promise<HostSamples[]> {
  const out = engines.map((e): HostSamples => ({
    hostId: e.id,
    raw: [],
    wharf: [],
    pairRatios: [],
    rawBytes: 0,
    wharfBytes: 0,
    items: 0,
    transientMismatches: 0,
  }));
  for (let r = 0; r < warmup + rounds; r++) {
    for (const [i, e] of engines.entries()) {
      signal?.throwIfAborted();
      const s = out[i] as HostSamples;
      let a: Awaited<ReturnType<typeof raw>>;
      let b: Awaited<ReturnType<typeof viaWharf>>;
      try {
        if ((r + i) % 2 === 0) {
          a = await raw(e);
          b = await viaWharf(wharf, e.id);
        } else {
          b = await viaWharf(wharf, e.id);
          a = await raw(e);
        }
      } catch (err) {
        // A pair that failed is left out and said; the host gets its next pair in the next round.
        failures.push(`round ${r + 1}, ${e.id}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      if (a.count !== b.count) {
        failures.push(`round ${r + 1}, ${e.id}: Wharf listed ${b.count} containers, the engine ${a.count}`);
        continue;
      }
      if (r < warmup) continue;
      s.raw.push(a.ms);
      s.wharf.push(b.ms);
      s.pairRatios.push(b.ms / a.ms);
      s.rawBytes = a.bytes;
      s.wharfBytes = b.bytes;
      s.items = b.count;
    }
  }
  return out;
}

export interface MergedSamples {
  /** Every engine's raw list fetched at once, to the last one parsed: what a fan-out costs. */
  fanOut: number[];
  wharf: number[];
  items: number;
  bytes: number;
}

/** The all-hosts list through Wharf against fetching every engine's list at once, interleaved. */
export async function measureMerged(
  engines: readonly FleetEngine[],
  wharf: HttpTarget,
  runs: number,
  warmup: number,
  failures: string[],
  signal?: AbortSignal,
): Promise<MergedSamples> {
  const expected = (await Promise.all(engines.map(raw))).reduce((n, r) => n + r.count, 0);
  const out: MergedSamples = { fanOut: [], wharf: [], items: 0, bytes: 0 };
  const fan = async () => {
    const t0 = performance.now();
    await Promise.all(engines.map(raw));
    return performance.now() - t0;
  };
  const merged = async () => {
    const r = await timedGet<ContainerList>(wharf, "/api/v1/containers");
    if (r.value.errors?.length)
      throw new Error(`merged list: hosts in errors: ${r.value.errors.map((e) => e.hostId).join(", ")}`);
    if (r.value.items.length !== expected)
      throw new Error(`merged list: ${r.value.items.length} containers, expected ${expected}`);
    out.items = r.value.items.length;
    out.bytes = r.bytes;
    return r.ms;
  };
  for (let i = 0; i < warmup + runs; i++) {
    signal?.throwIfAborted();
    let f: number;
    let w: number;
    try {
      if (i % 2 === 0) {
        f = await fan();
        w = await merged();
      } else {
        w = await merged();
        f = await fan();
      }
    } catch (err) {
      failures.push(`merged run ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (i < warmup) continue;
    out.fanOut.push(f);
    out.wharf.push(w);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the merged list until it holds every container and no host in errors; resolves with ms. */
export async function waitMerged(wharf: HttpTarget, total: number, signal: AbortSignal): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    signal.throwIfAborted();
    const r = await httpRequest(wharf, "GET", "/api/v1/containers");
    if (r.status === 200) {
      const list = JSON.parse(r.body.toString("utf8")) as ContainerList;
      if (list.items.length === total && !list.errors?.length) return performance.now() - t0;
    }
    if (performance.now() - t0 > 120_000) throw new Error("the merged list never held every container");
    await sleep(250);
  }
}
