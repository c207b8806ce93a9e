import { describe, expect, it } from "vitest";
import { cpuPercent } from "../stats-math";
import { podmanCpuPercent, podmanSample } from "./stats";

const ref = { hostId: "podman", containerId: "c1" };

// Two one-shot readings of a container held to half a CPU (--cpus 0.5), 5 s apart, as Podman 4.3.1
// answered them: its system_cpu_usage moved 2.68 s over those 5 s on a 2-CPU machine.
const first = {
  read: "2026-12-06T00:39:24.316487725Z",
  cpu_stats: { cpu_usage: { total_usage: 8961331847 }, system_cpu_usage: 7938358435205, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 8961331847 }, system_cpu_usage: 7938358400000 },
  memory_stats: { usage: 462848, limit: 25276194816 },
  pids_stats: { current: 1 },
};
const second = {
  read: "2026-12-06T00:39:29.318970701Z",
  cpu_stats: { cpu_usage: { total_usage: 11461256295 }, system_cpu_usage: 7941042464144, online_cpus: 2 },
  precpu_stats: { cpu_usage: { total_usage: 11461256295 }, system_cpu_usage: 7941042400000 },
  memory_stats: { usage: 462848, limit: 25276194816 },
  pids_stats: { current: 1 },
};

describe("podmanCpuPercent", () => {
  it("is the container's CPU time over the wall time between two readings", () => {
    const pct = podmanCpuPercent(second, first);
    expect(pct).toBeCloseTo(49.97, 1);
  });

  it("differs from what Docker's formula makes of the same readings", () => {
    // Docker's formula against Podman's own precpu: no CPU at all; against the previous reading: 186 %.
    expect(cpuPercent(second.cpu_stats, second.precpu_stats)).toBe(0);
    expect(cpuPercent(second.cpu_stats, first.cpu_stats)).toBeGreaterThan(180);
  });

  it("has no value without a previous reading, over no time, or across a restart", () => {
    expect(podmanCpuPercent(second, undefined)).toBeUndefined();
    expect(podmanCpuPercent(second, second)).toBeUndefined();
    expect(podmanCpuPercent(first, second)).toBeUndefined();
    expect(podmanCpuPercent({ ...second, read: undefined }, first)).toBeUndefined();
  });

  it("is 0 for an idle container", () => {
    const idle = { ...second, cpu_stats: first.cpu_stats };
    expect(podmanCpuPercent(idle, first)).toBe(0);
  });
});

describe("podmanSample", () => {
  it("keeps the engine's figures and time beside the CPU %", () => {
    const s = podmanSample(second, first, ref);
    expect(s).toMatchObject({
      hostId: "podman",
      containerId: "c1",
      ts: Date.parse(second.read),
      memoryBytes: 462848,
      memoryLimitBytes: 25276194816,
      pids: 1,
    });
    expect(s?.cpuPercent).toBeCloseTo(49.97, 1);
  });

  it("gives nothing for the first reading", () => {
    expect(podmanSample(first, undefined, ref)).toBeUndefined();
  });
});
