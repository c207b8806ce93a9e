import { describe, expect, it } from "vitest";
import type { RawDf } from "./system-df";
import { matchesLabelFilters, planPrune, type PrunePlanInput } from "./system-prune-plan";

const df: RawDf = {
  Images: [
    { Id: "sha256:app", RepoTags: ["app:1"], Size: 500, SharedSize: 100, Containers: 1, Labels: { t: "1" } },
    {
      Id: "sha256:old",
      RepoTags: ["<none>:<none>"],
      Size: 300,
      SharedSize: 100,
      Containers: 1,
      Labels: { t: "1" },
    },
    { Id: "sha256:spare", RepoTags: ["spare:1"], Size: 200, SharedSize: 0, Containers: 0, Labels: {} },
  ],
  Containers: [
    {
      Id: "run",
      Names: ["/run"],
      State: "running",
      ImageID: "sha256:app",
      Labels: { t: "1" },
      Mounts: [{ Type: "volume", Name: "kept" }],
    },
    {
      Id: "dead",
      Names: ["/dead"],
      State: "exited",
      ImageID: "sha256:old",
      SizeRw: 42,
      Labels: { t: "1" },
      Mounts: [{ Type: "volume", Name: "freed" }],
    },
  ],
  Volumes: [
    { Name: "kept", Driver: "local", UsageData: { Size: 10, RefCount: 1 }, Labels: { t: "1" } },
    { Name: "freed", Driver: "local", UsageData: { Size: 20, RefCount: 1 }, Labels: { t: "1" } },
    {
      Name: "tmp",
      Driver: "local",
      Options: { type: "tmpfs" },
      UsageData: { Size: -1, RefCount: 0 },
      Labels: { t: "1" },
    },
    { Name: "a".repeat(64), Driver: "local", UsageData: { Size: 5, RefCount: 0 }, Labels: { t: "1" } },
  ],
  BuildCache: [{ ID: "cache1", Size: 7, InUse: false, Shared: false }],
};

const base: PrunePlanInput = {
  df,
  networks: [
    { Id: "n1", Name: "none" },
    { Id: "n2", Name: "idle", Labels: { t: "1" }, Containers: {} },
    { Id: "n3", Name: "busy", Labels: { t: "1" }, Containers: { run: {} } },
  ],
  images: "dangling",
  volumes: true,
  buildCache: true,
  volumesCoverNamed: true,
};

const ids = (plan: ReturnType<typeof planPrune>, k: keyof ReturnType<typeof planPrune>) =>
  plan[k].items.map((i) => i.id);

describe("planPrune", () => {
  it("counts images and volumes freed by the containers it prunes first", () => {
    const plan = planPrune(base);

    expect(ids(plan, "containers")).toEqual(["dead"]);
    expect(ids(plan, "images")).toEqual(["sha256:old"]);
    expect(plan.images.size).toBe(200);
    expect(ids(plan, "volumes")).toEqual(["freed", "a".repeat(64)]);
    expect(ids(plan, "networks")).toEqual(["n2"]);
    expect(ids(plan, "buildCache")).toEqual(["cache1"]);
  });

  it("takes every unused image in `all` mode, and only anonymous volumes on newer engines", () => {
    const plan = planPrune({ ...base, images: "all", volumesCoverNamed: false });

    expect(ids(plan, "images")).toEqual(["sha256:old", "sha256:spare"]);
    expect(ids(plan, "volumes")).toEqual(["a".repeat(64)]);
  });

  it("applies label filters to every kind, and leaves build cache out when filtering by label", () => {
    const plan = planPrune({ ...base, images: "all", filters: { label: ["t=1"] } });

    expect(ids(plan, "images")).toEqual(["sha256:old"]);
    expect(plan.buildCache).toMatchObject({ included: false, items: [] });
  });

  it("leaves volumes out unless asked for", () => {
    expect(planPrune({ ...base, volumes: false }).volumes).toMatchObject({
      included: false,
      items: [],
      size: 0,
    });
  });
});

describe("matchesLabelFilters", () => {
  it("needs every key present and every key=value equal", () => {
    expect(matchesLabelFilters({ a: "1", b: "" }, { label: ["a=1", "b"] })).toBe(true);
    expect(matchesLabelFilters({ a: "2" }, { label: ["a=1"] })).toBe(false);
    expect(matchesLabelFilters(null, undefined)).toBe(true);
  });
});
