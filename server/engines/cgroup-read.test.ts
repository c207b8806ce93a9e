import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NET_DEV, V1_DIR, V2_FILES } from "./__fixtures__/cgroup-files";
import { CounterReader, REFRESH_EVERY, readCounters } from "./cgroup-read";
import { cgroupDirs } from "./cgroup-paths";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-cgroup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("readCounters", () => {
  it("reads a v1 container from per-controller directories", () => {
    const root = path.join(tmp, "v1");
    const dirs = cgroupDirs(root, 1, "docker/abc");
    for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
    for (const f of fs.readdirSync(V1_DIR)) {
      const ctrl = f.startsWith("cpuacct")
        ? "cpuacct"
        : f.startsWith("memory")
          ? "memory"
          : f.startsWith("pids")
            ? "pids"
            : "blkio";
      fs.copyFileSync(path.join(V1_DIR, f), path.join(dirs[ctrl], f));
    }
    fs.mkdirSync(path.join(tmp, "proc", "42", "net"), { recursive: true });
    fs.writeFileSync(path.join(tmp, "proc", "42", "net", "dev"), NET_DEV);
    const c = readCounters({ version: 1, dirs, netPid: 42, procRoot: path.join(tmp, "proc") });
    expect(c).toMatchObject({
      cpuNs: 650531254,
      memoryUsage: 102461440,
      memoryLimit: 268435456,
      pids: 3,
      blkRead: 0,
      blkWrite: 0,
      netRx: 974117410,
      netTx: 2518224,
    });
    expect(c.memoryStats.total_inactive_file).toBe(0);
    expect(readCounters({ version: 1, dirs }).netRx).toBe(0);
  });

  it("reads a v2 container from its unified directory", () => {
    const dirs = cgroupDirs(path.join(tmp, "v2"), 2, "system.slice/docker-abc.scope");
    fs.mkdirSync(dirs.memory, { recursive: true });
    for (const [f, text] of Object.entries(V2_FILES)) fs.writeFileSync(path.join(dirs.memory, f), text);
    expect(readCounters({ version: 2, dirs })).toMatchObject({
      cpuNs: 10250000000,
      memoryUsage: 209715200,
      memoryLimit: Infinity,
      pids: 7,
      blkRead: 1052672,
      blkWrite: 4194304,
    });
  });

  it("keeps the files open and sees new values; the limit is re-read every REFRESH_EVERY readings", () => {
    const dirs = cgroupDirs(path.join(tmp, "v2-live"), 2, "docker/abc");
    fs.mkdirSync(dirs.memory, { recursive: true });
    for (const [f, text] of Object.entries(V2_FILES)) fs.writeFileSync(path.join(dirs.memory, f), text);
    const r = new CounterReader({ version: 2, dirs });
    expect(r.read().pids).toBe(7);
    fs.writeFileSync(path.join(dirs.pids, "pids.current"), "9\n");
    fs.writeFileSync(path.join(dirs.memory, "memory.max"), "1048576\n");
    const next = r.read();
    expect(next.pids).toBe(9);
    expect(next.memoryLimit).toBe(Infinity);
    for (let i = 2; i < REFRESH_EVERY; i++) r.read();
    expect(r.read().memoryLimit).toBe(1048576);
    r.close();
  });

  it("throws when the container's cgroup is gone", () => {
    expect(() =>
      readCounters({ version: 1, dirs: cgroupDirs(path.join(tmp, "none"), 1, "docker/x") }),
    ).toThrow();
  });
});
