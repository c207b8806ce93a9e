import { describe, expect, it } from "vitest";
import { cpuLimit, summarizeHost, usageTone, type ContainerLimits, type QuotaRow } from "./quotas";

const base: ContainerLimits = {
  cpuShares: 0,
  nanoCpus: 0,
  cpuQuota: 0,
  cpuPeriod: 0,
  cpusetCpus: "",
  cpusetMems: "",
  memory: 0,
  memoryReservation: 0,
  memorySwap: 0,
  oomKillDisable: false,
  pidsLimit: -1,
  blkioWeight: 0,
  blkioDeviceReadBps: [],
  blkioDeviceWriteBps: [],
  blkioDeviceReadIOps: [],
  blkioDeviceWriteIOps: [],
  restartPolicy: { name: "no", maximumRetryCount: 0 },
};
const row = (state: string, l: Partial<ContainerLimits>): QuotaRow => ({
  hostId: "h",
  id: Math.random().toString(36),
  name: "c",
  state,
  limits: { ...base, ...l },
});

describe("cpuLimit", () => {
  it("prefers NanoCpus, then quota over period (default period 100 ms), else unlimited", () => {
    expect(cpuLimit({ nanoCpus: 1_500_000_000, cpuQuota: 50_000, cpuPeriod: 100_000 })).toBe(1.5);
    expect(cpuLimit({ nanoCpus: 0, cpuQuota: 50_000, cpuPeriod: 0 })).toBe(0.5);
    expect(cpuLimit({ nanoCpus: 0, cpuQuota: 200_000, cpuPeriod: 50_000 })).toBe(4);
    expect(cpuLimit({ nanoCpus: 0, cpuQuota: -1, cpuPeriod: 100_000 })).toBe(0);
  });
});

describe("summarizeHost", () => {
  it("sums running containers only and flags overcommit", () => {
    const s = summarizeHost("h", 2, 1000, [
      row("running", { nanoCpus: 1_500_000_000, memory: 600, memoryReservation: 100 }),
      row("running", { cpuQuota: 100_000, cpuPeriod: 100_000, memory: 500 }),
      row("running", {}),
      row("exited", { nanoCpus: 8e9, memory: 10_000 }),
    ]);
    expect(s).toMatchObject({
      cpuLimitSum: 2.5,
      cpuUnlimited: 1,
      memoryLimitSum: 1100,
      memoryReservationSum: 100,
      memoryUnlimited: 1,
      overcommitted: { cpu: true, memory: true },
    });
  });

  it("is not overcommitted at exactly the host's capacity", () => {
    const s = summarizeHost("h", 2, 1000, [row("running", { nanoCpus: 2e9, memory: 1000 })]);
    expect(s.overcommitted).toEqual({ cpu: false, memory: false });
  });
});

describe("usageTone", () => {
  it("turns amber at 80% and red at 95%, and has no tone without a limit", () => {
    expect(usageTone(79, 100)).toBe("ok");
    expect(usageTone(80, 100)).toBe("warn");
    expect(usageTone(94.9, 100)).toBe("warn");
    expect(usageTone(95, 100)).toBe("bad");
    expect(usageTone(50, 0)).toBe("none");
  });
});
