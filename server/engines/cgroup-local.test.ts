import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localSample, resolveCounterFiles, type LocalEngine, type LocalReading } from "./cgroup-local";
import type { CgroupCounters } from "./cgroup-read";

const ID = "a".repeat(64);
const OTHER = "b".repeat(64);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-cglocal-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const engine: LocalEngine = {
  version: 1,
  driver: "cgroupfs",
  machineMemory: 8 * 2 ** 30,
  cgroupRoot: path.join(tmp, "cgroup"),
  procRoot: path.join(tmp, "proc"),
};

function write(p: string, text: string) {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

/** A v1 tree for ID under /docker and a pid 100 that is inside it. */
function makeTree(parent = "docker") {
  const c = (ctrl: string, f: string, text: string) =>
    write(path.join(engine.cgroupRoot, ctrl, parent, ID, f), text);
  c("cpuacct", "cpuacct.usage", "1000\n");
  c("memory", "memory.usage_in_bytes", "4096\n");
  c("memory", "memory.limit_in_bytes", "9223372036854771712\n");
  c("memory", "memory.stat", "total_inactive_file 1024\n");
  c("pids", "pids.current", "2\n");
  c("blkio", "blkio.throttle.io_service_bytes_recursive", "Total 0\n");
  write(
    path.join(engine.procRoot, "100", "cgroup"),
    `4:memory:/${parent}/${ID}\n2:cpuacct:/${parent}/${ID}\n`,
  );
  write(path.join(engine.procRoot, "100", "net", "dev"), "  eth0: 10 1 0 0 0 0 0 0 20 1 0 0 0 0 0 0\n");
  write(path.join(engine.procRoot, "200", "cgroup"), `4:memory:/docker/${OTHER}\n`);
}
makeTree();
makeTree("tenants/a");

const running = (extra: object = {}) => ({
  Id: ID,
  State: { Running: true, Pid: 100 },
  HostConfig: {},
  ...extra,
});

describe("resolveCounterFiles", () => {
  it("finds the default /docker cgroup and reads it once to prove it", () => {
    const f = resolveCounterFiles(engine, running());
    expect(f.dirs.memory).toBe(path.join(engine.cgroupRoot, "memory", "docker", ID));
    expect(f.netPid).toBe(100);
  });

  it("follows HostConfig.CgroupParent", () => {
    const f = resolveCounterFiles(engine, running({ HostConfig: { CgroupParent: "/tenants/a" } }));
    expect(f.dirs.cpuacct).toBe(path.join(engine.cgroupRoot, "cpuacct", "tenants/a", ID));
  });

  it.each([
    ["host networking", { HostConfig: { NetworkMode: "host" } }],
    ["network none", { HostConfig: { NetworkMode: "none" } }],
    ["a disabled network", { Config: { NetworkDisabled: true } }],
  ])("reports no network for %s, as the engine does", (_what, doc) => {
    expect(resolveCounterFiles(engine, running(doc)).netPid).toBeUndefined();
  });

  it("refuses a stopped container, a pid from another namespace and a missing cgroup", () => {
    expect(() => resolveCounterFiles(engine, { Id: ID, State: { Running: false } })).toThrow(/not running/);
    expect(() => resolveCounterFiles(engine, running({ State: { Running: true, Pid: 200 } }))).toThrow(
      /another pid namespace/,
    );
    expect(() =>
      resolveCounterFiles(engine, running({ HostConfig: { CgroupParent: "/elsewhere" } })),
    ).toThrow();
    expect(() => resolveCounterFiles({ ...engine, driver: "systemd" }, running())).toThrow();
  });
});

describe("localSample", () => {
  const counters = (over: Partial<CgroupCounters>): CgroupCounters => ({
    cpuNs: 0,
    memoryUsage: 300 << 20,
    memoryStats: { total_inactive_file: 100 << 20 },
    memoryLimit: 9223372036854771712,
    pids: 3,
    blkRead: 0,
    blkWrite: 0,
    netRx: 0,
    netTx: 0,
    ...over,
  });
  const at = (ts: number, cpuNs: number, systemNs: number): LocalReading => ({
    counters: counters({ cpuNs }),
    systemNs,
    onlineCpus: 2,
    ts,
  });

  it("applies the CLI's formulas to two readings: half a CPU over one second of a 2-CPU host is 50 %", () => {
    const s = localSample(
      { hostId: "local", containerId: ID },
      at(2000, 1.5e9, 6e9),
      at(1000, 1e9, 4e9),
      8 * 2 ** 30,
    );
    expect(s.cpuPercent).toBeCloseTo(50, 6);
    expect(s.memoryBytes).toBe(200 << 20);
    expect(s.memoryLimitBytes).toBe(8 * 2 ** 30);
    expect(s).toMatchObject({ ts: 2000, pids: 3, hostId: "local", containerId: ID });
  });
});
