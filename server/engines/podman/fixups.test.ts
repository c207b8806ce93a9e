import { describe, expect, it } from "vitest";
import { dockerImageName, podmanCreateBody, podmanDf, podmanEvent, withDockerNames } from "./fixups";

describe("podmanCreateBody", () => {
  it("names ulimits as create wants them", () => {
    const { body, fixed } = podmanCreateBody({
      Image: "local/idle:1",
      HostConfig: {
        Ulimits: [
          { Name: "RLIMIT_NOFILE", Soft: 1024, Hard: 1024 },
          { Name: "nproc", Soft: 10, Hard: 20 },
        ],
      },
    });
    expect(body.HostConfig?.Ulimits).toEqual([
      { Name: "nofile", Soft: 1024, Hard: 1024 },
      { Name: "nproc", Soft: 10, Hard: 20 },
    ]);
    expect(fixed).toEqual(["ulimit RLIMIT_NOFILE as nofile"]);
  });

  it("leaves MemorySwappiness unset unless it was chosen", () => {
    for (const v of [0, -1, 101]) {
      const { body, fixed } = podmanCreateBody({ Image: "x", HostConfig: { MemorySwappiness: v } });
      expect(body.HostConfig).not.toHaveProperty("MemorySwappiness");
      expect(fixed).toEqual([`MemorySwappiness ${v} left unset`]);
    }
    const kept = podmanCreateBody({ Image: "x", HostConfig: { MemorySwappiness: 60 } });
    expect(kept.body.HostConfig?.MemorySwappiness).toBe(60);
    expect(kept.fixed).toEqual([]);
  });

  it("changes nothing in a body without those values, and does not touch the caller's", () => {
    const config = { Image: "x", Cmd: ["sh"], HostConfig: { NetworkMode: "none", Ulimits: [] } };
    const copy = structuredClone(config);
    expect(podmanCreateBody(config)).toEqual({ body: config, fixed: [] });
    podmanCreateBody({ Image: "x", HostConfig: { MemorySwappiness: 0 } });
    expect(config).toEqual(copy);
    expect(podmanCreateBody({ Image: "x" })).toEqual({ body: { Image: "x" }, fixed: [] });
  });
});

describe("podmanEvent", () => {
  it('reads a container\'s "remove" as Docker\'s "destroy"', () => {
    const raw = { Type: "container", Action: "remove", status: "remove", Actor: { ID: "abc" } };
    expect(podmanEvent(raw)).toEqual({ ...raw, Action: "destroy", status: "destroy" });
  });

  it("names a volume event's volume in Actor.ID, as Docker does", () => {
    const raw = {
      Type: "volume",
      Action: "create",
      status: "create",
      Actor: { ID: "", Attributes: { name: "data", containerExitCode: "0" } },
    };
    expect(podmanEvent(raw)).toEqual({ ...raw, Actor: { ID: "data", Attributes: raw.Actor.Attributes } });
  });

  it("leaves a volume event that names its volume, or names none, as it is", () => {
    for (const raw of [
      { Type: "volume", Action: "create", Actor: { ID: "data", Attributes: { name: "other" } } },
      { Type: "volume", Action: "create", Actor: { ID: "", Attributes: {} } },
      { Type: "volume", Action: "create" },
    ])
      expect(podmanEvent(raw)).toBe(raw);
  });

  it("leaves every other event as it is", () => {
    for (const raw of [
      { Type: "container", Action: "start" },
      { Type: "network", Action: "remove" },
      { Type: "image", Action: "remove" },
      "text",
      null,
    ])
      expect(podmanEvent(raw)).toBe(raw);
  });
});

describe("image names", () => {
  it("drops docker.io/ and docker.io/library/ as Docker's lists do", () => {
    expect(dockerImageName("docker.io/local/busybox:1.35")).toBe("local/busybox:1.35");
    expect(dockerImageName("docker.io/library/busybox:latest")).toBe("busybox:latest");
    expect(dockerImageName("localhost/ref/busybox:1")).toBe("localhost/ref/busybox:1");
    expect(dockerImageName("127.0.0.1:5000/busybox:1.35")).toBe("127.0.0.1:5000/busybox:1.35");
    expect(withDockerNames({ Id: "i", RepoTags: ["docker.io/local/idle:1"] }).RepoTags).toEqual([
      "local/idle:1",
    ]);
    expect(withDockerNames({ Id: "i", RepoTags: null }).RepoTags).toBeNull();
    expect(withDockerNames({ Id: "i", RepoDigests: ["docker.io/local/idle@sha256:1b"] }).RepoDigests).toEqual(
      ["local/idle@sha256:1b"],
    );
  });
});

describe("podmanDf", () => {
  it("names images from the image list and totals their sizes", () => {
    const df = {
      LayersSize: 0,
      Images: [
        { Id: "a", RepoTags: ["1.35"], Size: 100 },
        { Id: "b", RepoTags: ["1"], Size: 50 },
      ],
    };
    const out = podmanDf(df, [{ Id: "sha256:a", RepoTags: ["docker.io/local/busybox:1.35"] }]);
    expect(out.Images?.map((i) => i.RepoTags)).toEqual([["local/busybox:1.35"], ["1"]]);
    expect(out.LayersSize).toBe(150);
  });
});
