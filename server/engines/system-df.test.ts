import { describe, expect, it } from "vitest";
import { summariseDf, toDiskUsage, type RawDf } from "./system-df";

const df: RawDf = {
  LayersSize: 1000,
  Images: [
    { Id: "sha256:a", RepoTags: ["app:1"], Size: 600, SharedSize: 200, Containers: 2 },
    { Id: "sha256:b", RepoTags: ["<none>:<none>"], Size: 300, SharedSize: 200, Containers: 0 },
    { Id: "sha256:c", RepoTags: ["odd:1"], Size: -1, SharedSize: -1, Containers: 1 },
  ],
  Containers: [
    { Id: "c1", Names: ["/web"], State: "running", SizeRw: 10 },
    { Id: "c2", Names: ["/paused"], State: "paused", SizeRw: 20 },
    { Id: "c3", Names: ["/old"], State: "exited", SizeRw: 40 },
    { Id: "c4", Names: ["/new"], State: "created", SizeRw: -1 },
  ],
  Volumes: [
    { Name: "used", UsageData: { Size: 100, RefCount: 1 } },
    { Name: "free", UsageData: { Size: 50, RefCount: 0 } },
    { Name: "unsized", UsageData: { Size: -1, RefCount: 0 } },
  ],
  BuildCache: [
    { ID: "b1", Size: 70, InUse: false, Shared: false },
    { ID: "b2", Size: 30, InUse: true, Shared: false },
    { ID: "b3", Size: 500, InUse: false, Shared: true },
  ],
};

describe("summariseDf", () => {
  it("counts like docker system df: layers once, what images in use hold alone is not reclaimable", () => {
    const s = summariseDf(df);

    // Used: app (600 - 200); "odd" has unknown sizes and is skipped, as the CLI does.
    expect(s.images).toEqual({ total: 3, active: 2, size: 1000, reclaimable: 600 });
  });

  it("treats paused containers as active and unknown sizes as zero", () => {
    expect(summariseDf(df).containers).toEqual({ total: 4, active: 2, size: 70, reclaimable: 40 });
  });

  it("counts referenced volumes as active and skips sizes the engine did not compute", () => {
    expect(summariseDf(df).volumes).toEqual({ total: 3, active: 1, size: 150, reclaimable: 50 });
  });

  it("leaves shared build cache out of size and reclaimable", () => {
    expect(summariseDf(df).buildCache).toEqual({ total: 3, active: 1, size: 100, reclaimable: 70 });
  });

  it("handles an engine that answers nulls for empty lists", () => {
    const s = summariseDf({ LayersSize: 0, Images: null, Containers: null, Volumes: null, BuildCache: null });

    expect(Object.values(s).every((r) => r.total === 0 && r.size === 0 && r.reclaimable === 0)).toBe(true);
  });
});

describe("toDiskUsage", () => {
  it("adds totals and readable lists", () => {
    const u = toDiskUsage("local", df);

    expect(u.totalSize).toBe(1000 + 70 + 150 + 100);
    expect(u.totalReclaimable).toBe(600 + 40 + 50 + 70);
    expect(u.images[1]).toMatchObject({ id: "sha256:b", repoTags: [], containers: 0 });
    expect(u.containers.map((c) => c.name)).toEqual(["web", "paused", "old", "new"]);
    expect(u.volumes[2]).toEqual({ name: "unsized", driver: "", size: -1, refCount: 0 });
  });
});
