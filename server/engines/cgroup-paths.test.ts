import { describe, expect, it } from "vitest";
import { cgroupDirs, containerCgroupPath, expandSlice, parseProcCgroup } from "./cgroup-paths";

const ID = "fcd1d3a371337744d3edfa91e2678378f6e56b7606f68c706914e5f079f3e182";

describe("containerCgroupPath", () => {
  it("cgroupfs: /docker/<id> unless HostConfig.CgroupParent says otherwise", () => {
    expect(containerCgroupPath(ID, "cgroupfs")).toBe(`docker/${ID}`);
    expect(containerCgroupPath(ID, "cgroupfs", "")).toBe(`docker/${ID}`);
    expect(containerCgroupPath(ID, "cgroupfs", "/tenants/a")).toBe(`tenants/a/${ID}`);
    expect(containerCgroupPath(ID, "cgroupfs", "tenants")).toBe(`tenants/${ID}`);
  });

  it("systemd: docker-<id>.scope in system.slice or the expanded parent slice", () => {
    expect(containerCgroupPath(ID, "systemd")).toBe(`system.slice/docker-${ID}.scope`);
    expect(containerCgroupPath(ID, "systemd", "tenant-a.slice")).toBe(
      `tenant.slice/tenant-a.slice/docker-${ID}.scope`,
    );
    expect(containerCgroupPath(ID, "systemd", "not-a-slice")).toBeUndefined();
  });

  it("refuses anything but a full id, so no path can climb out of the tree", () => {
    expect(containerCgroupPath("../../etc", "cgroupfs")).toBeUndefined();
    expect(containerCgroupPath(ID.slice(0, 12), "cgroupfs")).toBeUndefined();
  });
});

describe("expandSlice (runc's rules)", () => {
  it("nests each dash-separated prefix", () => {
    expect(expandSlice("system.slice")).toBe("system.slice");
    expect(expandSlice("a-b-c.slice")).toBe("a.slice/a-b.slice/a-b-c.slice");
    expect(expandSlice("-.slice")).toBe("");
  });
  it("rejects malformed names", () => {
    for (const bad of ["a--b.slice", "-a.slice", "a-.slice", "a/b.slice", "a.scope"])
      expect(expandSlice(bad)).toBeUndefined();
  });
});

describe("cgroupDirs", () => {
  it("v1: one hierarchy per controller", () => {
    expect(cgroupDirs("/sys/fs/cgroup", 1, `docker/${ID}`)).toEqual({
      cpuacct: `/sys/fs/cgroup/cpuacct/docker/${ID}`,
      memory: `/sys/fs/cgroup/memory/docker/${ID}`,
      pids: `/sys/fs/cgroup/pids/docker/${ID}`,
      blkio: `/sys/fs/cgroup/blkio/docker/${ID}`,
    });
  });
  it("v2: the one unified directory", () => {
    const d = `/sys/fs/cgroup/system.slice/docker-${ID}.scope`;
    expect(cgroupDirs("/sys/fs/cgroup", 2, `system.slice/docker-${ID}.scope`)).toEqual({
      cpuacct: d,
      memory: d,
      pids: d,
      blkio: d,
    });
  });
});

describe("parseProcCgroup", () => {
  it("maps v1 controllers (including joined ones) and the v2 line", () => {
    const m = parseProcCgroup(
      `12:pids:/docker/${ID}\n4:cpu,cpuacct:/docker/${ID}\n1:name=systemd:/docker/${ID}\n0::/\n`,
    );
    expect(m.get("pids")).toBe(`/docker/${ID}`);
    expect(m.get("cpuacct")).toBe(`/docker/${ID}`);
    expect(m.get("cpu")).toBe(`/docker/${ID}`);
    expect(m.get("")).toBe("/");
    expect(parseProcCgroup(`0::/system.slice/docker-${ID}.scope\n`).get("")).toBe(
      `/system.slice/docker-${ID}.scope`,
    );
  });
});
