import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  blockIo,
  clampMemoryLimit,
  cpuPercent,
  engineSample,
  memoryUsageNoCache,
  networkTotals,
  withRates,
  type EngineStats,
  type StatsCounters,
} from "./stats-math";

const fixture = <T = EngineStats>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name), "utf8")) as T;

/** Captured from the local test engine (cgroup v1): a busybox loop under --cpus 0.5, streamed. */
const stream = fixture<EngineStats[]>("engine-v1-stream-cpu-half.json");
/** Captured: 64 MiB held by a process plus 32 MiB of page cache under --memory 256m. */
const memory = fixture("engine-v1-memory.json");
const idle = fixture("engine-v1-idle.json");
const v2 = fixture("engine-v2-handwritten.json");
const ref = { hostId: "local", containerId: "c" };

describe("cpuPercent (docker CLI formula)", () => {
  it("is unknown on a stream's first document, whose precpu_stats is empty", () => {
    expect(stream[0]?.precpu_stats?.system_cpu_usage).toBeUndefined();
    expect(cpuPercent(stream[0]?.cpu_stats, stream[0]?.precpu_stats)).toBeUndefined();
    expect(engineSample(stream[0] as EngineStats, ref)).toBeUndefined();
  });

  it("is cpu delta / system delta × online CPUs × 100 on the captured stream", () => {
    const got = stream.slice(1).map((s) => cpuPercent(s.cpu_stats, s.precpu_stats) as number);
    // Worked by hand from the captured counters: (66059349528 - 65638745124) / (5476140000000 - 5474140000000) × 2 × 100.
    expect(got[1]).toBeCloseTo(42.0604, 3);
    // A loop capped at half a CPU never shows more than its quota (plus sampling jitter).
    for (const v of got) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(60);
    }
  });

  it("uses the percpu_usage length when online_cpus is missing, and is 0 when nothing moved", () => {
    const cur = { cpu_usage: { total_usage: 300, percpu_usage: [1, 2, 3, 4] }, system_cpu_usage: 2000 };
    expect(cpuPercent(cur, { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 })).toBe(80);
    expect(cpuPercent(cur, { cpu_usage: { total_usage: 300 }, system_cpu_usage: 1000 })).toBe(0);
  });

  it("reads 25 % from the hand-written cgroup v2 document", () => {
    expect(cpuPercent(v2.cpu_stats, v2.precpu_stats)).toBeCloseTo(25, 6);
  });
});

describe("memoryUsageNoCache (docker CLI calculateMemUsageUnixNoCache)", () => {
  it("cgroup v1: usage minus total_inactive_file", () => {
    const m = memory.memory_stats!;
    expect(m.stats?.total_inactive_file).toBe(0);
    expect(memoryUsageNoCache(m)).toBe(102461440);
    expect(memoryUsageNoCache({ usage: 1000, stats: { total_inactive_file: 300, inactive_file: 100 } })).toBe(
      700,
    );
  });

  it("cgroup v2: usage minus inactive_file", () => {
    expect(memoryUsageNoCache(v2.memory_stats)).toBe(209715200 - 52428800);
  });

  it("subtracts nothing that is not below the usage, as the CLI does", () => {
    expect(memoryUsageNoCache({ usage: 100, stats: { total_inactive_file: 100, inactive_file: 40 } })).toBe(
      60,
    );
    expect(memoryUsageNoCache({ usage: 100, stats: { inactive_file: 200 } })).toBe(100);
    expect(memoryUsageNoCache({ usage: 100 })).toBe(100);
    expect(memoryUsageNoCache(undefined)).toBe(0);
  });
});

describe("block I/O and network totals", () => {
  it("sums read and write entries over every device, any case", () => {
    expect(blockIo(v2.blkio_stats?.io_service_bytes_recursive)).toEqual({
      read: 1048576 + 4096,
      write: 4194304,
    });
    expect(
      blockIo([
        { op: "Read", value: 5 },
        { op: "Write", value: 7 },
        { op: "Total", value: 12 },
      ]),
    ).toEqual({
      read: 5,
      write: 7,
    });
    expect(blockIo(idle.blkio_stats?.io_service_bytes_recursive)).toEqual({ read: 0, write: 0 });
    expect(blockIo(null)).toEqual({ read: 0, write: 0 });
  });

  it("sums every interface; a --network none container has none", () => {
    expect(networkTotals(v2.networks)).toEqual({ rx: 5338 + 4641, tx: 648 + 690 });
    expect(idle.networks).toBeUndefined();
    expect(networkTotals(idle.networks)).toEqual({ rx: 0, tx: 0 });
  });
});

describe("engineSample", () => {
  it("turns a captured v1 document into a sample stamped with the engine's read time", () => {
    const s = engineSample(stream[2] as EngineStats, ref);
    expect(s).toMatchObject({
      ...ref,
      ts: Date.parse("2026-11-23T01:35:57.216Z"),
      memoryBytes: 335872,
      memoryLimitBytes: stream[2]?.memory_stats?.limit,
      netRxBytes: 0,
      pids: 1,
    });
    expect(engineSample(memory, ref)).toMatchObject({
      memoryBytes: 102461440,
      memoryLimitBytes: 268435456,
      pids: 3,
    });
  });

  it("reads the v2 document", () => {
    expect(engineSample(v2, ref)).toMatchObject({
      memoryBytes: 157286400,
      memoryLimitBytes: 536870912,
      blkReadBytes: 1052672,
      blkWriteBytes: 4194304,
      netRxBytes: 9979,
      netTxBytes: 1338,
      pids: 7,
    });
  });
});

describe("withRates", () => {
  const base: StatsCounters = {
    ...ref,
    ts: 10_000,
    cpuPercent: 1,
    memoryBytes: 1,
    memoryLimitBytes: 2,
    netRxBytes: 1000,
    netTxBytes: 500,
    blkReadBytes: 0,
    blkWriteBytes: 4096,
    pids: 1,
  };

  it("has no rates on the first sample", () => {
    expect(withRates(base, undefined)).toEqual(base);
  });

  it("gives bytes per second over the real interval", () => {
    const next = {
      ...base,
      ts: 12_000,
      netRxBytes: 3000,
      netTxBytes: 500,
      blkReadBytes: 8192,
      blkWriteBytes: 4096,
    };
    expect(withRates(next, base)).toMatchObject({
      netRxRate: 1000,
      netTxRate: 0,
      blkReadRate: 4096,
      blkWriteRate: 0,
    });
  });

  it("rounds what travels: CPU % to a thousandth, rates to whole bytes", () => {
    const next = { ...base, ts: 13_000, cpuPercent: 12.3456789, netRxBytes: 1001 };
    expect(withRates(next, base)).toMatchObject({ cpuPercent: 12.346, netRxRate: 0 });
  });

  it("leaves out a rate whose counter went backwards (a restart), and ignores a non-advancing clock", () => {
    const after = withRates({ ...base, ts: 11_000, netRxBytes: 10, blkWriteBytes: 8192 }, base);
    expect(after.netRxRate).toBeUndefined();
    expect(after.blkWriteRate).toBe(4096);
    expect(withRates({ ...base }, base).netRxRate).toBeUndefined();
  });
});

describe("clampMemoryLimit", () => {
  it("reports the machine's memory for an unlimited container, as the engine does", () => {
    expect(clampMemoryLimit(9223372036854771712, 25276063744)).toBe(25276063744);
    expect(clampMemoryLimit(Infinity, 1000)).toBe(1000);
    expect(clampMemoryLimit(268435456, 25276063744)).toBe(268435456);
    expect(clampMemoryLimit(500, 0)).toBe(500);
  });
});
