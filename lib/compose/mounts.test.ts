import { describe, expect, it } from "vitest";
import { parseLongVolume, parseServiceTmpfs, parseShortVolume } from "./mounts";

const WD = "/srv/stacks/demo";

describe("parseShortVolume", () => {
  it.each([
    ["/var/lib/data", { type: "volume", target: "/var/lib/data", readOnly: false, nocopy: false }],
    [
      "data:/var/lib/data",
      { type: "volume", source: "data", target: "/var/lib/data", readOnly: false, nocopy: false },
    ],
    ["data:/d:ro,nocopy", { type: "volume", source: "data", target: "/d", readOnly: true, nocopy: true }],
    [
      "./conf:/etc/app",
      { type: "bind", source: `${WD}/conf`, target: "/etc/app", readOnly: false, createHostPath: true },
    ],
    [
      "../shared:/s:ro",
      { type: "bind", source: "/srv/stacks/shared", target: "/s", readOnly: true, createHostPath: true },
    ],
    [
      "/abs/path:/in:rw",
      { type: "bind", source: "/abs/path", target: "/in", readOnly: false, createHostPath: true },
    ],
    [
      "/abs:/in:ro,rshared,cached",
      {
        type: "bind",
        source: "/abs",
        target: "/in",
        readOnly: true,
        propagation: "rshared",
        createHostPath: true,
      },
    ],
    [".:/app", { type: "bind", source: WD, target: "/app", readOnly: false, createHostPath: true }],
  ])("%j", (spec, mount) => {
    expect(parseShortVolume(spec, WD)).toEqual({ mount });
  });

  it("resolves against / by default and never above it", () => {
    expect(parseShortVolume("../../x:/x", "/")).toEqual({
      mount: { type: "bind", source: "/x", target: "/x", readOnly: false, createHostPath: true },
    });
  });

  it("reads a lone relative path as a relative target, and refuses it", () => {
    expect(parseShortVolume("data", WD)).toEqual({ error: 'the target "data" must be an absolute path' });
  });

  it.each([
    ["data:rel", 'the target "rel" must be an absolute path'],
    ["a:/b:ro:x", '"a:/b:ro:x" has too many ":"-separated parts'],
    ["data:", '"data:" needs a target path'],
    ["./x:/y:z", 'the SELinux option "z" in "./x:/y:z" is not supported'],
    ["./x:/y:nocopy", 'unknown option "nocopy" in "./x:/y:nocopy"'],
    ["vol:/y:rshared", 'unknown option "rshared" in "vol:/y:rshared"'],
    ["~/x:/y", '"~/x": a path under "~" cannot be resolved here; use an absolute path'],
  ])("refuses %j", (spec, error) => {
    expect(parseShortVolume(spec, WD)).toEqual({ error });
  });
});

describe("parseLongVolume", () => {
  it("reads volume, bind and tmpfs mounts with their options", () => {
    expect(
      parseLongVolume(
        { type: "volume", source: "data", target: "/d", read_only: true, volume: { nocopy: true } },
        WD,
      ),
    ).toEqual({
      mount: { type: "volume", source: "data", target: "/d", readOnly: true, nocopy: true },
    });
    expect(parseLongVolume({ type: "volume", target: "/anon" }, WD)).toEqual({
      mount: { type: "volume", target: "/anon", readOnly: false, nocopy: false },
    });
    expect(
      parseLongVolume(
        {
          type: "bind",
          source: "./www",
          target: "/www",
          bind: { propagation: "rslave", create_host_path: true },
        },
        WD,
      ),
    ).toEqual({
      mount: {
        type: "bind",
        source: `${WD}/www`,
        target: "/www",
        readOnly: false,
        propagation: "rslave",
        createHostPath: true,
      },
    });
    expect(parseLongVolume({ type: "bind", source: "/etc/x", target: "/x" }, WD)).toEqual({
      mount: { type: "bind", source: "/etc/x", target: "/x", readOnly: false, createHostPath: false },
    });
    expect(
      parseLongVolume({ type: "tmpfs", target: "/tmp", tmpfs: { size: "64m", mode: "1777" } }, WD),
    ).toEqual({
      mount: { type: "tmpfs", target: "/tmp", size: 64 * 1024 ** 2, mode: 0o1777 },
    });
    expect(parseLongVolume({ type: "tmpfs", target: "/tmp", tmpfs: { size: 1000 } }, WD)).toEqual({
      mount: { type: "tmpfs", target: "/tmp", size: 1000 },
    });
  });

  it.each([
    [
      { type: "npipe", source: "x", target: "/x" },
      'mounts of type "npipe" are not supported; use volume, bind or tmpfs',
    ],
    [{ type: "bind", target: "/x" }, 'a bind mount needs a "source" path on the host'],
    [
      { type: "bind", source: "/a", target: "/x", bind: { propagation: "weird" } },
      'unknown propagation "weird": use shared, rshared, slave, rslave, private, rprivate',
    ],
    [
      { type: "volume", source: "v", target: "/x", bind: {} },
      '"bind" options do not apply to a mount of type "volume"',
    ],
    [{ type: "tmpfs", source: "s", target: "/x" }, 'a tmpfs mount takes no "source"'],
    [{ type: "tmpfs", target: "/x", tmpfs: { size: "big" } }, 'tmpfs size "big" is not a size such as "64m"'],
    [{ type: "volume", source: "v" }, 'needs a "target" path in the container'],
  ])("refuses %j", (raw, error) => {
    expect(parseLongVolume(raw, WD)).toEqual({ error });
  });
});

describe("parseServiceTmpfs", () => {
  it("reads a path with size and mode options", () => {
    expect(parseServiceTmpfs("/run")).toEqual({ mount: { type: "tmpfs", target: "/run" } });
    expect(parseServiceTmpfs("/run:rw,size=65536k,mode=1777")).toEqual({
      mount: { type: "tmpfs", target: "/run", size: 64 * 1024 ** 2, mode: 0o1777 },
    });
  });

  it("refuses options the engine's mount cannot carry", () => {
    expect(parseServiceTmpfs("/run:noexec")).toEqual({
      error: 'the tmpfs option "noexec" in "/run:noexec" is not supported; only size and mode are',
    });
  });
});
