import { describe, expect, it } from "vitest";
import { anonymousVolumes, inheritVolumes } from "./inherit-volumes";

const OLD_ANON = "a".repeat(64);
const OLD_IMAGE = "b".repeat(64);

const old = {
  Mounts: [
    { Type: "volume", Name: OLD_ANON, Destination: "/data", RW: true },
    { Type: "volume", Name: OLD_IMAGE, Destination: "/var/cache/", RW: false },
    { Type: "volume", Name: "shop_db", Destination: "/db", RW: true },
    { Type: "bind", Source: "/srv/conf", Destination: "/conf", RW: false },
  ],
};

describe("inheritVolumes", () => {
  it("mounts the old container's volume where the file asks for an anonymous one", () => {
    const config = {
      Image: "x",
      HostConfig: { Mounts: [{ Type: "volume", Target: "/data", ReadOnly: false }] },
    };

    const out = inheritVolumes(config, old, []);

    expect(out.inherited).toEqual(["/data"]);
    expect(out.config.HostConfig?.Mounts).toEqual([
      { Type: "volume", Source: OLD_ANON, Target: "/data", ReadOnly: false },
    ]);
    // The body handed in is left as it was.
    expect(config.HostConfig.Mounts[0]).not.toHaveProperty("Source");
  });

  it("adds the old volume at a path the image declares, keeping its read-only flag", () => {
    const out = inheritVolumes({ Image: "x" }, old, ["/var/cache"]);

    expect(out.inherited).toEqual(["/var/cache"]);
    expect(out.config.HostConfig?.Mounts).toEqual([
      { Type: "volume", Source: OLD_IMAGE, Target: "/var/cache", ReadOnly: true },
    ]);
  });

  it("leaves paths the file fills itself: a named volume, a bind, a tmpfs", () => {
    const config = {
      Image: "x",
      HostConfig: {
        Mounts: [{ Type: "volume", Source: "other", Target: "/data" }],
        Binds: ["/srv/cache:/var/cache:ro"],
        Tmpfs: { "/db": "" },
      },
    };

    const out = inheritVolumes(config, old, ["/var/cache", "/db"]);

    expect(out.inherited).toEqual([]);
    expect(out.config).toBe(config);
  });

  it("starts empty where the old container had no volume, or only a bind", () => {
    const config = { Image: "x", HostConfig: { Mounts: [{ Type: "volume", Target: "/conf" }] } };

    const out = inheritVolumes(config, old, ["/new"]);

    expect(out.inherited).toEqual([]);
    expect(out.config).toBe(config);
  });
});

describe("anonymousVolumes", () => {
  it("names the volumes the engine named, not the file's, nor binds", () => {
    expect(anonymousVolumes(old)).toEqual([OLD_ANON, OLD_IMAGE]);
    expect(anonymousVolumes({ Mounts: null })).toEqual([]);
  });
});
