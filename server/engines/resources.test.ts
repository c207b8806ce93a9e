import { describe, expect, it } from "vitest";
import { readLimits } from "../../lib/quotas";
import { notApplied, toEngineUpdate } from "./resources";

const hostConfig = {
  CpuShares: 512,
  NanoCpus: 500_000_000,
  CpuQuota: 0,
  CpuPeriod: 0,
  CpusetCpus: "0",
  CpusetMems: "",
  Memory: 50_331_648,
  MemoryReservation: 0,
  MemorySwap: 100_663_296,
  OomKillDisable: false,
  PidsLimit: null,
  BlkioWeight: 0,
  BlkioDeviceReadBps: [{ Path: "/dev/vda", Rate: 1048576 }],
  BlkioDeviceWriteBps: null,
  RestartPolicy: { Name: "", MaximumRetryCount: 0 },
};

describe("readLimits", () => {
  it("reads an engine 20.10 HostConfig, normalising unlimited pids and an empty restart policy", () => {
    const l = readLimits(hostConfig);
    expect(l).toMatchObject({
      cpuShares: 512,
      nanoCpus: 500_000_000,
      cpusetCpus: "0",
      memory: 50_331_648,
      pidsLimit: -1,
      restartPolicy: { name: "no", maximumRetryCount: 0 },
      blkioDeviceReadBps: [{ path: "/dev/vda", rate: 1048576 }],
      blkioDeviceWriteBps: [],
    });
  });
});

describe("toEngineUpdate", () => {
  it("maps request names to the engine's and leaves out what was not asked", () => {
    expect(
      toEngineUpdate({
        memory: 1,
        pidsLimit: 64,
        restartPolicy: { name: "on-failure", maximumRetryCount: 3 },
      }),
    ).toEqual({
      Memory: 1,
      PidsLimit: 64,
      RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 },
    });
  });
});

describe("notApplied", () => {
  it("names a requested value the engine did not keep, and accepts both spellings of unlimited pids", () => {
    const after = readLimits({ ...hostConfig, BlkioWeight: 0, PidsLimit: 0 });
    expect(notApplied({ blkioWeight: 300, pidsLimit: -1, memory: 50_331_648 }, after)).toEqual([
      { field: "blkioWeight", requested: 300, actual: 0 },
    ]);
  });

  it("compares restart policies with a default retry count", () => {
    const after = readLimits({ ...hostConfig, RestartPolicy: { Name: "always", MaximumRetryCount: 0 } });
    expect(notApplied({ restartPolicy: { name: "always" } }, after)).toEqual([]);
  });
});
