import { describe, expect, it } from "vitest";
import type { ImageSummary } from "@/lib/images/types";
import { filterImages, imageName, imageRef } from "./image-filter";

function img(over: Partial<ImageSummary>): ImageSummary {
  return {
    hostId: "local",
    id: "sha256:aaaa",
    repoTags: [],
    repoDigests: [],
    size: 0,
    sharedSize: 0,
    created: 0,
    containers: 0,
    dangling: false,
    unused: true,
    labels: {},
    ...over,
  };
}

const busybox = img({
  id: "sha256:b1",
  repoTags: ["local/busybox:1.35"],
  size: 2e6,
  created: 3,
  containers: 2,
  unused: false,
});
const ticker = img({ id: "sha256:c2", repoTags: ["local/ticker:1"], size: 5e6, created: 1, hostId: "edge" });
const orphan = img({ id: "sha256:d3", dangling: true, size: 9e6, created: 2 });

describe("imageName and imageRef", () => {
  it("shows <none> for a dangling image and refers to it by id", () => {
    expect(imageName(orphan)).toBe("<none>");
    expect(imageRef(orphan)).toBe("sha256:d3");
  });

  it("uses the first tag of a named image", () => {
    expect(imageName(busybox)).toBe("local/busybox:1.35");
    expect(imageRef(busybox)).toBe("local/busybox:1.35");
  });
});

describe("filterImages", () => {
  const all = [ticker, orphan, busybox];

  it("sorts by name with dangling images last in both directions", () => {
    expect(filterImages(all, { sort: "name", dir: "asc" }).map(imageName)).toEqual([
      "local/busybox:1.35",
      "local/ticker:1",
      "<none>",
    ]);
    expect(filterImages(all, { sort: "name", dir: "desc" }).map(imageName)).toEqual([
      "local/ticker:1",
      "local/busybox:1.35",
      "<none>",
    ]);
  });

  it("sorts by size descending", () => {
    expect(filterImages(all, { sort: "size", dir: "desc" }).map((i) => i.id)).toEqual([
      "sha256:d3",
      "sha256:c2",
      "sha256:b1",
    ]);
  });

  it("keeps only dangling, or only unused, images", () => {
    expect(filterImages(all, { sort: "name", dir: "asc", dangling: true })).toEqual([orphan]);
    expect(filterImages(all, { sort: "name", dir: "asc", unused: true }).map((i) => i.id)).toEqual([
      "sha256:c2",
      "sha256:d3",
    ]);
  });

  it("searches tags, id prefixes with or without sha256:, and <none>", () => {
    expect(filterImages(all, { sort: "name", dir: "asc", q: "TICK" })).toEqual([ticker]);
    expect(filterImages(all, { sort: "name", dir: "asc", q: "b1" })).toEqual([busybox]);
    expect(filterImages(all, { sort: "name", dir: "asc", q: "sha256:d" })).toEqual([orphan]);
    expect(filterImages(all, { sort: "name", dir: "asc", q: "<none" })).toEqual([orphan]);
  });

  it("filters by host", () => {
    expect(filterImages(all, { sort: "name", dir: "asc", host: "edge" })).toEqual([ticker]);
  });
});
