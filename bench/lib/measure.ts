import type { EngineTarget } from "./engines";
import { timedGetJson, type HttpTarget } from "./http-get";

const RAW_PATH = "/containers/json?all=1";
const wharfPath = (hostId: string) => `/api/v1/hosts/${encodeURIComponent(hostId)}/containers`;

export interface HostSamples {
  hostId: string;
  raw: number[];
  wharf: number[];
  /** wharf/raw of each interleaved pair. */
  pairRatios: number[];
  rawBytes: number;
  wharfBytes: number;
  items: number;
  /** Pairs whose counts differed but agreed on an immediate re-check (something else changed the engine). */
  transientMismatches: number;
}

async function rawOnce(engine: EngineTarget) {
  const r = await timedGetJson<unknown[]>(engine, RAW_PATH);
  return { ...r, count: r.value.length };
}

async function wharfOnce(wharf: HttpTarget, hostId: string) {
  const r = await timedGetJson<{ items: unknown[] }>(wharf, wharfPath(hostId));
  return { ...r, count: r.value.items.length };
}

/** After a count mismatch: do both sides agree when asked again? Throws if they never do. */
async function recheck(engine: EngineTarget, wharf: HttpTarget, first: string): Promise<void> {
  let last = first;
  for (let i = 0; i < 3; i++) {
    const [a, b] = [await rawOnce(engine), await wharfOnce(wharf, engine.id)];
    if (a.count === b.count) return;
    last = `raw ${a.count}, wharf ${b.count}`;
  }
  throw new Error(
    `host ${engine.id}: Wharf lists a different number of containers than the engine (${last})`,
  );
}

/**
 * Interleaved pairs of raw engine list and Wharf list for one host, alternating which goes first,
 * after `warmup` untimed pairs.
 */
export async function measureHost(
  engine: EngineTarget,
  wharf: HttpTarget,
  n: number,
  warmup: number,
  signal?: AbortSignal,
): Promise<HostSamples> {
  const s: HostSamples = {
    hostId: engine.id,
    raw: [],
    wharf: [],
    pairRatios: [],
    rawBytes: 0,
    wharfBytes: 0,
    items: 0,
    transientMismatches: 0,
  };
  for (let i = 0; i < warmup + n; i++) {
    signal?.throwIfAborted();
    let r: Awaited<ReturnType<typeof rawOnce>>;
    let w: Awaited<ReturnType<typeof wharfOnce>>;
    if (i % 2 === 0) {
      r = await rawOnce(engine);
      w = await wharfOnce(wharf, engine.id);
    } else {
      w = await wharfOnce(wharf, engine.id);
      r = await rawOnce(engine);
    }
    if (r.count !== w.count) {
      await recheck(engine, wharf, `raw ${r.count}, wharf ${w.count}`);
      s.transientMismatches++;
    }
    if (i < warmup) continue;
    s.raw.push(r.ms);
    s.wharf.push(w.ms);
    s.pairRatios.push(w.ms / r.ms);
    s.rawBytes = r.bytes;
    s.wharfBytes = w.bytes;
    s.items = w.count;
  }
  return s;
}
